namespace CoproSurvey.Core.Statistics;

/// <summary>
/// A regression design: the model matrix X (column-major, one column per coefficient, the intercept column of ones
/// first when there is one), the response y, and the bookkeeping of listwise deletion. Built from
/// <see cref="AnalysisData"/> and a <see cref="ModelSpecification"/> by <see cref="Build"/>, or wrapped around an
/// in-memory matrix by <see cref="FromColumnMajor"/>.
/// </summary>
public sealed class DesignMatrix
{
    /// <summary>The name R gives the intercept column.</summary>
    public const string InterceptName = "(Intercept)";

    private readonly double[] values;
    private readonly double[] response;

    private DesignMatrix(double[] values, int rows, IReadOnlyList<string> columnNames, double[] response, string responseName,
        bool hasIntercept, IReadOnlyList<int> rowIndices, int droppedRows, int[]? clusters, int clusterCount)
    {
        this.values = values;
        this.response = response;
        Rows = rows;
        ColumnNames = columnNames;
        ResponseName = responseName;
        HasIntercept = hasIntercept;
        RowIndices = rowIndices;
        DroppedRows = droppedRows;
        Clusters = clusters;
        ClusterCount = clusterCount;
    }

    /// <summary>Number of rows (complete cases).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (coefficients before any aliased column is dropped).</summary>
    public int Columns => ColumnNames.Count;

    /// <summary>Column names as R names them: <c>(Intercept)</c>, <c>x1</c>, <c>countryDE</c>, <c>x1:x2</c>, <c>x1:fieldhealth</c>.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The name of the response.</summary>
    public string ResponseName { get; }

    /// <summary>The response, one value per row.</summary>
    public IReadOnlyList<double> Response => response;

    /// <summary>True when column 0 is the intercept (all ones).</summary>
    public bool HasIntercept { get; }

    /// <summary>For each row of the design, the index of the row of the source data it came from.</summary>
    public IReadOnlyList<int> RowIndices { get; }

    /// <summary>Rows of the source data left out because a variable of the model (or the cluster) was missing.</summary>
    public int DroppedRows { get; }

    /// <summary>Number of distinct clusters among the rows, 0 when no cluster variable was given.</summary>
    public int ClusterCount { get; }

    /// <summary>The element at (row, column).</summary>
    public double this[int row, int column] => values[(column * Rows) + row];

    /// <summary>Cluster code (0..ClusterCount-1) per row, or null.</summary>
    internal int[]? Clusters { get; }

    internal double[] Values => values;

    internal double[] ResponseArray => response;

    internal ReadOnlySpan<double> Column(int column) => values.AsSpan(column * Rows, Rows);

    /// <summary>
    /// Wraps an in-memory matrix (column-major: element (i, j) at <c>values[j * rows + i]</c>). The arrays are used
    /// as given, not copied; do not change them afterwards.
    /// </summary>
    /// <param name="values">The matrix, column-major.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columnNames">One name per column.</param>
    /// <param name="response">The response, one value per row.</param>
    /// <param name="hasIntercept">True when column 0 is all ones and is the intercept.</param>
    /// <param name="clusters">Optional cluster code per row, 0-based and dense.</param>
    /// <param name="responseName">The name of the response in messages and results (default <c>y</c>).</param>
    /// <param name="rowIndices">
    /// For each row, the 0-based index of the row of the source data it came from, so that messages name the source row
    /// when rows were left out before; by default row i came from source row i.
    /// </param>
    /// <param name="droppedRows">Rows of the source data that were left out before (see <see cref="DroppedRows"/>).</param>
    /// <exception cref="ArgumentException">The sizes disagree or a value is not finite.</exception>
    public static DesignMatrix FromColumnMajor(double[] values, int rows, IReadOnlyList<string> columnNames, double[] response,
        bool hasIntercept, int[]? clusters = null, string responseName = "y", IReadOnlyList<int>? rowIndices = null, int droppedRows = 0)
    {
        if (values.Length != rows * columnNames.Count || response.Length != rows || (clusters is not null && clusters.Length != rows)
            || (rowIndices is not null && rowIndices.Count != rows))
        {
            throw new ArgumentException(
                $"A {rows} x {columnNames.Count} design needs {rows * columnNames.Count} values, {rows} responses and {rows} source rows; " +
                $"got {values.Length}, {response.Length} and {rowIndices?.Count ?? rows}.");
        }

        var bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
        {
            throw new ArgumentException($"Design value at row {(bad % rows) + 1}, column '{columnNames[bad / rows]}' is not finite.");
        }

        if (hasIntercept && values.AsSpan(0, rows).ContainsAnyExcept(1.0))
        {
            throw new ArgumentException("The intercept column (column 0) must be all ones.");
        }

        var clusterCount = clusters is null ? 0 : clusters.Max() + 1;
        return new DesignMatrix(
            values, rows, columnNames, response, responseName, hasIntercept, rowIndices ?? Enumerable.Range(0, rows).ToArray(), droppedRows, clusters, clusterCount);
    }

    /// <summary>
    /// Builds the design of <paramref name="model"/> from <paramref name="data"/>, deleting listwise every row where
    /// the response, a variable of a term, or the cluster variable is missing. Categorical variables get treatment
    /// contrasts against the reference level (without an intercept the first categorical main effect keeps all its
    /// levels, as in R); an interaction's columns are the products of its variables' columns, the first variable
    /// varying fastest.
    /// </summary>
    /// <remarks>
    /// A categorical variable inside an interaction is always treatment-coded. R codes it with all its levels when the
    /// interaction appears without that variable's main effect (<c>y ~ a:b</c>); such models therefore have other,
    /// equivalent columns here. With the main effects present (<c>a*b</c>) the columns are R's.
    /// Levels are sorted ordinally (R sorts in the locale's collation; the two agree for ASCII level names of one case).
    /// </remarks>
    /// <param name="data">The table.</param>
    /// <param name="model">The model.</param>
    /// <param name="clusterVariable">Optional cluster column (numeric or categorical); its missing values drop the row too.</param>
    /// <exception cref="ArgumentException">A variable is unknown, the response is not numeric, or a reference level is absent.</exception>
    /// <exception cref="ConstantVariableException">A categorical variable has a single level among the complete cases.</exception>
    public static DesignMatrix Build(AnalysisData data, ModelSpecification model, string? clusterVariable = null)
    {
        if (!data.Contains(model.Response) || data.IsCategorical(model.Response))
        {
            throw new ArgumentException(data.Contains(model.Response)
                ? $"The response '{model.Response}' must be numeric."
                : $"No column '{model.Response}' (the response) in the data.");
        }

        var variables = model.Terms.SelectMany(t => t.Variables).Distinct(StringComparer.Ordinal).ToList();
        foreach (var v in variables.Append(clusterVariable).OfType<string>().Where(v => !data.Contains(v)))
        {
            throw new ArgumentException($"No column '{v}' in the data (columns: {string.Join(", ", data.Names)}).");
        }

        if (variables.Contains(model.Response))
        {
            throw new ArgumentException($"The response '{model.Response}' is also a predictor.");
        }

        var used = variables.Append(model.Response).Concat(clusterVariable is null ? [] : [clusterVariable]).ToArray();
        var rowIndices = Enumerable.Range(0, data.RowCount).Where(r => used.All(v => !data.IsMissing(v, r))).ToArray();
        var n = rowIndices.Length;

        var levels = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var v in variables.Where(data.IsCategorical))
        {
            var column = data.Categorical(v);
            var present = rowIndices.Select(r => column[r]!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (present.Count == 1)
            {
                throw new ConstantVariableException(
                    $"Categorical variable '{v}' has a single level ('{present[0]}') among the {n} complete cases.", v);
            }

            if (model.ReferenceLevels is not null && model.ReferenceLevels.TryGetValue(v, out var reference))
            {
                if (!present.Remove(reference))
                {
                    throw new ArgumentException($"Reference level '{reference}' of '{v}' does not occur among the complete cases (levels: {string.Join(", ", present)}).");
                }

                present.Insert(0, reference);
            }

            levels[v] = [.. present];
        }

        var names = new List<string>();
        var columns = new List<double[]>();
        if (model.Intercept)
        {
            names.Add(InterceptName);
            columns.Add(Enumerable.Repeat(1.0, n).ToArray());
        }

        var fullCodingUsed = model.Intercept;
        foreach (var term in model.Terms.OrderBy(t => t.Variables.Count))
        {
            List<(string Name, double[] Values)> product = [("", Enumerable.Repeat(1.0, n).ToArray())];
            foreach (var v in term.Variables)
            {
                var factor = FactorColumns(data, v, rowIndices, levels, fullCoding: !fullCodingUsed && term.Variables.Count == 1 && data.IsCategorical(v));
                fullCodingUsed |= data.IsCategorical(v) && term.Variables.Count == 1;
                product = [.. from b in factor
                              from a in product
                              select (a.Name.Length == 0 ? b.Name : $"{a.Name}:{b.Name}", Multiply(a.Values, b.Values))];
            }

            foreach (var (name, values) in product)
            {
                names.Add(name);
                columns.Add(values);
            }
        }

        var y = rowIndices.Select(r => data.Numeric(model.Response)[r]!.Value).ToArray();
        int[]? clusters = null;
        var clusterCount = 0;
        if (clusterVariable is not null)
        {
            var keys = data.IsCategorical(clusterVariable)
                ? rowIndices.Select(r => data.Categorical(clusterVariable)[r]!).ToArray()
                : rowIndices.Select(r => ModelSpecification.Format(data.Numeric(clusterVariable)[r]!.Value)).ToArray();
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            clusters = keys.Select(k => codes.TryGetValue(k, out var c) ? c : codes[k] = codes.Count).ToArray();
            clusterCount = codes.Count;
        }

        var matrix = new double[n * columns.Count];
        for (var j = 0; j < columns.Count; j++)
        {
            columns[j].CopyTo(matrix, j * n);
        }

        return new DesignMatrix(matrix, n, names, y, model.Response, model.Intercept, rowIndices, data.RowCount - n, clusters, clusterCount);
    }

    private static List<(string Name, double[] Values)> FactorColumns(
        AnalysisData data, string variable, int[] rows, Dictionary<string, string[]> levels, bool fullCoding)
    {
        if (!data.IsCategorical(variable))
        {
            var column = data.Numeric(variable);
            return [(variable, rows.Select(r => column[r]!.Value).ToArray())];
        }

        var values = data.Categorical(variable);
        return levels[variable]
            .Skip(fullCoding ? 0 : 1)
            .Select(level => (variable + level, rows.Select(r => values[r] == level ? 1.0 : 0.0).ToArray()))
            .ToList();
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = a[i] * b[i];
        }

        return result;
    }
}
