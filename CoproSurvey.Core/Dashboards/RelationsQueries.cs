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
        var (data, rows) = await cache.SelectAsync(studyKey, audience, CompareQueries.ToDatasetFilter(filter), ct);
        var scales = data?.Layout.Values.Select((v, i) => (v, i)).Where(x => x.v.Kind == DatasetVariableKind.ScaleScore).ToList() ?? [];
        var columns = scales.Select(s => (s.v, Scores: new NumericColumn(s.v.Name, data!.Gather(s.i, rows)))).ToList();
        if (audience is null && columns.Any(c => HasValue(c.Scores.Values)))
        {
            // Both questionnaires' scales: a scale nobody answered under these filters would be an empty row.
            columns = columns.Where(c => HasValue(c.Scores.Values)).ToList();
        }

        return RelationsCalculator.Compute(columns.Select(c => new RelationsScale(c.v.Name, c.v.Label)).ToList(), columns.Select(c => (IReadOnlyList<double?>)c.Scores).ToList(), method, rule);
    }

    private static bool HasValue(double[] scores) => Array.Exists(scores, v => !double.IsNaN(v));
}
