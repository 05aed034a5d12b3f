namespace CoproSurvey.Core.Analysis.Tabular;

/// <summary>
/// A CSV file that cannot be read as asked: it is missing, lacks a requested column, is malformed, or holds a
/// cell that is not a number where one is needed. The message names the file and, where they apply, the data row
/// (1-based, header not counted), the file line, the column and the offending text.
/// </summary>
public sealed class CsvDataException(string filePath, string problem, long? row = null, long? line = null, string? column = null, string? text = null)
    : AnalysisInputException(filePath, problem, row, line, column, text)
{
    /// <summary>The file as it was named to the reader.</summary>
    public string FilePath => DataSource;

    internal static CsvDataException NotANumber(string filePath, long row, long? line, string column, string text) =>
        new(filePath, $"\"{text}\" is not a number.", row, line, column, text);
}
