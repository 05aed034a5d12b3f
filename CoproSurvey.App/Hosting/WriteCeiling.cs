using CoproSurvey.Core.Persistence;
using CoproSurvey.Core;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// <c>POST /dev/write-ceiling</c>, mapped in Development only: the least a request that stores something can cost on
/// this host, one row written in one transaction through the same middleware as every page. On SQLite the row goes to
/// a file in WAL mode beside the platform's database (same disk, same journal, same durability) in a
/// <c>BEGIN IMMEDIATE</c> transaction, the writers queued in turn as the platform's are; on PostgreSQL to a table of
/// its own schema (<c>write_ceiling</c>) in the platform's database, the writers concurrent as the platform's are.
/// <c>loadtest --ceiling</c> measures it the way it measures page posts, for the ceiling they are compared with
/// (docs/benchmarks.md). Production never maps it, and it never touches the platform's own tables.
/// </summary>
public static class WriteCeiling
{
    public const string Path = "/dev/write-ceiling";

    public static WebApplication MapWriteCeilingInDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        var options = app.Services.GetRequiredService<CoproSurveyOptions>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return app.MapPostgresCeiling(options.ConnectionString);
        }

        var database = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var file = string.IsNullOrEmpty(database) || database == ":memory:" || options.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase)
            ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coprosurvey-write-ceiling.db")
            : database + ".write-ceiling";
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        var ready = new Lazy<Task>(() => CreateAsync(connectionString));
        // Writers queue in turn as the platform's do (WriteTransactions.BeginWriteAsync).
        var gate = new SemaphoreSlim(1, 1);
        app.MapPost(Path, async (CancellationToken ct) =>
        {
            await ready.Value;
            await gate.WaitAsync(ct);
            try
            {
                await WriteOneAsync(connectionString, ct);
            }
            finally
            {
                gate.Release();
            }

            return Results.NoContent();
        }).DisableAntiforgery();
        return app;
    }

    private static WebApplication MapPostgresCeiling(this WebApplication app, string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        var ready = new Lazy<Task>(async () =>
        {
            await using var create = dataSource.CreateCommand(
                "CREATE SCHEMA IF NOT EXISTS write_ceiling; CREATE TABLE IF NOT EXISTS write_ceiling.writes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL);");
            await create.ExecuteNonQueryAsync();
        });
        app.MapPost(Path, async (CancellationToken ct) =>
        {
            await ready.Value;
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var insert = new NpgsqlCommand("INSERT INTO write_ceiling.writes (at) VALUES ($1)", connection, transaction);
            insert.Parameters.AddWithValue(DateTimeOffset.UtcNow);
            await insert.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return Results.NoContent();
        }).DisableAntiforgery();
        return app;
    }

    private static async Task WriteOneAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Writes (At) VALUES ($at)";
        insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        await insert.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task CreateAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS Writes (Id INTEGER PRIMARY KEY, At TEXT NOT NULL);";
        await command.ExecuteNonQueryAsync();
    }
}
