using System.Net;
using CoproSurvey.App.Hosting;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CoproSurvey.Tests.App;

/// <summary>
/// The real web app in memory, on a SQLite file of its own in the temp folder (migrated and seeded from
/// <c>data/</c> by the app's start-up, exactly as in production); <see cref="PostgresSurveyAppFactory"/> runs it on a
/// PostgreSQL database of its own. The database is made when the app first starts, so that a fixture on a provider
/// that is not configured skips its tests (see <see cref="SkipUnlessAvailable"/>) instead of failing them.
/// </summary>
public class SurveyAppFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<ITestDatabase> database;
    private readonly bool ownsDatabase;
    private readonly string? dataDirectory;
    private bool databaseDisposed;

    public SurveyAppFactory()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected SurveyAppFactory(DatabaseProvider provider)
        : this(provider, new Lazy<ITestDatabase>(() => TestDatabases.Create(provider, file: true)), ownsDatabase: true)
    {
    }

    private SurveyAppFactory(DatabaseProvider provider, Lazy<ITestDatabase> database, bool ownsDatabase, string? dataDirectory = null)
    {
        Provider = provider;
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.dataDirectory = dataDirectory;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>A second instance of the app on the same database, as after a restart or beside another instance.</summary>
    public SurveyAppFactory OnSameDatabase() => new(Provider, database, ownsDatabase: false, dataDirectory);

    /// <summary>The app on a database of its own that loads its studies and instruments from <paramref name="directory"/>.</summary>
    public static SurveyAppFactory WithDataDirectory(string directory) =>
        new(DatabaseProvider.Sqlite, new Lazy<ITestDatabase>(() => SqliteDatabase.InTempFolder()), ownsDatabase: true, directory);

    /// <summary>Skips the calling test, saying why, where this factory's provider has no server.</summary>
    public void SkipUnlessAvailable()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresDatabase.SkipUnlessConfigured();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(CoproSurvey.App.AppServices.DatabaseProviderKey, Provider.ToString());
        builder.UseSetting("ConnectionStrings:CoproSurvey", database.Value.ConnectionString);
        if (dataDirectory is not null)
        {
            builder.UseSetting(CoproSurvey.App.AppServices.DataDirectoryKey, dataDirectory);
        }

        // Every request of the in-memory client comes from one address: limits the suites never meet. Tests of
        // the limits set their own (RateLimitTests).
        foreach (var policy in RateLimits.Defaults.Keys)
        {
            builder.UseSetting($"{RateLimits.SectionName}:{policy}:PermitLimit", "1000000");
            builder.UseSetting($"{RateLimits.SectionName}:{policy}:GlobalPermitLimit", "1000000");
        }
    }

    /// <summary>A client that keeps cookies (antiforgery, resume) and follows redirects like a browser.</summary>
    public HtmlFormClient CreateFormClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    /// <summary>Like <see cref="CreateFormClient()"/>, keeping its cookies in <paramref name="cookies"/> where the test can read them.</summary>
    public HtmlFormClient CreateFormClient(CookieContainer cookies) =>
        new(CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)));

    public async Task<T> QueryAsync<T>(Func<CoproSurveyDbContext, Task<T>> query)
    {
        await using var db = database.Value.CreateContext();
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Reached from both Dispose and DisposeAsync of the factory; the folder goes once.
        if (ownsDatabase && !databaseDisposed && database.IsValueCreated)
        {
            databaseDisposed = true;
            database.Value.Dispose();
        }
    }
}

/// <summary>The real web app in memory on a PostgreSQL database of its own, created when the app first starts and dropped with the fixture.</summary>
public sealed class PostgresSurveyAppFactory() : SurveyAppFactory(DatabaseProvider.Postgres);
