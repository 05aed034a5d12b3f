using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// The overview dashboard's data: the filtered responses and the declines by audience. The responses come from the
/// dashboards' data of the study once read; until then from a projection of the responses table (the overview needs no
/// answers), while the first read runs in the background for the other views.
/// </summary>
public sealed class OverviewQueries(IDbContextFactory<CoproSurveyDbContext> contextFactory, DashboardDataCache cache, IOptions<DashboardOptions> options)
{
    /// <summary>The overview of a study for a filter; an unknown study id gives an empty overview.</summary>
    public async Task<StudyOverview> OverviewAsync(int studyId, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().Where(s => s.Id == studyId).SingleOrDefaultAsync(ct);
        var snapshot = study is null ? null : await cache.GetIfReadAsync(study.Key, null, ct);
        var rows = snapshot?.Data is { } data
            ? data.Rows(CompareQueries.ToDatasetFilter(filter))
                .Where(r => filter.Audiences.Count == 0 || filter.Audiences.Contains(data.Audience(r)))
                .Select(r => new OverviewRow(data.Audience(r), data.Country(r), data.PolicyField(r), data.StartedAt(r), data.CompletedAt(r), data.LastPage(r)))
                .ToList()
            : await filter.Apply(db.Responses.AsNoTracking().Where(r => r.StudyId == studyId))
                .Select(r => new OverviewRow(r.Audience, r.Country, r.PolicyField, r.StartedAt, r.CompletedAt, r.LastPage))
                .ToListAsync(ct);
        var declines = filter.AppliesToDeclines
            ? await filter.Apply(db.ConsentDeclines.AsNoTracking().Where(d => d.StudyId == studyId))
                .GroupBy(d => d.Audience)
                .Select(g => new DeclineCount(g.Key, g.Count()))
                .ToListAsync(ct)
            : [];
        var audiences = (study?.Audiences ?? []).Where(a => filter.Audiences.Count == 0 || filter.Audiences.Contains(a)).ToList();
        return OverviewCalculator.Compute(rows, declines, audiences, study?.Countries ?? [], study?.PolicyFields ?? [], options.Value.RuleFor(study?.MinimumCellSize));
    }
}
