using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Studies;

/// <summary>A study as listed to respondents and researchers.</summary>
/// <param name="CompletedResponses">Completed responses, simulated ones included.</param>
public sealed record StudySummary(
    string Key,
    string Title,
    string Description,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<PolicyField> PolicyFields,
    int CompletedResponses);

/// <summary>Read-only queries about studies.</summary>
public sealed class StudyQueries(IDbContextFactory<CoproSurveyDbContext> contextFactory)
{
    /// <summary>The open studies, ordered by title, listing only audiences that have a current instrument.</summary>
    public async Task<IReadOnlyList<StudySummary>> ListOpenAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var studies = await db.Studies.AsNoTracking()
            .Where(s => s.Status == StudyStatus.Open)
            .Select(s => new
            {
                Study = s,
                Completed = db.Responses.Count(r => r.StudyId == s.Id && r.CompletedAt != null),
                Audiences = db.InstrumentVersions.Where(v => v.StudyId == s.Id && v.IsCurrent).Select(v => v.Audience).ToList(),
            })
            .ToListAsync(ct);
        return studies
            .OrderBy(s => s.Study.Title, StringComparer.CurrentCulture)
            .Select(s => new StudySummary(
                s.Study.Key,
                s.Study.Title,
                s.Study.Description,
                s.Study.Audiences.Where(s.Audiences.Contains).ToList(),
                s.Study.Countries,
                s.Study.PolicyFields,
                s.Completed))
            .ToList();
    }
}
