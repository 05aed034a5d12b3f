using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CoproSurvey.Tests.Support;

/// <summary>
/// A PostgreSQL database of its own for a test (or a test class), created on the server named by
/// <c>COPROSURVEY_TEST_POSTGRES</c> and dropped on dispose. The first one of a test run migrates a template
/// database; every later one is a copy of it (<c>CREATE DATABASE ... TEMPLATE</c>), which takes a fraction of
/// the time of running the migrations again. Without the variable the test is skipped with the reason.
/// </summary>
public sealed class PostgresDatabase : ITestDatabase
{
    /// <summary>Connection string of a role that may create databases, e.g. <c>Host=127.0.0.1;Port=5432;Username=coprosurvey;Password=...;Database=postgres</c>.</summary>
    public const string EnvironmentVariable = "COPROSURVEY_TEST_POSTGRES";

    public const string NotConfigured =
        "PostgreSQL is not configured for tests: set " + EnvironmentVariable + " to the connection string of a role "
        + "that may create databases (.ci/run starts a server and sets it; see README, \"Run all tests\").";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string name;

    private PostgresDatabase(string name)
    {
        this.name = name;
        ConnectionString = For(name);
        ContextFactory = new Factory(new DbContextOptionsBuilder<CoproSurveyDbContext>()
            .UseCoproSurveyDatabase(DatabaseProvider.Postgres, ConnectionString).Options);
    }

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static bool IsConfigured => ServerConnectionString is not null;

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string ConnectionString { get; }

    public IDbContextFactory<CoproSurveyDbContext> ContextFactory { get; }

    /// <summary>Skips the calling test, with the reason in its output, where no server is configured.</summary>
    public static void SkipUnlessConfigured() => Skip.IfNot(IsConfigured, NotConfigured);

    /// <summary>A migrated, empty database.</summary>
    public static PostgresDatabase Create()
    {
        SkipUnlessConfigured();
        var name = NewName("t");
        CopyTemplate(name);
        return new PostgresDatabase(name);
    }

    /// <summary>An empty database with no schema at all, for tests of what the app does on first start.</summary>
    public static PostgresDatabase CreateEmpty()
    {
        SkipUnlessConfigured();
        var name = NewName("e");
        Admin($"CREATE DATABASE \"{name}\"");
        return new PostgresDatabase(name);
    }

    public void Dispose() => Drop(name);

    private static string NewName(string kind) => $"coprosurvey_test_{kind}_{Guid.NewGuid():N}";

    private static string For(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    private static string CreateTemplate()
    {
        var name = NewName("template");
        Admin($"CREATE DATABASE \"{name}\"");
        // The template goes when the test run ends; a run that is killed leaves it to the server's next cleanup.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(name);
        var options = new DbContextOptionsBuilder<CoproSurveyDbContext>()
            .UseCoproSurveyDatabase(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(For(name)) { Pooling = false }.ConnectionString)
            .Options;
        using (var context = new CoproSurveyDbContext(options))
        {
            context.GetService<IMigrator>().Migrate();
        }

        return name;
    }

    /// <summary>
    /// The copy needs the template to itself; an autovacuum worker that has just connected to it makes the server refuse
    /// with "being accessed by other users" (55006) for a moment, so that refusal is tried again, briefly.
    /// </summary>
    private static void CopyTemplate(string name) =>
        WhileInUse(() => Admin($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\""), attempts: 50, pause: 100);

    private static void Drop(string database)
    {
        using (var connection = new NpgsqlConnection(For(database)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        try
        {
            Admin($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // FORCE refuses (42501) to end a process the role may not signal, such as an autovacuum worker that has just
            // connected (unless the role is in pg_signal_backend). So the role's own sessions there are ended, and a plain
            // DROP asks an autovacuum worker to stop itself; that is tried, briefly, while it does.
            WhileInUse(
                () =>
                {
                    Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND usename = current_user AND pid <> pg_backend_pid()");
                    Admin($"DROP DATABASE IF EXISTS \"{database}\"");
                },
                attempts: 50,
                pause: 200);
        }
    }

    /// <summary>Runs <paramref name="action"/>, again after <paramref name="pause"/> ms while the server says the database is in use (55006).</summary>
    private static void WhileInUse(Action action, int attempts, int pause)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                action();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < attempts)
            {
                Thread.Sleep(pause);
            }
        }
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private sealed class Factory(DbContextOptions<CoproSurveyDbContext> options) : IDbContextFactory<CoproSurveyDbContext>
    {
        public CoproSurveyDbContext CreateDbContext() => new(options);
    }
}
