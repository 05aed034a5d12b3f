using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis.Sources;

/// <summary>
/// A study's wide dataset (<see cref="StudyDataset"/>), streamed row by row with only the requested variables kept.
/// The layout declares what is categorical: the response's audience, country, policy field, service unit and the other
/// text metadata, and single-choice items; items, option columns, scale scores and numeric metadata are numeric. A
/// missing value, whatever its reason (don't know, not asked, not reached, not answered, not applicable), is missing.
/// </summary>
/// <param name="dataset">The study datasets.</param>
/// <param name="studyKey">The study.</param>
/// <param name="filter">Which responses (audience, countries, policy fields, partial ones, dates).</param>
public sealed class StudyDatasetSource(StudyDataset dataset, string studyKey, DatasetFilter filter) : IAnalysisSource
{
    private int[] responseIds = [];

    /// <summary>The study as messages name it.</summary>
    public string Name { get; } = $"study {studyKey}";

    /// <inheritdoc />
    public async Task<AnalysisData> ReadAsync(IReadOnlyList<ColumnRequest> columns, CancellationToken cancellationToken)
    {
        var layout = await dataset.GetLayoutAsync(studyKey, filter.Audience, cancellationToken)
            ?? throw new AnalysisInputException(Name, "no such study.");
        var reader = new DatasetColumnReader(Name, layout, columns);
        var ids = new List<int>();
        await foreach (var row in dataset.ReadRowsAsync(layout, filter, cancellationToken))
        {
            ids.Add(row.ResponseId);
            reader.Add(row);
        }

        responseIds = [.. ids];
        return reader.Build();
    }

    /// <summary>Rows are numbered in response order, 1-based; the message adds the response's id.</summary>
    public AnalysisInputException ValueError(int row, string column, string problem) =>
        new(Name, row < responseIds.Length ? $"{problem} (response {responseIds[row]})" : problem, row + 1, column: column);
}
