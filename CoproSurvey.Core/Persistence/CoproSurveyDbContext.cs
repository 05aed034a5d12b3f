using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Persistence;

/// <summary>The platform's database.</summary>
public sealed class CoproSurveyDbContext(DbContextOptions<CoproSurveyDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoproSurveyDbContext).Assembly);
}
