using System.Net;
using CoproSurvey.App.Hosting;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary><c>GET /health</c>: 200 on a reachable, migrated database; 503 with the reason otherwise, naming no path.</summary>
public sealed class HealthTests
{
    private const string FirstMigration = "20261129140957_Initial";

    [Fact]
    public async Task Health_Answers200Ok_OnAMigratedDatabase_WithoutSignIn()
    {
        await using var app = new SurveyAppFactory();
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"ok","database":"reachable","migrations":"applied"}""", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Health_Answers503MigrationsPending_WhenTheMigrationHistoryIsBehindTheCode()
    {
        await using var app = new SurveyAppFactory();
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        // As if the file were put back from an older version while the platform runs: the latest migration is no
        // longer recorded as applied.
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)"));

        using var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"unavailable","database":"reachable","migrations":"pending"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthCheck_IsUnhealthyMigrationsPending_OnADatabaseMigratedOnlyToTheFirstMigration()
    {
        using var database = SqliteDatabase.InMemoryAt(FirstMigration);

        var result = await CheckAsync(database.ContextFactory);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("reachable", result.Data["database"]);
        Assert.Equal("pending", result.Data["migrations"]);
    }

    [Fact]
    public async Task HealthCheck_IsHealthy_OnAFullyMigratedDatabase()
    {
        using var database = SqliteDatabase.InMemory();

        var result = await CheckAsync(database.ContextFactory);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("applied", result.Data["migrations"]);
    }

    [Fact]
    public async Task Health_Answers503Unreachable_WithoutNamingThePath_WhenTheFileIsNotADatabase()
    {
        var folder = Directory.CreateTempSubdirectory("coprosurvey-health-").FullName;
        try
        {
            var path = Path.Combine(folder, "secret-name.db");
            await File.WriteAllTextAsync(path, "this file is not a database, whatever its name says, and it is long enough");

            var body = await ReportAsync(Factory($"Data Source={path};Pooling=False"));

            Assert.Equal((503, """{"status":"unavailable","database":"unreachable"}"""), body);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Health_Answers503Unreachable_WhenTheDatabaseCannotBeOpened()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "coprosurvey.db");

        var body = await ReportAsync(Factory($"Data Source={path};Pooling=False"));

        Assert.Equal((503, """{"status":"unavailable","database":"unreachable"}"""), body);
        Assert.False(File.Exists(path));
    }

    [SkippableFact]
    public async Task Health_Answers200Ok_OnAMigratedPostgresDatabase()
    {
        await using var app = new PostgresSurveyAppFactory();
        app.SkipUnlessAvailable();
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok","database":"reachable","migrations":"applied"}""", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task HealthCheck_IsUnhealthyMigrationsPending_OnAnEmptyPostgresDatabase()
    {
        using var database = PostgresDatabase.CreateEmpty();

        var result = await CheckAsync(((ITestDatabase)database).ContextFactory);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("reachable", result.Data["database"]);
        Assert.Equal("pending", result.Data["migrations"]);
    }

    [Fact]
    public async Task Health_Answers503Unreachable_WithoutNamingTheServer_WhenNoPostgresServerListens()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var factory = new ContextFactory(new DbContextOptionsBuilder<CoproSurveyDbContext>()
            .UseCoproSurveyDatabase(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=secret_name;Username=u;Password=p;Timeout=2").Options);

        var body = await ReportAsync(factory);

        Assert.Equal((503, """{"status":"unavailable","database":"unreachable"}"""), body);
    }

    private static IDbContextFactory<CoproSurveyDbContext> Factory(string connectionString) =>
        new ContextFactory(new DbContextOptionsBuilder<CoproSurveyDbContext>().UseSqlite(connectionString).Options);

    private static Task<HealthCheckResult> CheckAsync(IDbContextFactory<CoproSurveyDbContext> factory) =>
        new DatabaseHealthCheck(factory).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration(DatabaseHealthCheck.Name, new DatabaseHealthCheck(factory), HealthStatus.Unhealthy, null),
        });

    /// <summary>What <c>/health</c> answers for this check's result: the status code ASP.NET Core gives it and the body written.</summary>
    private static async Task<(int Status, string Body)> ReportAsync(IDbContextFactory<CoproSurveyDbContext> factory)
    {
        var result = await CheckAsync(factory);
        var report = new HealthReport(
            new Dictionary<string, HealthReportEntry>
            {
                [DatabaseHealthCheck.Name] = new(result.Status, result.Description, TimeSpan.Zero, result.Exception, result.Data),
            },
            TimeSpan.Zero);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await DatabaseHealth.WriteAsync(context, report);
        context.Response.Body.Position = 0;
        var status = report.Status == HealthStatus.Healthy ? 200 : 503;
        return (status, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    private sealed class ContextFactory(DbContextOptions<CoproSurveyDbContext> options) : IDbContextFactory<CoproSurveyDbContext>
    {
        public CoproSurveyDbContext CreateDbContext() => new(options);
    }
}
