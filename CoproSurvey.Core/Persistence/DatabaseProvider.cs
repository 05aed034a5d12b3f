using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoproSurvey.Core.Persistence;

/// <summary>The database engines the platform runs on (configuration key <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: no setup, one machine (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several app instances on one database.</summary>
    Postgres,
}

/// <summary>How a <see cref="CoproSurveyDbContext"/> is pointed at each provider, for the app, the verbs, design time and tests alike.</summary>
public static class CoproSurveyDatabase
{
    /// <summary>
    /// The assembly holding the PostgreSQL migrations. SQLite's live beside the context in this assembly; one assembly
    /// can hold only one migration history per context, so PostgreSQL's have their own, loaded by name at run time.
    /// </summary>
    public const string PostgresMigrationsAssembly = "CoproSurvey.Migrations.Postgres";

    /// <summary>Reads a provider name as written in configuration (<c>Sqlite</c>, <c>Postgres</c>, any case; <c>PostgreSQL</c> too).</summary>
    public static bool TryParseProvider(string? text, out DatabaseProvider provider)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "SQLITE":
                provider = DatabaseProvider.Sqlite;
                return true;
            case "POSTGRES" or "POSTGRESQL" or "NPGSQL":
                provider = DatabaseProvider.Postgres;
                return true;
            default:
                provider = default;
                return false;
        }
    }

    /// <summary>Configures <paramref name="builder"/> for <paramref name="provider"/> with its migrations.</summary>
    public static DbContextOptionsBuilder UseCoproSurveyDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(WithPoolSettings(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>Statements a connection prepares on the server after their fifth use, unless the connection string sets <c>Max Auto Prepare</c> itself.</summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>
    /// The platform's connection settings for PostgreSQL, added to <paramref name="connectionString"/> unless it names
    /// them itself (a value there is always kept):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c>: a page post runs the same dozen statements each time, and Npgsql's automatic
    /// preparation saves the server parsing and planning them again (0 turns it off, e.g. behind a pooler in
    /// transaction mode).</item>
    /// <item><c>No Reset On Close</c>: Npgsql resets the session of every connection returned to its pool (settings,
    /// cursors, advisory locks, temporary tables), and a respondent's request returns two or three. The platform leaves
    /// no session state behind: it sets no session settings and takes no session locks, and an open transaction is
    /// rolled back on return whatever this says. Measured on PostgreSQL's CPU: 4.5 to 4.9 ms a page post with the
    /// reset, 3.7 ms without (docs/benchmarks.md).</item>
    /// </list>
    /// </summary>
    public static string WithPoolSettings(string connectionString)
    {
        // Npgsql's builder answers ContainsKey for every keyword it knows, set or not: the keys written are read plainly.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }
            .Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToList();
        bool Names(string keyword) => written.Any(k => k.Equals(keyword, StringComparison.OrdinalIgnoreCase));
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!Names("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <inheritdoc cref="UseCoproSurveyDatabase(DbContextOptionsBuilder, DatabaseProvider, string)"/>
    public static DbContextOptionsBuilder<CoproSurveyDbContext> UseCoproSurveyDatabase(
        this DbContextOptionsBuilder<CoproSurveyDbContext> builder, DatabaseProvider provider, string connectionString)
    {
        ((DbContextOptionsBuilder)builder).UseCoproSurveyDatabase(provider, connectionString);
        return builder;
    }

    /// <summary>
    /// Where the database is, for messages: the SQLite file's path, or PostgreSQL's database, host and port. Never a
    /// password or any other part of the connection string.
    /// </summary>
    public static string Describe(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }

        var postgres = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {postgres.Database} on {postgres.Host}:{postgres.Port}";
    }
}
