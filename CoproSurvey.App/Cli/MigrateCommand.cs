using CoproSurvey.Core;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoproSurvey.App.Cli;

/// <summary><c>migrate [--database PATH] [--data DIR]</c>: applies migrations and loads the studies under the data folder.</summary>
internal sealed class MigrateCommand : ICliCommand
{
    private const string Usage =
        "Usage: CoproSurvey.App migrate [--database PATH] [--data DIR]\n"
        + "  --database PATH  SQLite file to create or update (default: the platform's database, as for dotnet run,\n"
        + "                   SQLite or PostgreSQL as Database:Provider says)\n"
        + "  --data DIR       folder holding studies/ and instruments/ (default: the repository's data/ folder)";

    public string Name => "migrate";

    public string Summary => "Create or update the database and load the studies in data/";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var (parsed, exit) = await CommandArguments.ReadAsync(
            Name, args, [new("database", "PATH", "SQLite file"), new("data", "DIR", "data folder")], Usage, console);
        if (parsed is null)
        {
            return exit;
        }

        await using var services = CliServices.Build(parsed.Value("database"), parsed.Value("data"));
        var options = services.GetRequiredService<CoproSurveyOptions>();
        var databasePath = CoproSurveyDatabase.Describe(options.Provider, options.ConnectionString);
        var dataDirectory = options.DataDirectory;
        await console.Out.WriteLineAsync($"Database: {databasePath}");
        await console.Out.WriteLineAsync($"Data:     {dataDirectory}");
        try
        {
            var report = await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            foreach (var migration in report.AppliedMigrations)
            {
                await console.Out.WriteLineAsync($"Applied migration {migration}");
            }

            if (report.AppliedMigrations.Count == 0)
            {
                await console.Out.WriteLineAsync("Schema already up to date.");
            }

            foreach (var message in report.Messages)
            {
                await console.Out.WriteLineAsync(message);
            }

            if (report.Messages.Count == 0)
            {
                await console.Out.WriteLineAsync("Studies and instruments already up to date.");
            }

            return 0;
        }
        catch (InstrumentValidationException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            await console.Error.WriteLineAsync("Nothing was loaded from the data folder; the schema is up to date.");
            return 2;
        }
        catch (Exception ex) when (ex is SqliteException or NpgsqlException)
        {
            await console.Error.WriteLineAsync($"{databasePath}: {ex.Message}");
            return 2;
        }
    }
}
