using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis.Sources;

/// <summary>
/// A CSV file (header row, comma-separated, decimal points) read by <see cref="CsvTableReader"/>. When an export's
/// <c>codebook.csv</c> lies beside it and describes it, its missing codes are read as missing and its declared kinds
/// apply (<see cref="BundleCodebook"/>).
/// </summary>
/// <param name="path">The file, as the user named it (messages repeat it).</param>
public sealed class CsvFileSource(string path) : IAnalysisSource
{
    private readonly Lazy<BundleCodebook?> codebook = new(() => BundleCodebook.For(path));

    /// <summary>The file as it was named.</summary>
    public string Name { get; } = path;

    /// <inheritdoc />
    public Task<AnalysisData> ReadAsync(IReadOnlyList<ColumnRequest> columns, CancellationToken cancellationToken) =>
        Task.FromResult(CsvTableReader.Read(
            Name, columns.DistinctBy(c => c.Name).Select(c => codebook.Value?.Declare(c) ?? c).ToList(), cancellationToken));

    /// <summary>The data row is the 1-based row after the header; the line where it starts is found by reading the file again.</summary>
    public AnalysisInputException ValueError(int row, string column, string problem) =>
        new CsvDataException(Name, problem, row + 1, CsvTableReader.LineOf(Name, row + 1), column);
}
