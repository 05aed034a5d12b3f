using System.Text;
using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Analysis.Sources;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;
using Microsoft.Data.Sqlite;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>analyze VERB (--csv F | --study KEY) ...</c>: the analyses of <c>Core/Analysis</c> on the columns of a CSV file or
/// the variables of a study's dataset, as readable tables or, with <c>--json</c>, as one JSON object on standard output. This verb only turns options into a request
/// and renders the report. Exit codes: 0 done; 1 bad usage (the usage is shown); 2 bad input (missing file, unknown
/// column, a cell that is not a number: one line on standard error naming file, row and column); 3 a statistical
/// impossibility (singular design, too few cases, a constant variable).
/// </summary>
internal sealed class AnalyzeCommand : ICliCommand
{
    private static readonly CommandOption JsonOption = new("json", null, "Write one JSON object instead of tables.");

    /// <summary>Where the data come from: a CSV file, or a study of the platform's database with the export's filters.</summary>
    private static readonly IReadOnlyList<CommandOption> SourceOptions =
    [
        new("csv", "FILE", "The CSV file (header row, comma-separated)."),
        new("study", "KEY", "A study of the platform's database instead of a file (its dataset's variables)."),
        new("audience", "citizen|professional", "With --study: one audience (default both)."),
        new("countries", "BE,EE", "With --study: these countries only."),
        new("fields", "health,...", "With --study: these policy fields only."),
        new("include-partial", null, "With --study: also responses not completed."),
        new("database", "PATH", "With --study: the SQLite file (default: the platform's database, as for dotnet run)."),
    ];

    public string Name => "analyze";

    public string Summary => "Statistics on a CSV file or a study: describe, ols, logit, alpha, ttest, anova, chisq, corr";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            var output = args.Count == 0 ? console.Error : console.Out;
            await output.WriteAsync(Help());
            return args.Count == 0 ? 1 : 0;
        }

        var verb = AnalyzeVerbs.All.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            await console.Error.WriteLineAsync($"analyze: unknown analysis '{args[0]}'.{CliApp.DidYouMean(args[0], AnalyzeVerbs.All.Select(v => v.Name))}");
            await console.Error.WriteAsync(Help());
            return 1;
        }

        var title = $"{Name} {verb.Name}";
        var options = SourceOptions.Concat(verb.Options).Append(JsonOption).ToList();
        var usage = VerbHelp(verb, options);
        var (arguments, exit) = await CommandArguments.ReadAsync(title, args.Skip(1).ToList(), options, usage, console);
        if (arguments is null)
        {
            return exit;
        }

        ServiceProvider? services = null;
        IAnalysisSource source;
        try
        {
            (source, services) = Source(arguments);
        }
        catch (CommandUsageException e)
        {
            await console.Error.WriteLineAsync($"{title}: {e.Message}{Environment.NewLine}{usage}");
            return 1;
        }

        await using (services)
        {
            try
            {
                var report = await verb.RunAsync(arguments, source, cancellationToken);
                await console.Out.WriteAsync(arguments.Has("json") ? AnalysisJson.Render(report) : AnalysisText.Render(report));
                return 0;
            }
            catch (CommandUsageException e)
            {
                await console.Error.WriteLineAsync($"{title}: {e.Message}{Environment.NewLine}{usage}");
                return 1;
            }
            catch (AnalysisInputException e)
            {
                await console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            catch (StatisticsException e)
            {
                await console.Error.WriteLineAsync($"{title}: {source.Name}: {e.Message}");
                return 3;
            }
            catch (ArgumentException e)
            {
                // The statistics library refuses data it cannot take (e.g. a model it cannot build from these columns).
                await console.Error.WriteLineAsync($"{title}: {source.Name}: {e.Message}");
                return 2;
            }
            catch (SqliteException e)
            {
                await console.Error.WriteLineAsync($"{title}: {source.Name}: the database cannot be read ({e.Message}); run migrate first?");
                return 2;
            }
        }
    }

    /// <summary>The source the options name: exactly one of a file and a study, the study's filters only with a study.</summary>
    private static (IAnalysisSource Source, ServiceProvider? Services) Source(CommandArguments arguments)
    {
        var (csv, study) = (arguments.Value("csv"), arguments.Value("study"));
        if ((csv is null) == (study is null))
        {
            throw new CommandUsageException("Give either --csv FILE or --study KEY.");
        }

        if (csv is not null)
        {
            var studyOnly = SourceOptions.Skip(2).FirstOrDefault(o => arguments.Has(o.Name));
            return studyOnly is null
                ? (new CsvFileSource(csv), null)
                : throw new CommandUsageException($"--{studyOnly.Name} filters a study; it does not apply to --csv.");
        }

        Audience? audience = arguments.Value("audience") switch
        {
            null => null,
            "citizen" => Audience.Citizen,
            "professional" => Audience.Professional,
            var other => throw new CommandUsageException($"--audience must be citizen or professional, not '{other}'."),
        };
        var filter = new DatasetFilter(audience, NullIfEmpty(arguments.List("countries")), NullIfEmpty(arguments.List("fields")), arguments.Has("include-partial"));
        var services = CliServices.Build(arguments.Value("database"));
        var dataset = services.CreateScope().ServiceProvider.GetRequiredService<StudyDataset>();
        return (new StudyDatasetSource(dataset, study!, filter), services);
    }

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : values;

    private static string Help()
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: analyze VERB (--csv FILE | --study KEY [--audience A] [--countries C,D] [--fields F,G] [--include-partial] [--database PATH]) [OPTIONS] [--json]");
        text.AppendLine();
        text.AppendLine("Verbs:");
        foreach (var v in AnalyzeVerbs.All)
        {
            text.AppendLine($"  {v.Name,-10}{v.Summary}");
        }

        text.AppendLine();
        text.AppendLine("The file has a header row, comma-separated fields (RFC 4180 quotes) and numbers with a decimal point");
        text.AppendLine("(a file separated by ';' or tabs is named as such, not guessed at); an empty cell or NA is missing.");
        text.AppendLine("A column is numeric unless the verb reads it as groups or --factor names it: a cell that is not a number");
        text.AppendLine("is an error. With --json the result is one JSON object on standard output, numbers that round-trip a");
        text.AppendLine("double, null where a value is undefined (never NaN or Infinity); advice on the result is in \"warnings\".");
        text.AppendLine("With --study the variables are those of the study's dataset (items, option columns, scale scores, metadata);");
        text.AppendLine("country, policy_field, audience, service_unit and single-choice items are categorical, the rest numeric.");
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
        var heads = options.Select(o => o.IsFlag ? $"--{o.Name}" : $"--{o.Name} {o.Value}").ToList();
        var width = heads.Max(h => h.Length) + 2;
        foreach (var (head, option) in heads.Zip(options))
        {
            text.AppendLine($"  {head.PadRight(width)}{option.Help}");
        }

        return text.ToString().TrimEnd();
    }
}
