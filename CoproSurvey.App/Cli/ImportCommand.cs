using System.Diagnostics;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Import;
using CoproSurvey.Core.Persistence;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>import --study KEY --csv FILE</c>: responses from a CSV in the wide format of an export's <c>data.csv</c>, all or
/// nothing (see <see cref="DatasetImporter"/>).
/// </summary>
internal sealed class ImportCommand : ICliCommand
{
    private const string Usage =
        """
        Usage: CoproSurvey.App import --study KEY --csv FILE [--text FILE] [--database PATH] [--data DIR]
          --study KEY      the study to import into
          --csv FILE       a CSV in the format of an export's data.csv (UTF-8, comma-separated, header row)
          --text FILE      the open answers, as in an export's text.csv (joined to the data by response_id)
          --database PATH  SQLite file (default: the platform's database)
          --data DIR       folder with studies/ and instruments/ (default: the repository's data/)
        Every row is checked against the questionnaire version it names (instrument_sha256; the current one when
        empty), and a translation_sha256 against the study's translations of that version in the row's language;
        either every row is imported in one transaction, or none is and every problem is listed by row and
        column (exit code 2). Score columns are recomputed, not read. The import is recorded in the audit log.
        """;

    private static readonly CommandOption[] Options =
    [
        new("study", "KEY", "study key", Required: true),
        new("csv", "FILE", "CSV file", Required: true),
        new("text", "FILE", "open answers"),
        new("database", "PATH", "SQLite file"),
        new("data", "DIR", "data folder"),
    ];

    public string Name => "import";

    public string Summary => "Import responses from a CSV in the export's data.csv format, all or nothing";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var (parsed, exit) = await CommandArguments.ReadAsync(Name, args, Options, Usage, console);
        if (parsed is null)
        {
            return exit;
        }

        var path = Path.GetFullPath(parsed.Required("csv"));
        var textPath = parsed.Value("text") is { } t ? Path.GetFullPath(t) : null;
        foreach (var file in new[] { path, textPath }.OfType<string>().Where(f => !File.Exists(f)))
        {
            await console.Error.WriteLineAsync($"import: {file}: file not found; nothing was imported.");
            return 2;
        }

        await using var services = CliServices.Build(parsed.Value("database"), parsed.Value("data"));
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var clock = Stopwatch.StartNew();
        ImportReport report;
        await using (var csv = File.OpenRead(path))
        await using (var text = textPath is null ? null : File.OpenRead(textPath))
        {
            report = await scope.ServiceProvider.GetRequiredService<DatasetImporter>()
                .ImportAsync(parsed.Required("study"), csv, Path.GetFileName(path), Actor.CommandLine, cancellationToken, openAnswers: text);
        }

        if (!report.Success)
        {
            foreach (var problem in report.Problems)
            {
                await console.Error.WriteLineAsync($"{path}: {problem}");
            }

            var more = report.ProblemsCut ? $" (the first {DatasetImporter.MaxReportedProblems} are listed)" : "";
            await console.Error.WriteLineAsync($"import: {report.Problems.Count} problem(s){more}; nothing was imported.");
            return 2;
        }

        await console.Out.WriteLineAsync(
            $"Imported {report.Imported} responses ({report.Complete} complete, {report.Partial} partial) into study '{parsed.Required("study")}' " +
            $"in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
