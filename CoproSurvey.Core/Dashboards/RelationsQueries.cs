using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// The relations view's data: the scale scores of the filtered responses. With one audience filtered, that audience's
/// scales; with both, every scale that has a value.
/// </summary>
public sealed class RelationsQueries(StudyDataset dataset, IOptions<DashboardOptions> options)
{
    private CellRule Rule => new(Math.Max(1, options.Value.MinimumCellSize));

    /// <summary>The correlation matrix for the filter; an unknown study gives an empty result.</summary>
    public async Task<RelationsResult> RelationsAsync(string studyKey, CorrelationMethod method, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var audience = filter.Audiences.Count == 1 ? filter.Audiences[0] : (Audience?)null;
        var (layout, rows) = await ReadAsync(studyKey, audience, CompareQueries.ToDatasetFilter(filter), ct);
        var scales = layout?.Values.Select((v, i) => (v, i)).Where(x => x.v.Kind == DatasetVariableKind.ScaleScore).ToList() ?? [];
        var columns = scales.Select(s => (s.v, Scores: (IReadOnlyList<double?>)rows.Select(r => r.Cells[s.i].Value).ToList())).ToList();
        if (audience is null && columns.Any(c => c.Scores.Any(v => v is not null)))
        {
            // Both questionnaires' scales: a scale nobody answered under these filters would be an empty row.
            columns = columns.Where(c => c.Scores.Any(v => v is not null)).ToList();
        }

        return RelationsCalculator.Compute(columns.Select(c => new RelationsScale(c.v.Name, c.v.Label)).ToList(), columns.Select(c => c.Scores).ToList(), method, Rule);
    }

    /// <summary>The study's dataset layout and rows for the filter (the layout of one audience or of both): the one place this view reads responses.</summary>
    private async Task<(DatasetLayout? Layout, IReadOnlyList<DatasetRow> Rows)> ReadAsync(string studyKey, Audience? audience, DatasetFilter filter, CancellationToken ct)
    {
        var layout = await dataset.GetLayoutAsync(studyKey, audience, ct);
        if (layout is null)
        {
            return (null, []);
        }

        var rows = new List<DatasetRow>();
        await foreach (var row in dataset.ReadRowsAsync(layout, filter, ct))
        {
            rows.Add(row);
        }

        return (layout, rows);
    }
}
