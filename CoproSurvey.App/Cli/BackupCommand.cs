using System.Diagnostics;
using CoproSurvey.Core;
using CoproSurvey.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>backup --out FILE [--database PATH] [--force]</c>: a consistent copy of the SQLite database taken with the SQLite
/// backup API, safe while the platform serves (in WAL mode readers never block its writers, and the copy is one
/// snapshot, never a mix of before and after a write).
/// </summary>
internal sealed class BackupCommand : ICliCommand
{
    private const string Usage =
        "Usage: CoproSurvey.App backup --out FILE [--database PATH] [--force]\n"
        + "  --out FILE       where to write the copy (a single SQLite file; refused if it exists)\n"
        + "  --database PATH  SQLite file to copy (default: the platform's database, as for dotnet run)\n"
        + "  --force          replace FILE if it exists\n"
        + "Restore: stop the platform, put the copy in place of the database file (removing its -wal and -shm\n"
        + "files), start the platform. On PostgreSQL (Database:Provider=Postgres) use pg_dump and pg_restore instead.";

    private static readonly CommandOption[] Options =
    [
        new("out", "FILE", "target file", Required: true),
        new("database", "PATH", "SQLite file"),
        new("force", null, "replace the target"),
    ];

    public string Name => "backup";

    public string Summary => "Copy the database consistently while the platform runs";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var (parsed, exit) = await CommandArguments.ReadAsync(Name, args, Options, Usage, console);
        if (parsed is null)
        {
            return exit;
        }

        string sourcePath;
        await using (var services = CliServices.Build(parsed.Value("database")))
        {
            var options = services.GetRequiredService<CoproSurveyOptions>();
            if (options.Provider == DatabaseProvider.Postgres)
            {
                await console.Error.WriteLineAsync(PostgresAdvice(options.ConnectionString));
                return 1;
            }

            sourcePath = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        }

        var target = Path.GetFullPath(parsed.Required("out"));
        if (!File.Exists(sourcePath))
        {
            await console.Error.WriteLineAsync($"backup: the database {sourcePath} does not exist.");
            return 2;
        }

        if (Path.GetFullPath(sourcePath) == target)
        {
            await console.Error.WriteLineAsync($"backup: {target} is the database itself.");
            return 2;
        }

        if (File.Exists(target) && !parsed.Has("force"))
        {
            await console.Error.WriteLineAsync($"backup: {target} already exists; it was left as it is (--force replaces it).");
            return 2;
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            await console.Error.WriteLineAsync($"backup: the folder {folder} does not exist.");
            return 2;
        }

        // Beside the target, so that the final move is a rename on the same file system and a failure leaves no
        // half-written file under the target's name.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var clock = Stopwatch.StartNew();
        try
        {
            var copy = await CopyAsync(sourcePath, temporary, cancellationToken);
            if (copy.Integrity != "ok")
            {
                await console.Error.WriteLineAsync($"backup: the copy failed PRAGMA integrity_check ({copy.Integrity}); nothing was written to {target}.");
                return 2;
            }

            File.Move(temporary, target, overwrite: parsed.Has("force"));
            clock.Stop();
            var size = new FileInfo(target).Length;
            await console.Out.WriteLineAsync($"Backed up {sourcePath} to {target}");
            await console.Out.WriteLineAsync($"Size:      {size:N0} bytes");
            await console.Out.WriteLineAsync($"Responses: {copy.Responses:N0}");
            await console.Out.WriteLineAsync($"Answers:   {copy.Answers:N0}");
            await console.Out.WriteLineAsync("Integrity: ok");
            await console.Out.WriteLineAsync($"Time:      {clock.Elapsed.TotalSeconds:0.00} s");
            return 0;
        }
        catch (SqliteException ex)
        {
            await console.Error.WriteLineAsync($"backup: {sourcePath}: {ex.Message}; nothing was written to {target}.");
            return 2;
        }
        catch (IOException ex)
        {
            await console.Error.WriteLineAsync($"backup: {ex.Message}; nothing was written to {target}.");
            return 2;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal" })
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>What to do instead on PostgreSQL, naming the database but never the password.</summary>
    internal static string PostgresAdvice(string connectionString)
    {
        var postgres = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(postgres.Username) ? "" : $" --username {postgres.Username}";
        return $"""
            backup: the platform's database is PostgreSQL ({postgres.Database} on {postgres.Host}:{postgres.Port}); this verb copies SQLite files only.
            Back PostgreSQL up with pg_dump, which takes one consistent snapshot while the platform serves:
              pg_dump --format=custom --host {postgres.Host} --port {postgres.Port}{user} --file coprosurvey-$(date +%F).dump {postgres.Database}
            and restore into an empty database with pg_restore (docs/deploy.md, "Backups").
            """;
    }

    private static async Task<CopyReport> CopyAsync(string sourcePath, string temporary, CancellationToken cancellationToken)
    {
        // Read-only, so that a mistyped path is an error instead of a new empty database.
        var source = new SqliteConnectionStringBuilder { DataSource = sourcePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var destination = new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false };
        var problems = new List<string>();
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(destination.ToString()))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);

            // The copy keeps the source's WAL mode; back to a plain rollback journal the file is complete on its own
            // with no -wal beside it, and the platform turns WAL on again when it starts on the copy.
            await using var journal = to.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteScalarAsync(cancellationToken);
            journal.CommandText = "PRAGMA integrity_check;";
            await using var reader = await journal.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add(reader.GetString(0));
            }
        }

        var options = new DbContextOptionsBuilder<CoproSurveyDbContext>().UseSqlite(destination.ToString()).Options;
        await using var db = new CoproSurveyDbContext(options);
        var integrity = string.Join("; ", problems);
        var responses = await db.Responses.CountAsync(cancellationToken);
        var answers = await db.Answers.CountAsync(cancellationToken);
        return new CopyReport(integrity, responses, answers);
    }

    private sealed record CopyReport(string Integrity, int Responses, int Answers);
}
