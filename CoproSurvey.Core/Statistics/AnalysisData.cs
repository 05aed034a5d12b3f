namespace CoproSurvey.Core.Statistics;

/// <summary>
/// The variables of an analysis: numeric and categorical columns of the same length, whatever they were read from
/// (a CSV file, a study's dataset). Immutable: <see cref="With"/> and the <c>With...</c> methods return a new table.
/// </summary>
public sealed class AnalysisData
{
    private readonly Dictionary<string, DataColumn> byName;
    private readonly List<DataColumn> columns;

    /// <summary>Creates an empty table (no columns, no rows).</summary>
    public AnalysisData()
        : this([], new Dictionary<string, DataColumn>(StringComparer.Ordinal), 0)
    {
    }

    private AnalysisData(List<DataColumn> columns, Dictionary<string, DataColumn> byName, int rowCount)
    {
        this.columns = columns;
        this.byName = byName;
        RowCount = rowCount;
    }

    /// <summary>The columns in the order they were added.</summary>
    public IReadOnlyList<DataColumn> Columns => columns;

    /// <summary>Column names in the order they were added.</summary>
    public IReadOnlyList<string> Names => columns.Select(c => c.Name).ToList();

    /// <summary>Number of rows (0 while the table has no columns).</summary>
    public int RowCount { get; }

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public DataColumn this[string name] => byName.TryGetValue(name, out var c) ? c : throw Missing(name, "in the data");

    /// <summary>Returns a table with <paramref name="column"/> added (not copied).</summary>
    /// <exception cref="ArgumentException">The name is taken, or the length differs from the other columns.</exception>
    public AnalysisData With(DataColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (Contains(column.Name))
        {
            throw new ArgumentException($"Column '{column.Name}' is already in the data.", nameof(column));
        }

        if (columns.Count > 0 && column.Count != RowCount)
        {
            throw new ArgumentException($"Column '{column.Name}' has {column.Count} values, the other columns {RowCount}.", nameof(column));
        }

        return new AnalysisData([.. columns, column], new(byName, StringComparer.Ordinal) { [column.Name] = column }, column.Count);
    }

    /// <summary>Returns a table with a numeric column added (copied); null and NaN are missing.</summary>
    /// <exception cref="ArgumentException">The name is empty or taken, the length differs, or a value is infinite.</exception>
    public AnalysisData WithNumeric(string name, IEnumerable<double?> values) =>
        With(new NumericColumn(name, values.Select(v => v ?? double.NaN).ToArray()));

    /// <summary>Returns a table with a numeric column without missing values added (copied).</summary>
    public AnalysisData WithNumeric(string name, IEnumerable<double> values) =>
        With(new NumericColumn(name, values.ToArray()));

    /// <summary>Returns a table with a categorical column added (copied); null, empty or blank labels are missing.</summary>
    /// <exception cref="ArgumentException">The name is empty or taken, or the length differs from the other columns.</exception>
    public AnalysisData WithCategorical(string name, IEnumerable<string?> values) =>
        With(CategoricalColumn.FromLabels(name, values));

    /// <summary>True when the table has a column of that name (numeric or categorical).</summary>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>True when the named column is categorical.</summary>
    public bool IsCategorical(string name) => byName.TryGetValue(name, out var c) && c is CategoricalColumn;

    /// <summary>The numeric column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No numeric column has that name.</exception>
    public NumericColumn Numeric(string name) =>
        byName.TryGetValue(name, out var c) && c is NumericColumn n ? n : throw Missing(name, "numeric");

    /// <summary>The categorical column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No categorical column has that name.</exception>
    public CategoricalColumn Categorical(string name) =>
        byName.TryGetValue(name, out var c) && c is CategoricalColumn k ? k : throw Missing(name, "categorical");

    private ArgumentException Missing(string name, string kind) =>
        new(Contains(name)
            ? $"Column '{name}' is not {kind}."
            : $"No column '{name}' in the data (columns: {string.Join(", ", Names)}).", nameof(name));
}
