using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Responses;

/// <summary>Bulk import of complete simulated responses (demo data), all or nothing.</summary>
public sealed class ResponseImporter(IDbContextFactory<CoproSurveyDbContext> contextFactory)
{
    /// <summary>Imports the responses into the study's current instrument versions; returns how many were imported.</summary>
    public Task<int> ImportCompletedAsync(string studyKey, IEnumerable<SimulatedResponse> responses, CancellationToken ct) =>
        throw new NotImplementedException(contextFactory.ToString());
}
