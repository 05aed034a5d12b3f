namespace CoproSurvey.App.Cli;

/// <summary>A verb of the command line (<c>CoproSurvey.App VERB ...</c>).</summary>
internal interface ICliCommand
{
    /// <summary>The verb, e.g. <c>migrate</c>.</summary>
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>Runs the verb with the arguments after it; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken);
}

/// <summary>Where a command writes: standard output for results, standard error for messages.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System => new(Console.Out, Console.Error);
}
