using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Persistence;

/// <summary>What <see cref="DatabaseInitializer.InitializeAsync"/> did.</summary>
public sealed record InitializationReport(IReadOnlyList<string> AppliedMigrations, IReadOnlyList<string> Messages);

/// <summary>Brings the database up to date at start-up: migrations, then the studies and instruments under the data directory.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<CoproSurveyDbContext> contextFactory, CoproSurveyOptions options, TimeProvider time)
{
    public Task<InitializationReport> InitializeAsync(CancellationToken ct) =>
        throw new NotImplementedException(contextFactory.ToString() + options + time);
}
