namespace CoproSurvey.Core.Analysis.Tabular;

/// <summary>The requested columns of a CSV file, all of the same length (the number of data rows).</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, CsvColumn> byName;

    internal CsvTable(string filePath, int rowCount, IReadOnlyList<CsvColumn> columns)
    {
        FilePath = filePath;
        RowCount = rowCount;
        Columns = columns;
        byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The file as it was named to the reader.</summary>
    public string FilePath { get; }

    /// <summary>The number of data rows (the header is not counted).</summary>
    public int RowCount { get; }

    /// <summary>The columns, in the order they were requested.</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>The column named <paramref name="name"/>.</summary>
    public CsvColumn this[string name] =>
        byName.TryGetValue(name, out var column) ? column : throw new KeyNotFoundException($"Column \"{name}\" was not read.");

    /// <summary>The numeric column named <paramref name="name"/>.</summary>
    public NumericColumn Numeric(string name) =>
        this[name] as NumericColumn ?? throw new InvalidOperationException($"Column \"{name}\" was read as text, not as numbers.");

    /// <summary>
    /// An error about the cell of <paramref name="column"/> in the 0-based row <paramref name="row"/>, placed as the
    /// reader places its own: the file, the 1-based data row (header not counted), the file line where the row starts.
    /// </summary>
    public CsvDataException CellException(int row, string column, string problem) =>
        new(FilePath, problem, row + 1, CsvTableReader.LineOf(FilePath, row + 1), column);

    /// <summary>The categorical column named <paramref name="name"/>.</summary>
    public CategoricalColumn Categorical(string name) =>
        this[name] as CategoricalColumn ?? throw new InvalidOperationException($"Column \"{name}\" was read as numbers, not as text.");
}
