using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>analyze VERB --csv F ...</c>: statistics on the columns of a CSV file, as readable tables or, with
/// <c>--json</c>, as one JSON object on standard output. Exit codes: 0 done; 1 bad usage (the usage is shown);
/// 2 bad input (missing file, unknown column, a cell that is not a number: one line on standard error naming file,
/// row and column); 3 a statistical impossibility (singular design, too few cases, a constant variable).
/// </summary>
internal sealed class AnalyzeCommand : ICliCommand
{
    private static readonly IReadOnlyList<AnalyzeVerb> Verbs =
    [
        new AnalyzeDescribe(),
        new AnalyzeOls(),
        new AnalyzeLogit(),
        new AnalyzeAlpha(),
        new AnalyzeTTest(),
        new AnalyzeAnova(),
        new AnalyzeChiSquare(),
        new AnalyzeCorrelation(),
    ];

    private static readonly CommandOption JsonOption = new("json", null, "Write one JSON object instead of tables.");

    public string Name => "analyze";

    public string Summary => "Statistics on a CSV file: describe, ols, logit, alpha, ttest, anova, chisq, corr";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            var output = args.Count == 0 ? console.Error : console.Out;
            await output.WriteAsync(Help());
            return args.Count == 0 ? 1 : 0;
        }

        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            await console.Error.WriteLineAsync($"analyze: unknown analysis '{args[0]}'.{CliApp.DidYouMean(args[0], Verbs.Select(v => v.Name))}");
            await console.Error.WriteAsync(Help());
            return 1;
        }

        var options = verb.Options.Append(JsonOption).ToList();
        var rest = args.Skip(1).ToList();
        if (rest.Any(a => a is "--help" or "-h"))
        {
            await console.Out.WriteAsync(VerbHelp(verb, options));
            return 0;
        }

        CommandArguments? arguments = null;
        try
        {
            arguments = CommandArguments.Parse(rest, options);
            var report = verb.Run(arguments, cancellationToken);
            await console.Out.WriteAsync(arguments.Has("json") ? Json(report) : Text(report));
            return 0;
        }
        catch (CommandUsageException e)
        {
            await console.Error.WriteLineAsync($"analyze {verb.Name}: {e.Message}");
            await console.Error.WriteAsync(VerbHelp(verb, options));
            return 1;
        }
        catch (CsvDataException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (StatisticsException e)
        {
            await console.Error.WriteLineAsync($"analyze {verb.Name}: {arguments?.Value("csv")}: {e.Message}");
            return 3;
        }
        catch (ArgumentException e)
        {
            // The statistics library refuses data it cannot take (e.g. a model it cannot build from these columns).
            await console.Error.WriteLineAsync($"analyze {verb.Name}: {arguments?.Value("csv")}: {e.Message}");
            return 2;
        }
    }

    private static string Json(IAnalyzeReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            report.WriteJson(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static string Text(IAnalyzeReport report)
    {
        using var text = new StringWriter();
        report.WriteText(text);
        return text.ToString();
    }

    private static string Help()
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: analyze VERB --csv FILE [OPTIONS] [--json]");
        text.AppendLine();
        text.AppendLine("Verbs:");
        foreach (var v in Verbs)
        {
            text.AppendLine($"  {v.Name,-10}{v.Summary}");
        }

        text.AppendLine();
        text.AppendLine("The file has a header row, comma-separated fields (RFC 4180 quotes) and numbers with a decimal point");
        text.AppendLine("(a file separated by ';' or tabs is named as such, not guessed at); an empty cell or NA is missing.");
        text.AppendLine("A column is numeric unless the verb reads it as groups or --factor names it: a cell that is not a number");
        text.AppendLine("is an error. With --json the result is one JSON object on standard output, numbers that round-trip a");
        text.AppendLine("double, null where a value is undefined (never NaN or Infinity); advice on the result is in \"warnings\".");
        text.AppendLine("Exit codes: 0 done, 1 bad usage, 2 bad input (file, row and column named), 3 statistically impossible.");
        text.AppendLine("Run 'analyze VERB --help' for the options of a verb.");
        return text.ToString();
    }

    private static string VerbHelp(AnalyzeVerb verb, IReadOnlyList<CommandOption> options)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {verb.Synopsis}");
        text.AppendLine();
        text.AppendLine(verb.Summary);
        text.AppendLine();
        foreach (var o in options)
        {
            var head = o.IsFlag ? $"--{o.Name}" : $"--{o.Name} {o.Value}";
            text.AppendLine($"  {head,-26}{o.Help}");
        }

        return text.ToString();
    }
}

/// <summary>One analysis of the <c>analyze</c> command.</summary>
internal abstract class AnalyzeVerb
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    /// <summary>The usage line, e.g. <c>analyze anova --csv F --value V --group G [--json]</c>.</summary>
    public abstract string Synopsis { get; }

    /// <summary>The verb's options (<c>--json</c> and <c>--help</c> are added by the command).</summary>
    public abstract IReadOnlyList<CommandOption> Options { get; }

    /// <summary>Reads the data and computes the report.</summary>
    /// <exception cref="CommandUsageException">The options do not make sense together.</exception>
    /// <exception cref="CsvDataException">The file, a column or a cell is not usable.</exception>
    /// <exception cref="StatisticsException">The data do not allow the statistic.</exception>
    public abstract IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken);

    protected static CommandOption Csv => new("csv", "FILE", "The CSV file (header row, comma-separated).", Required: true);
}

/// <summary>The result of an analysis, written as tables or as the members of one JSON object.</summary>
internal interface IAnalyzeReport
{
    void WriteJson(Utf8JsonWriter json);

    void WriteText(TextWriter text);
}
