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
        A study file (data/studies/*.json) is recognised and checked together with the instruments it names and
        their translation into each language it lists. A translation file (citizen.nl.json beside citizen.json) is
        checked against its instrument, and an instrument file together with the translation files beside it: every
        untranslated text and every text the instrument does not have is reported with its JSON path in the
        translation file.

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
            var (summary, problems) = Kind(file) switch
            {
                FileKind.Study => CheckStudy(file),
                FileKind.Translation => CheckTranslation(file),
                _ => CheckInstrument(file),
            };
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
        if (result.Instrument is not { } instrument)
        {
            return ("", result.Problems);
        }

        var problems = new List<InstrumentProblem>();
        var languages = new List<string>();
        foreach (var (path, language) in TranslationsBeside(file))
        {
            var translation = TranslationLoader.LoadFile(path, instrument, result.SharedScales, language);
            problems.AddRange(translation.Problems);
            if (translation.Translation is { } t)
            {
                languages.Add($"{t.Language} ({Status(t)})");
            }
        }

        var translated = languages.Count == 0 ? "" : $", translated into {string.Join(", ", languages)}";
        return ($"{instrument.Sections.Count} sections, {instrument.Items.Count()} items, sha256 {instrument.Sha256}{translated}", problems);
    }

    private static (string Summary, IReadOnlyList<InstrumentProblem> Problems) CheckTranslation(string file)
    {
        var (instrumentPath, language) = InstrumentOf(file);
        var instrument = InstrumentLoader.LoadFile(instrumentPath);
        if (instrument.Instrument is null)
        {
            return ("", [new InstrumentProblem(file, "$", $"the instrument it translates, {instrumentPath}, does not load"), .. instrument.Problems]);
        }

        var result = TranslationLoader.LoadFile(file, instrument.Instrument, instrument.SharedScales, language);
        return result.Translation is { } t
            ? ($"{t.Language} translation of {t.InstrumentKey} ({Status(t)}), {t.Texts.Count} texts, sha256 {t.Sha256}", [])
            : ("", result.Problems);
    }

    private static string Status(InstrumentTranslation t) => t.Status.ToString().ToLowerInvariant();

    /// <summary>citizen.nl.json: the instrument citizen.json beside it, and the language nl.</summary>
    private static (string InstrumentPath, string Language) InstrumentOf(string translationPath)
    {
        var name = Path.GetFileNameWithoutExtension(translationPath);
        var dot = name.LastIndexOf('.');
        return dot <= 0
            ? (translationPath, "")
            : (Path.Combine(Path.GetDirectoryName(translationPath) ?? "", name[..dot] + ".json"), name[(dot + 1)..]);
    }

    /// <summary>The translation files beside an instrument file (citizen.json: citizen.LANG.json), in ordinal order.</summary>
    private static IEnumerable<(string Path, string Language)> TranslationsBeside(string instrumentPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(instrumentPath)) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(instrumentPath);
        return Directory.EnumerateFiles(directory, stem + ".*.json")
            .Select(path => (Path: Path.Combine(Path.GetDirectoryName(instrumentPath) ?? "", Path.GetFileName(path)), Language: InstrumentOf(path).Language))
            .Where(t => t.Language.Length > 0 && !t.Language.Contains('.'))
            .OrderBy(t => t.Path, StringComparer.Ordinal);
    }

    private static (string Summary, IReadOnlyList<InstrumentProblem> Problems) CheckStudy(string file)
    {
        var result = StudyLoader.LoadFile(file);
        var instruments = result.Instruments.OrderBy(p => p.Key)
            .Select(p => $"{p.Key.ToString().ToLowerInvariant()} {p.Value.Key} sha256 {p.Value.Sha256}");
        var languages = result.Study is { Languages.Count: > 0 } study ? $"; languages {string.Join(", ", study.Languages)}" : "";
        return ($"study {result.Study?.Key}: {string.Join(", ", instruments)}{languages}", result.Problems);
    }

    private enum FileKind
    {
        Instrument,
        Study,
        Translation,
    }

    /// <summary>
    /// A study names instruments and has no sections; a translation names the instrument it translates and has no key;
    /// anything else (even unreadable) is checked as an instrument.
    /// </summary>
    private static FileKind Kind(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return FileKind.Instrument;
            }

            if (root.TryGetProperty("instruments", out _) && !root.TryGetProperty("sections", out _))
            {
                return FileKind.Study;
            }

            return root.TryGetProperty("instrument", out _) && !root.TryGetProperty("key", out _) ? FileKind.Translation : FileKind.Instrument;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return FileKind.Instrument;
        }
    }
}
