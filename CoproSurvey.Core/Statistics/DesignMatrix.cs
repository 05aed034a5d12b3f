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
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
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

        var response = data.Numeric(model.Response);
        var cluster = clusterVariable is null ? null : data[clusterVariable];
        var rowIndices = CompleteRows(data.RowCount, variables.Select(v => data[v]).Append(response).Append(cluster).OfType<DataColumn>().ToList());
        var n = rowIndices.Length;
        var contrasts = variables.Where(data.IsCategorical).ToDictionary(v => v, v => Contrast.Of(data.Categorical(v), rowIndices, model.ReferenceLevels), StringComparer.Ordinal);

        var names = new List<string>();
        var columns = new List<double[]>();
        if (model.Intercept)
        {
            names.Add(InterceptName);
            columns.Add(Filled(n, 1.0));
        }

        var fullCodingUsed = model.Intercept;
        foreach (var term in model.Terms.OrderBy(t => t.Variables.Count))
        {
            if (term.Variables is [var single] && data[single] is NumericColumn numeric)
            {
                // A numeric main effect, the common case, is copied once, with no product with a column of ones.
                names.Add(single);
                columns.Add(Gather(numeric.Values, rowIndices));
                continue;
            }

            List<(string Name, double[] Values)> product = [("", Filled(n, 1.0))];
            foreach (var v in term.Variables)
            {
                var fullCoding = !fullCodingUsed && term.Variables.Count == 1 && data.IsCategorical(v);
                var factor = contrasts.TryGetValue(v, out var contrast)
                    ? contrast.Columns(v, rowIndices, fullCoding)
                    : [(v, Gather(data.Numeric(v).Values, rowIndices))];
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

        var matrix = new double[n * columns.Count];
        for (var j = 0; j < columns.Count; j++)
        {
            columns[j].CopyTo(matrix, j * n);
        }

        var (clusters, clusterCount) = cluster is null ? (null, 0) : ClusterCodes(cluster, rowIndices);
        return new DesignMatrix(
            matrix, n, names, Gather(response.Values, rowIndices), model.Response, model.Intercept, rowIndices, data.RowCount - n, clusters, clusterCount);
    }

    /// <summary>The rows where none of <paramref name="used"/> is missing.</summary>
    private static int[] CompleteRows(int rowCount, IReadOnlyList<DataColumn> used)
    {
        var complete = new bool[rowCount];
        Array.Fill(complete, true);
        foreach (var column in used)
        {
            switch (column)
            {
                case NumericColumn n:
                    for (var i = 0; i < rowCount; i++)
                    {
                        complete[i] &= !double.IsNaN(n.Values[i]);
                    }

                    break;
                case CategoricalColumn c:
                    for (var i = 0; i < rowCount; i++)
                    {
                        complete[i] &= c.Codes[i] >= 0;
                    }

                    break;
            }
        }

        var rows = new int[complete.Count(c => c)];
        for (int i = 0, k = 0; i < rowCount; i++)
        {
            if (complete[i])
            {
                rows[k++] = i;
            }
        }

        return rows;
    }

    /// <summary>Dense 0-based cluster codes of the complete rows, in order of first appearance.</summary>
    private static (int[] Codes, int Count) ClusterCodes(DataColumn column, int[] rows)
    {
        var codes = new int[rows.Length];
        if (column is CategoricalColumn categorical)
        {
            var renumbered = new int[categorical.Levels.Count];
            Array.Fill(renumbered, -1);
            var count = 0;
            for (var k = 0; k < rows.Length; k++)
            {
                ref var code = ref renumbered[categorical.Codes[rows[k]]];
                if (code < 0)
                {
                    code = count++;
                }

                codes[k] = code;
            }

            return (codes, count);
        }

        var values = ((NumericColumn)column).Values;
        var seen = new Dictionary<double, int>();
        for (var k = 0; k < rows.Length; k++)
        {
            if (!seen.TryGetValue(values[rows[k]], out var code))
            {
                seen[values[rows[k]]] = code = seen.Count;
            }

            codes[k] = code;
        }

        return (codes, seen.Count);
    }

    private static double[] Gather(double[] source, int[] rows)
    {
        var result = new double[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            result[k] = source[rows[k]];
        }

        return result;
    }

    private static double[] Filled(int n, double value)
    {
        var result = new double[n];
        Array.Fill(result, value);
        return result;
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

    /// <summary>The treatment coding of one categorical variable: its levels among the complete rows, the reference first.</summary>
    private sealed class Contrast
    {
        private readonly CategoricalColumn column;
        private readonly int[] levelCodes;

        private Contrast(CategoricalColumn column, int[] levelCodes)
        {
            this.column = column;
            this.levelCodes = levelCodes;
        }

        public static Contrast Of(CategoricalColumn column, int[] rows, IReadOnlyDictionary<string, string>? references)
        {
            var seen = new bool[column.Levels.Count];
            foreach (var r in rows)
            {
                seen[column.Codes[r]] = true;
            }

            var present = Enumerable.Range(0, seen.Length).Where(k => seen[k]).OrderBy(k => column.Levels[k], StringComparer.Ordinal).ToList();
            if (present.Count == 1)
            {
                throw new ConstantVariableException(
                    $"Categorical variable '{column.Name}' has a single level ('{column.Levels[present[0]]}') among the {rows.Length} complete cases.", column.Name);
            }

            if (references is not null && references.TryGetValue(column.Name, out var reference))
            {
                var at = present.FindIndex(k => column.Levels[k] == reference);
                if (at < 0)
                {
                    throw new ArgumentException(
                        $"Reference level '{reference}' of '{column.Name}' does not occur among the complete cases (levels: {string.Join(", ", present.Select(k => column.Levels[k]))}).");
                }

                present.Insert(0, present[at]);
                present.RemoveAt(at + 1);
            }

            return new Contrast(column, [.. present]);
        }

        /// <summary>One 0/1 column per level, the reference left out unless <paramref name="fullCoding"/>.</summary>
        public List<(string Name, double[] Values)> Columns(string variable, int[] rows, bool fullCoding) =>
            levelCodes.Skip(fullCoding ? 0 : 1)
                .Select(code => (variable + column.Levels[code], rows.Select(r => column.Codes[r] == code ? 1.0 : 0.0).ToArray()))
                .ToList();
    }
}
