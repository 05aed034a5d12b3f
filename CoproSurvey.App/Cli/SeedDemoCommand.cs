using System.Diagnostics;
using System.Globalization;
using CoproSurvey.Core;
using CoproSurvey.Core.Demo;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.App.Cli;

/// <summary><c>seed-demo</c>: fills a study with simulated responses of both audiences.</summary>
internal sealed class SeedDemoCommand : ICliCommand
{
    private const string Usage = """
        Usage: CoproSurvey.App seed-demo --responses N [--seed S] [--study KEY] [--database PATH] [--data DIR]

        Adds N simulated, complete responses (about 75% citizens, 25% professionals) across every country,
        policy field and service unit of the study, drawn from the data-generating model in docs/demo-data.md.
        The same seed gives the same answers. Responses are marked as simulated and written all or nothing.

          --responses N    how many responses to add (1 to 1,000,000)
          --seed S         random seed (default 2027)
          --study KEY      study key (default: the only study, or 'coproduction')
          --database PATH  SQLite file (default: the platform's database)
          --data DIR       folder with studies/ and instruments/ (default: the repository's data/)
        """;

    private static readonly CommandOption[] Options =
    [
        new("responses", "N", "how many responses to add"),
        new("seed", "S", "random seed"),
        new("study", "KEY", "study key"),
        new("database", "PATH", "SQLite file"),
        new("data", "DIR", "folder with studies/ and instruments/"),
    ];

    public string Name => "seed-demo";

    public string Summary => "Add simulated responses to a study (reproducible for a seed)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var (parsed, exit) = await CommandArguments.ReadAsync(Name, args, Options, Usage, console);
        if (parsed is null)
        {
            return exit;
        }

        if (!int.TryParse(parsed.Value("responses"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1_000_000)
        {
            await console.Error.WriteLineAsync("--responses needs a whole number from 1 to 1000000." + Environment.NewLine + Usage);
            return 1;
        }

        var seed = 2027;
        if (parsed.Value("seed") is { } seedText && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            await console.Error.WriteLineAsync($"--seed needs a whole number, not '{seedText}'.");
            return 1;
        }

        await using var services = CliServices.Build(parsed.Value("database"), parsed.Value("data"));
        var options = services.GetRequiredService<CoproSurveyOptions>();
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);

        var studies = StudyLoader.LoadDirectory(options.DataDirectory).Where(r => r.IsValid).ToList();
        var key = parsed.Value("study") ?? (studies.Count == 1 ? studies[0].Study!.Key : "coproduction");
        var loaded = studies.FirstOrDefault(s => s.Study!.Key == key);
        if (loaded is null)
        {
            await console.Error.WriteLineAsync($"{options.DataDirectory}: there is no study '{key}' (found: {string.Join(", ", studies.Select(s => s.Study!.Key))}).");
            return 2;
        }

        var generator = new DemoDataGenerator(loaded.Study!, loaded.Instruments, seed, DateTimeOffset.UtcNow);
        try
        {
            var responses = generator.Generate(count).ToList();
            var generated = clock.Elapsed;
            var imported = await services.GetRequiredService<ResponseImporter>().ImportCompletedAsync(key, responses, cancellationToken);
            await console.Out.WriteLineAsync(
                $"Added {imported} simulated responses to study '{key}' (seed {seed}) in {clock.Elapsed.TotalSeconds:F1} s " +
                $"(simulated in {generated.TotalSeconds:F1} s, written in {(clock.Elapsed - generated).TotalSeconds:F1} s): {CoproSurveyDatabase.Describe(options.Provider, options.ConnectionString)}");
            return 0;
        }
        catch (ResponseImportException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}
