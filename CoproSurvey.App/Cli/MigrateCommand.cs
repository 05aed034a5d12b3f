using CoproSurvey.Core;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.App.Cli;

/// <summary><c>migrate [--database PATH] [--data DIR]</c>: applies migrations and loads the studies under the data folder.</summary>
internal sealed class MigrateCommand : ICliCommand
{
    private const string Usage =
        "Usage: CoproSurvey.App migrate [--database PATH] [--data DIR]\n"
        + "  --database PATH  SQLite file to create or update (default: coprosurvey.db in the current folder)\n"
        + "  --data DIR       folder holding studies/ and instruments/ (default: the nearest data/ folder with studies/ at or above the current folder)";

    public string Name => "migrate";

    public string Summary => "Create or update the database and load the studies in data/";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        string? database = null;
        string? data = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    await console.Out.WriteLineAsync(Usage);
                    return 0;
                case "--database" when i + 1 < args.Count:
                    database = args[++i];
                    break;
                case "--data" when i + 1 < args.Count:
                    data = args[++i];
                    break;
                default:
                    await console.Error.WriteLineAsync($"migrate: unexpected argument '{args[i]}'.\n{Usage}");
                    return 1;
            }
        }

        var databasePath = Path.GetFullPath(database ?? "coprosurvey.db");
        var dataDirectory = Path.GetFullPath(data ?? FindDataDirectory(Directory.GetCurrentDirectory()));
        var options = new CoproSurveyOptions
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString(),
            DataDirectory = dataDirectory,
        };
        await using var services = new ServiceCollection().AddCoproSurveyCore(options).BuildServiceProvider();
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
        catch (SqliteException ex)
        {
            await console.Error.WriteLineAsync($"{databasePath}: {ex.Message}");
            return 2;
        }
    }

    private static string FindDataDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "data", "studies")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        return Path.Combine(start, "data");
    }
}
