using System.Text.Json;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.App.Cli;

/// <summary><c>instruments validate FILE...</c>: checks instrument files and reports every problem.</summary>
internal sealed class InstrumentsCommand : ICliCommand
{
    private const string Usage = """
        Usage: CoproSurvey.App instruments validate FILE...

        Checks each instrument JSON file (format: docs/instruments.md, schema: data/instruments/instrument.schema.json).
        A valid file prints "FILE: OK (N sections, M items, sha256 HASH)" on standard output; otherwise every
        problem is printed on standard error, one per line, as "FILE: $.json.path: reason".
        A study file (data/studies/*.json) is recognised and checked together with the instruments it names.

        Exit codes: 0 all files valid, 1 usage error, 2 at least one problem.
        """;

    public string Name => "instruments";

    public string Summary => "Validate instrument files (instruments validate FILE...)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args is ["help"] || (args.Count > 0 && CommandArguments.AsksForHelp(args)))
        {
            await console.Out.WriteLineAsync(Usage);
            return 0;
        }

        if (args.Count == 0 || args[0] != "validate")
        {
            await console.Error.WriteLineAsync(
                $"{Name}: {(args.Count == 0 ? "give an action" : $"unknown action '{args[0]}'")}.{Environment.NewLine}{Usage}");
            return 1;
        }

        var (parsed, exit) = await CommandArguments.ReadAsync($"{Name} validate", args.Skip(1).ToList(), [], Usage, console, new CommandOperands("instrument file"));
        if (parsed is null)
        {
            return exit;
        }

        var anyProblem = false;
        foreach (var file in parsed.Operands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (summary, problems) = IsStudyFile(file) ? CheckStudy(file) : CheckInstrument(file);
            if (problems.Count == 0)
            {
                await console.Out.WriteLineAsync($"{file}: OK ({summary})");
                continue;
            }

            anyProblem = true;
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync(problem.ToString());
            }
        }

        return anyProblem ? 2 : 0;
    }

    private static (string Summary, IReadOnlyList<InstrumentProblem> Problems) CheckInstrument(string file)
    {
        var result = InstrumentLoader.LoadFile(file);
        return result.Instrument is { } instrument
            ? ($"{instrument.Sections.Count} sections, {instrument.Items.Count()} items, sha256 {instrument.Sha256}", [])
            : ("", result.Problems);
    }

    private static (string Summary, IReadOnlyList<InstrumentProblem> Problems) CheckStudy(string file)
    {
        var result = StudyLoader.LoadFile(file);
        var instruments = result.Instruments.OrderBy(p => p.Key)
            .Select(p => $"{p.Key.ToString().ToLowerInvariant()} {p.Value.Key} sha256 {p.Value.Sha256}");
        return ($"study {result.Study?.Key}: {string.Join(", ", instruments)}", result.Problems);
    }

    /// <summary>A study names instruments and has no sections; anything else (even unreadable) is checked as an instrument.</summary>
    private static bool IsStudyFile(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("instruments", out _) && !root.TryGetProperty("sections", out _);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
