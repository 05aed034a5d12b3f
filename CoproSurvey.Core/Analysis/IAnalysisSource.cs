using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis;

/// <summary>
/// Where the variables of an analysis come from: a CSV file (<see cref="Sources.CsvFileSource"/>) or a study's
/// dataset. Every analysis reads through this, so that the command line and the dashboards compute the same numbers.
/// </summary>
public interface IAnalysisSource
{
    /// <summary>The source as messages name it: a file path, or <c>study KEY</c>.</summary>
    string Name { get; }

    /// <summary>Reads the requested variables, each once (a name asked for twice is read once, as first asked).</summary>
    /// <exception cref="AnalysisInputException">
    /// The source cannot be read, a variable is unknown (the message lists those there are), or a value of a numeric
    /// variable is not a number (the message names its row and variable).
    /// </exception>
    Task<AnalysisData> ReadAsync(IReadOnlyList<ColumnRequest> columns, CancellationToken cancellationToken);

    /// <summary>An error about the value of <paramref name="column"/> in the 0-based row <paramref name="row"/> of the data read, placed as the source places its own.</summary>
    AnalysisInputException ValueError(int row, string column, string problem);
}
