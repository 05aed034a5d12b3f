using CoproSurvey.Core;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Support;

/// <summary>A migrated database of either provider, for tests that must hold on both.</summary>
public interface ITestDatabase : IDisposable
{
    DatabaseProvider Provider { get; }

    /// <summary>Usable as <see cref="CoproSurveyOptions.ConnectionString"/> with <see cref="Provider"/>.</summary>
    string ConnectionString { get; }

    IDbContextFactory<CoproSurveyDbContext> ContextFactory { get; }

    CoproSurveyDbContext CreateContext() => ContextFactory.CreateDbContext();

    /// <summary>Options for services or an app host pointed at this database.</summary>
    CoproSurveyOptions Options(string dataDirectory = "data") =>
        new() { Provider = Provider, ConnectionString = ConnectionString, DataDirectory = dataDirectory };
}

public static class TestDatabases
{
    /// <summary>Both providers, as theory data: <c>[SkippableTheory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    /// <summary>
    /// A fresh migrated database: SQLite in memory (or a file, for tests of concurrent connections), or a PostgreSQL
    /// database of its own, dropped on dispose. Without a PostgreSQL server the test is skipped, saying why.
    /// </summary>
    public static ITestDatabase Create(DatabaseProvider provider, bool file = false) => provider switch
    {
        DatabaseProvider.Sqlite => file ? SqliteDatabase.InTempFolder() : SqliteDatabase.InMemory(),
        DatabaseProvider.Postgres => PostgresDatabase.Create(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
