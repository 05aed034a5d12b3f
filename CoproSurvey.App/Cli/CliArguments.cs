namespace CoproSurvey.App.Cli;

/// <summary>Options of a verb in the form <c>--name value</c> and flags <c>--name</c>; anything else is a positional argument.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);
    private readonly List<string> positional = [];

    private CliArguments()
    {
    }

    /// <summary>Positional arguments in order.</summary>
    public IReadOnlyList<string> Positional => positional;

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> take no value. Returns an error message instead on bad usage.</summary>
    public static (CliArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                result.positional.Add(arg);
            }
            else if (flags.Contains(arg))
            {
                result.options[arg] = null;
            }
            else if (valued.Contains(arg))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return (null, $"Option {arg} needs a value.");
                }

                result.options[arg] = args[++i];
            }
            else
            {
                return (null, $"Unknown option {arg}.");
            }
        }

        return (result, null);
    }

    public bool Has(string name) => options.ContainsKey(name);

    public string? Value(string name) => options.GetValueOrDefault(name);
}
