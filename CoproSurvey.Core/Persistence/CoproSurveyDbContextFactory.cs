using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoproSurvey.Core.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the context without running the App's start-up.</summary>
internal sealed class CoproSurveyDbContextFactory : IDesignTimeDbContextFactory<CoproSurveyDbContext>
{
    public CoproSurveyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoproSurveyDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
