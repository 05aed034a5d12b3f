using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoproSurvey.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without a server: adding a migration and checking for model
/// changes read only the model. From the repository root:
/// <c>dotnet ef migrations add NAME --project CoproSurvey.Migrations.Postgres</c>.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<CoproSurveyDbContext>
{
    public CoproSurveyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoproSurveyDbContext>()
            .UseCoproSurveyDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=coprosurvey_design_time")
            .Options);
}
