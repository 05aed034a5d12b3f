using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis.Sources;

/// <summary>
/// Rows of a study's dataset that are already in memory (a dashboard's filtered rows), read exactly as
/// <see cref="StudyDatasetSource"/> reads the same rows from the database: the dashboards and the <c>analyze</c> verbs
/// give the same numbers for the same responses.
/// </summary>
/// <param name="name">The source as messages name it (<c>study KEY</c>).</param>
/// <param name="layout">The layout the rows were read with.</param>
/// <param name="rows">The rows, in response order.</param>
public sealed class DatasetRowsSource(string name, DatasetLayout layout, IReadOnlyList<DatasetRow> rows) : IAnalysisSource
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public Task<AnalysisData> ReadAsync(IReadOnlyList<ColumnRequest> columns, CancellationToken cancellationToken)
    {
        var reader = new DatasetColumnReader(Name, layout, columns);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reader.Add(row);
        }

        return Task.FromResult(reader.Build());
    }

    /// <summary>Rows are numbered in response order, 1-based; the message adds the response's id.</summary>
    public AnalysisInputException ValueError(int row, string column, string problem) =>
        new(Name, row < rows.Count ? $"{problem} (response {rows[row].ResponseId})" : problem, row + 1, column: column);
}
