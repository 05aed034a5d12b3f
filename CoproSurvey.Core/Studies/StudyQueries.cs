using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Studies;

/// <summary>A study as listed to respondents and researchers.</summary>
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
    /// <summary>The open studies, ordered by title, with their count of completed (non-simulated and simulated) responses.</summary>
    public Task<IReadOnlyList<StudySummary>> ListOpenAsync(CancellationToken ct) =>
        throw new NotImplementedException(contextFactory.ToString());
}
