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

/// <summary>Responses of one audience of a study, by status.</summary>
public sealed record AudienceResponseCounts(Audience Audience, int Completed, int InProgress, int Declined);

/// <summary>A study as its researchers see it: the study file's facts, the current instruments and the response counts.</summary>
public sealed record StudyDetails(
    string Key,
    string Title,
    string Description,
    bool IsOpen,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<PolicyField> PolicyFields,
    IReadOnlyList<CurrentInstrument> Instruments,
    IReadOnlyList<AudienceResponseCounts> Responses)
{
    /// <summary>The consent information respondents currently agree to; null for a study without (it takes no responses).</summary>
    public StudyConsent? Consent { get; init; }
}

/// <summary>The instrument a study currently gives an audience, with its title, version and SHA-256.</summary>
public sealed record CurrentInstrument(Audience Audience, string Key, string Version, string Title, string Sha256);

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

    /// <summary>The study with its current instruments and response counts per audience; null for an unknown id.</summary>
    public async Task<StudyDetails?> DetailsAsync(int studyId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId, ct);
        if (study is null)
        {
            return null;
        }

        var versions = await db.InstrumentVersions.AsNoTracking()
            .Where(v => v.StudyId == studyId && v.IsCurrent)
            .Select(v => new { v.Audience, v.Key, v.Version, v.Sha256, v.CanonicalJson })
            .ToListAsync(ct);
        var instruments = versions
            .Select(v => new CurrentInstrument(v.Audience, v.Key, v.Version, InstrumentSnapshots.Get(v.Sha256, v.CanonicalJson).Title, v.Sha256))
            .OrderBy(i => i.Audience)
            .ToList();
        var responses = await db.Responses.AsNoTracking()
            .Where(r => r.StudyId == studyId)
            .GroupBy(r => new { r.Audience, Completed = r.CompletedAt != null })
            .Select(g => new { g.Key.Audience, g.Key.Completed, Count = g.Count() })
            .ToListAsync(ct);
        var declines = await db.ConsentDeclines.AsNoTracking()
            .Where(d => d.StudyId == studyId)
            .GroupBy(d => d.Audience)
            .Select(g => new { Audience = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var counts = study.Audiences
            .Select(a => new AudienceResponseCounts(
                a,
                responses.Where(r => r.Audience == a && r.Completed).Sum(r => r.Count),
                responses.Where(r => r.Audience == a && !r.Completed).Sum(r => r.Count),
                declines.Where(d => d.Audience == a).Sum(d => d.Count)))
            .ToList();
        return new StudyDetails(
            study.Key, study.Title, study.Description, study.IsOpen, study.Countries, study.PolicyFields,
            instruments, counts)
        {
            Consent = study.Consent,
        };
    }
}
