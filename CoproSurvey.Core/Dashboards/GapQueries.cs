using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// The citizens-versus-professionals view's data: the mirror scale scores of both audiences, grouped by country,
/// policy field or service unit. The view compares the two audiences, so the filter's audience is not applied.
/// </summary>
public sealed class GapQueries(IDbContextFactory<CoproSurveyDbContext> contextFactory, DashboardDataCache cache, IOptions<DashboardOptions> options)
{
    /// <summary>The view for the filter (its audience ignored); an unknown study gives an empty result.</summary>
    public async Task<GapResult> GapAsync(string studyKey, GapBy by, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rule = await StudyCellRule.ForAsync(contextFactory, options.Value, studyKey, ct);
        var (layout, read) = await cache.RowsAsync(studyKey, null, CompareQueries.ToDatasetFilter(filter with { Audiences = [] }), ct);
        if (layout is null || layout.Versions.Select(v => v.Audience).Distinct().Count() < 2)
        {
            return GapResult.Nothing(by, rule.MinimumCellSize, GapEmptyReason.OneAudience);
        }

        var mirror = MirrorScales(layout);
        if (mirror.Count == 0)
        {
            return GapResult.Nothing(by, rule.MinimumCellSize, GapEmptyReason.NoMirrorScales);
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleAsync(s => s.Key == studyKey, ct);
        var order = by switch
        {
            GapBy.Country => study.Countries.Select(c => (c.Code, c.Name)).ToList(),
            GapBy.PolicyField => study.PolicyFields.Select(f => (f.Code, f.Label)).ToList(),
            _ => study.Countries.SelectMany(c => c.ServiceUnits).Select(u => (u.Code, u.Label)).ToList(),
        };
        var rows = new List<GapRow>();
        foreach (var row in read)
        {
            var group = by switch
            {
                GapBy.Country => row.Country,
                GapBy.PolicyField => row.PolicyField,
                _ => row.ServiceUnit,
            };
            rows.Add(new GapRow(row.Audience, group, mirror.Select(m => row.Cells[m.Index].Value).ToList()));
        }

        return GapCalculator.Compute(mirror.Select(m => m.Scale).ToList(), by, rows, order, rule);
    }

    /// <summary>The scale scores of the layout that versions of both audiences define, with their index among the values.</summary>
    internal static IReadOnlyList<(GapScale Scale, int Index)> MirrorScales(DatasetLayout layout) =>
        layout.Values
            .Select((v, i) => (v, i))
            .Where(x => x.v.Kind == DatasetVariableKind.ScaleScore
                        && x.v.InstrumentVersions.Select(sha => layout.FindVersion(sha)?.Audience).OfType<Audience>().Distinct().Count() >= 2)
            .Select(x => (new GapScale(x.v.Name, x.v.Label), x.i))
            .ToList();
}
