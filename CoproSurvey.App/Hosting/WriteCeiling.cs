using CoproSurvey.Core.Persistence;
using CoproSurvey.Core;
using Microsoft.Data.Sqlite;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// <c>POST /dev/write-ceiling</c>, mapped in Development only: the least a request that stores something can cost on
/// this host, one row written in one <c>BEGIN IMMEDIATE</c> transaction to a SQLite file in WAL mode beside the
/// platform's database (same disk, same journal, same durability), through the same middleware as every page.
/// <c>loadtest --ceiling</c> measures it the way it measures page posts, for the ceiling they are compared with
/// (docs/benchmarks.md). Production never maps it, and it never touches the platform's own tables.
/// </summary>
public static class WriteCeiling
{
    public const string Path = "/dev/write-ceiling";

    public static WebApplication MapWriteCeilingInDevelopment(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<CoproSurveyOptions>();
        // The ceiling is a SQLite file's; on PostgreSQL there is nothing of the same kind to compare with.
        if (!app.Environment.IsDevelopment() || options.Provider != DatabaseProvider.Sqlite)
        {
            return app;
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
