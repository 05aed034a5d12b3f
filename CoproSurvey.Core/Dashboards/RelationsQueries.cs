using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// The relations view's data: the scale scores of the filtered responses. With one audience filtered, that audience's
/// scales; with both, every scale that has a value.
/// </summary>
public sealed class RelationsQueries(IDbContextFactory<CoproSurveyDbContext> contextFactory, DashboardDataCache cache, IOptions<DashboardOptions> options)
{
    /// <summary>The correlation matrix for the filter; an unknown study gives an empty result.</summary>
    public async Task<RelationsResult> RelationsAsync(string studyKey, CorrelationMethod method, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rule = await StudyCellRule.ForAsync(contextFactory, options.Value, studyKey, ct);
        var audience = filter.Audiences.Count == 1 ? filter.Audiences[0] : (Audience?)null;
        var (layout, rows) = await cache.RowsAsync(studyKey, audience, CompareQueries.ToDatasetFilter(filter), ct);
        var scales = layout?.Values.Select((v, i) => (v, i)).Where(x => x.v.Kind == DatasetVariableKind.ScaleScore).ToList() ?? [];
        var columns = scales.Select(s => (s.v, Scores: (IReadOnlyList<double?>)rows.Select(r => r.Cells[s.i].Value).ToList())).ToList();
        if (audience is null && columns.Any(c => c.Scores.Any(v => v is not null)))
        {
            // Both questionnaires' scales: a scale nobody answered under these filters would be an empty row.
            columns = columns.Where(c => c.Scores.Any(v => v is not null)).ToList();
        }

        return RelationsCalculator.Compute(columns.Select(c => new RelationsScale(c.v.Name, c.v.Label)).ToList(), columns.Select(c => c.Scores).ToList(), method, rule);
    }
}
