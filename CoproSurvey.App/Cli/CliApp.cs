namespace CoproSurvey.App.Cli;

/// <summary>
/// Dispatches the command-line verbs of the executable. Without a verb the web platform starts instead.
/// Exit codes: 0 success, 1 usage error, 2 bad input (file, row, column named), 3 a statistical impossibility.
/// </summary>
internal static class CliApp
{
    private static IReadOnlyList<ICliCommand> Commands =>
    [
        new MigrateCommand(),
        new BackupCommand(),
        new LoadTestCommand(),
        new SeedDemoCommand(),
        new ExportCommand(),
        new ImportCommand(),
        new InstrumentsCommand(),
        new AnalyzeCommand(),
        new ResearcherCommand(),
    ];

    /// <summary>
    /// True when <paramref name="args"/> starts with a verb, known or not, or asks for the verb list. What the web host
    /// reads from its command line is not a verb: options (<c>--urls URL</c>, <c>--environment NAME</c>, <c>/key value</c>)
    /// and settings (<c>key=value</c>). Anything else in first place is taken as a verb, so that a mistyped one fails
    /// with the verb list instead of quietly starting the server.
    /// </summary>
    public static bool IsCommandLine(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" || IsVerbLike(args[0]));

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            var output = args.Length == 0 ? console.Error : console.Out;
            await WriteVerbListAsync(output);
            return args.Length == 0 ? 1 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await console.Error.WriteLineAsync($"unknown verb '{args[0]}'.{DidYouMean(args[0], Commands.Select(c => c.Name))}");
            await console.Error.WriteLineAsync();
            await WriteVerbListAsync(console.Error);
            return 1;
        }

        return await command.RunAsync(args.Skip(1).ToArray(), console, cancellationToken);
    }

    /// <summary>
    /// " Did you mean 'x'?" for the one candidate closest to <paramref name="given"/> when it is a likely typo (at most
    /// two edits, and fewer than half the letters), or an empty string.
    /// </summary>
    public static string DidYouMean(string given, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: EditDistance(given, c)))
            .Where(c => c.Distance <= 2 && c.Distance * 2 < c.Name.Length)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is null ? "" : $" Did you mean '{best.Name}'?";
    }

    /// <summary>Levenshtein distance: the fewest insertions, deletions and substitutions that turn one text into the other.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool IsVerbLike(string first) =>
        first.Length > 0 && first[0] is not ('-' or '/') && !first.Contains('=', StringComparison.Ordinal);

    private static async Task WriteVerbListAsync(TextWriter output)
    {
        await output.WriteLineAsync("Usage: CoproSurvey.App [VERB [ARGS...]]   (no verb starts the web platform)");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Verbs:");
        foreach (var c in Commands)
        {
            await output.WriteLineAsync($"  {c.Name,-14}{c.Summary}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Run 'CoproSurvey.App VERB --help' for the options of a verb.");
    }
}
