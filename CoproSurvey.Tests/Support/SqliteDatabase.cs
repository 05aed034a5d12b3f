using CoproSurvey.Core;
using CoproSurvey.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoproSurvey.Tests.Support;

/// <summary>
/// A real SQLite database with the migrations applied, for tests. <see cref="InMemory"/> is a named shared-cache
/// in-memory database kept alive by an open connection, so every context (and an app host given
/// <see cref="ConnectionString"/>) sees the same data; <see cref="InTempFolder"/> is a file, for concurrency tests.
/// </summary>
public sealed class SqliteDatabase : ITestDatabase
{
    private readonly SqliteConnection keepAlive;
    private readonly string? folder;

    private SqliteDatabase(string connectionString, string? folder, string? migration = null)
    {
        ConnectionString = connectionString;
        this.folder = folder;
        keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        ContextFactory = new Factory(new DbContextOptionsBuilder<CoproSurveyDbContext>().UseSqlite(connectionString).Options);
        using var context = CreateContext();
        context.GetService<IMigrator>().Migrate(migration);
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>Usable as <see cref="CoproSurveyOptions.ConnectionString"/>.</summary>
    public string ConnectionString { get; }

    public IDbContextFactory<CoproSurveyDbContext> ContextFactory { get; }

    public static SqliteDatabase InMemory() =>
        new($"Data Source=test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared", null);

    /// <summary>An in-memory database migrated only up to and including <paramref name="migration"/> (an id such as <c>20261129140957_Initial</c>).</summary>
    public static SqliteDatabase InMemoryAt(string migration) =>
        new($"Data Source=test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared", null, migration);

    public static SqliteDatabase InTempFolder()
    {
        var folder = Directory.CreateTempSubdirectory("coprosurvey-test-").FullName;
        return new SqliteDatabase($"Data Source={Path.Combine(folder, "test.db")};Pooling=False", folder);
    }

    public CoproSurveyDbContext CreateContext() => ContextFactory.CreateDbContext();

    /// <summary>Options for services or an app host pointed at this database.</summary>
    public CoproSurveyOptions Options(string dataDirectory = "data") =>
        new() { ConnectionString = ConnectionString, DataDirectory = dataDirectory };

    public void Dispose()
    {
        keepAlive.Dispose();
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Factory(DbContextOptions<CoproSurveyDbContext> options) : IDbContextFactory<CoproSurveyDbContext>
    {
        public CoproSurveyDbContext CreateDbContext() => new(options);
    }
}
