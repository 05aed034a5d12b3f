namespace CoproSurvey.Core.Analysis.Tabular;

/// <summary>
/// A CSV file that cannot be read as asked: it is missing, lacks a requested column, is malformed, or holds a
/// cell that is not a number where one is needed. The message names the file and, where they apply, the data row
/// (1-based, header not counted), the file line, the column and the offending text.
/// </summary>
public sealed class CsvDataException : Exception
{
    public CsvDataException(string filePath, string problem, long? row = null, long? line = null, string? column = null, string? text = null)
        : base(Describe(filePath, problem, row, line, column))
    {
        FilePath = filePath;
        Problem = problem;
        Row = row;
        Line = line;
        Column = column;
        Text = text;
    }

    /// <summary>The file as it was named to the reader.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, without the place (the message is the place followed by this).</summary>
    public string Problem { get; }

    /// <summary>The 1-based data row (the header is not counted), when the problem lies in a row.</summary>
    public long? Row { get; }

    /// <summary>The 1-based line of the file where that row starts.</summary>
    public long? Line { get; }

    /// <summary>The column name, when the problem lies in a column.</summary>
    public string? Column { get; }

    /// <summary>The offending cell text, when there is one.</summary>
    public string? Text { get; }

    internal static CsvDataException NotANumber(string filePath, long row, long? line, string column, string text) =>
        new(filePath, $"\"{text}\" is not a number.", row, line, column, text);

    private static string Describe(string filePath, string problem, long? row, long? line, string? column)
    {
        var where = filePath;
        if (row is not null)
        {
            where += line is null ? $": row {row}" : $": row {row} (line {line})";
        }

        if (column is not null)
        {
            where += $", column \"{column}\"";
        }

        return $"{where}: {problem}";
    }
}
