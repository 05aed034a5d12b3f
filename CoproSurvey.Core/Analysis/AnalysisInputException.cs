namespace CoproSurvey.Core.Analysis;

/// <summary>
/// Data an analysis cannot read as asked: a missing file or study, an unknown variable, a value that is not a
/// number where one is needed, a level that does not occur. The message names the source and, where they apply, the
/// 1-based data row, the line of a file, the variable and the offending text.
/// </summary>
public class AnalysisInputException : Exception
{
    public AnalysisInputException(string source, string problem, long? row = null, long? line = null, string? column = null, string? text = null)
        : base(Describe(source, problem, row, line, column))
    {
        DataSource = source;
        Problem = problem;
        Row = row;
        Line = line;
        Column = column;
        Text = text;
    }

    /// <summary>The source as it was named (a file path, <c>study KEY</c>).</summary>
    public string DataSource { get; }

    /// <summary>What is wrong, without the place (the message is the place followed by this).</summary>
    public string Problem { get; }

    /// <summary>The 1-based data row (a file's header is not counted), when the problem lies in a row.</summary>
    public long? Row { get; }

    /// <summary>The 1-based line of a file where that row starts.</summary>
    public long? Line { get; }

    /// <summary>The variable, when the problem lies in one.</summary>
    public string? Column { get; }

    /// <summary>The offending text, when there is one.</summary>
    public string? Text { get; }

    /// <summary>The same problem at the same place, with <paramref name="advice"/> after it.</summary>
    public AnalysisInputException WithAdvice(string advice) => new(DataSource, $"{Problem} {advice}", Row, Line, Column, Text);

    private static string Describe(string source, string problem, long? row, long? line, string? column)
    {
        var where = source;
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
