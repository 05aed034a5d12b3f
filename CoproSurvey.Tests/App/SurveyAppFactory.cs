using CoproSurvey.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App;

/// <summary>
/// The real web app in memory, on a SQLite file of its own in the temp folder (migrated and seeded from
/// <c>data/</c> by the app's start-up, exactly as in production).
/// </summary>
public sealed class SurveyAppFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"coprosurvey-web-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CoproSurvey", $"Data Source={databasePath}");
    }

    /// <summary>A client that keeps cookies (antiforgery, resume) and follows redirects like a browser.</summary>
    public HtmlFormClient CreateFormClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    public async Task<T> QueryAsync<T>(Func<CoproSurveyDbContext, Task<T>> query)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<CoproSurveyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
