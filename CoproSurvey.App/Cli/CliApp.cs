namespace CoproSurvey.App.Cli;

/// <summary>
/// Dispatches the command-line verbs of the executable. Without a known verb the web platform starts instead.
/// Exit codes: 0 success, 1 usage error, 2 bad input (file, row, column named), 3 a statistical impossibility.
/// </summary>
internal static class CliApp
{
    private static IReadOnlyList<ICliCommand> Commands =>
    [
        new MigrateCommand(),
        new SeedDemoCommand(),
        new InstrumentsCommand(),
        new AnalyzeCommand(),
        new ResearcherCommand(),
    ];

    /// <summary>True when <paramref name="args"/> starts with a verb (or asks for the verb list).</summary>
    public static bool IsCommandLine(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "help" || Commands.Any(c => c.Name == args[0]));

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var command = args.Length > 0 ? Commands.FirstOrDefault(c => c.Name == args[0]) : null;
        if (command is null)
        {
            await WriteVerbListAsync(console.Out);
            return args.Length > 0 && args[0] is "--help" or "-h" or "help" ? 0 : 1;
        }

        return await command.RunAsync(args.Skip(1).ToArray(), console, cancellationToken);
    }

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
