using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Dashboards;

/// <summary>The small-cell rule in force for a study: its file's threshold, else the platform's.</summary>
public static class StudyCellRule
{
    public static async Task<CellRule> ForAsync(IDbContextFactory<CoproSurveyDbContext> contextFactory, DashboardOptions options, string studyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        ArgumentNullException.ThrowIfNull(options);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var own = await db.Studies.AsNoTracking().Where(s => s.Key == studyKey).Select(s => s.MinimumCellSize).SingleOrDefaultAsync(ct);
        return options.RuleFor(own);
    }
}
