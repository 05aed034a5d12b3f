namespace CoproSurvey.App.Cli;

/// <summary>An option of a verb: <c>--name VALUE</c>, or a flag when <see cref="Value"/> is null.</summary>
/// <param name="Name">The option without its dashes.</param>
/// <param name="Value">The placeholder of its value in the help (<c>F</c>, <c>a,b</c>), or null for a flag.</param>
/// <param name="Help">One line of help.</param>
/// <param name="Required">Whether the verb cannot run without it.</param>
/// <param name="Repeatable">Whether it may be given more than once.</param>
internal sealed record CommandOption(string Name, string? Value, string Help, bool Required = false, bool Repeatable = false)
{
    public bool IsFlag => Value is null;
}

/// <summary>Operands of a verb that come without an option name (<c>instruments validate FILE...</c>).</summary>
/// <param name="Name">Their placeholder in messages (<c>FILE</c>).</param>
/// <param name="Minimum">How many the verb needs at least.</param>
internal sealed record CommandOperands(string Name, int Minimum = 1);

/// <summary>Wrong use of the command line: the message is shown with the verb's usage, exit code 1.</summary>
internal sealed class CommandUsageException(string message) : Exception(message);

/// <summary>The options given to a verb, checked against the verb's option list.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
    private readonly List<string> operands = [];

    private CommandArguments()
    {
    }

    /// <summary>
    /// Parses <c>--name value</c>, <c>--name=value</c> and <c>--flag</c>, and, when the verb takes
    /// <paramref name="operands"/>, the arguments without a name; anything else, an unknown or repeated option, a
    /// missing required one or too few operands is a usage error.
    /// </summary>
    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyList<CommandOption> options, CommandOperands? operands = null)
    {
        var parsed = new CommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (operands is not null && !token.StartsWith('-'))
            {
                parsed.operands.Add(token);
                continue;
            }

            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new CommandUsageException($"Unexpected argument '{token}'.");
            }

            var name = token[2..];
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            var option = options.FirstOrDefault(o => o.Name == name)
                ?? throw new CommandUsageException($"Unknown option --{name}.");
            string value;
            if (option.IsFlag)
            {
                if (inline is not null)
                {
                    throw new CommandUsageException($"--{name} takes no value.");
                }

                value = "";
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new CommandUsageException($"--{name} needs a value ({option.Value}).");
            }

            if (!option.IsFlag && string.IsNullOrWhiteSpace(value))
            {
                throw new CommandUsageException($"--{name} needs a value ({option.Value}).");
            }

            if (!parsed.values.TryGetValue(name, out var list))
            {
                parsed.values[name] = list = [];
            }
            else if (!option.Repeatable)
            {
                throw new CommandUsageException($"--{name} is given twice.");
            }

            list.Add(value);
        }

        var missing = options.Where(o => o.Required && !parsed.values.ContainsKey(o.Name)).Select(o => "--" + o.Name).ToList();
        if (missing.Count > 0)
        {
            throw new CommandUsageException($"Missing {string.Join(", ", missing)}.");
        }

        if (operands is not null && parsed.operands.Count < operands.Minimum)
        {
            throw new CommandUsageException(operands.Minimum == 1 ? $"Give at least one {operands.Name}." : $"Give at least {operands.Minimum} {operands.Name}.");
        }

        return parsed;
    }

    /// <summary>Whether the arguments ask for help (<c>--help</c> or <c>-h</c> anywhere).</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");

    /// <summary>Like <see cref="Parse"/>, but returns null with the usage error instead of throwing.</summary>
    public static CommandArguments? TryParse(
        IReadOnlyList<string> args, IReadOnlyList<CommandOption> options, out string? error, CommandOperands? operands = null)
    {
        try
        {
            error = null;
            return Parse(args, options, operands);
        }
        catch (CommandUsageException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>
    /// The arguments of <paramref name="verb"/>, or null once the console has been answered: the usage for
    /// <c>--help</c> (exit code 0), or the usage error with the usage (exit code 1).
    /// </summary>
    public static async Task<(CommandArguments? Arguments, int ExitCode)> ReadAsync(
        string verb, IReadOnlyList<string> args, IReadOnlyList<CommandOption> options, string usage, CliConsole console, CommandOperands? operands = null)
    {
        if (AsksForHelp(args))
        {
            await console.Out.WriteLineAsync(usage);
            return (null, 0);
        }

        var parsed = TryParse(args, options, out var error, operands);
        if (parsed is null)
        {
            await console.Error.WriteLineAsync($"{verb}: {error}{Environment.NewLine}{usage}");
            return (null, 1);
        }

        return (parsed, 0);
    }

    /// <summary>The arguments without an option name, in order (only for a verb that takes operands).</summary>
    public IReadOnlyList<string> Operands => operands;

    /// <summary>Whether the flag or option was given.</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>The value of a single option, or null.</summary>
    public string? Value(string name) => values.TryGetValue(name, out var list) ? list[0] : null;

    /// <summary>The value of a required option.</summary>
    public string Required(string name) => Value(name) ?? throw new CommandUsageException($"Missing --{name}.");

    /// <summary>The values of two required options that must name different columns.</summary>
    public (string First, string Second) DistinctColumns(string first, string second)
    {
        var (a, b) = (Required(first), Required(second));
        return a == b ? throw new CommandUsageException($"--{first} and --{second} name the same column.") : (a, b);
    }

    /// <summary>Every value of a repeatable option, as given.</summary>
    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    /// <summary>Every value of the option, each split at commas (<c>--factor a,b --factor c</c> is a, b, c).</summary>
    public IReadOnlyList<string> List(string name)
    {
        if (!values.TryGetValue(name, out var list))
        {
            return [];
        }

        var items = list.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (items.Any(string.IsNullOrEmpty))
        {
            throw new CommandUsageException($"--{name} has an empty name in '{string.Join(",", list)}'.");
        }

        var repeated = items.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new CommandUsageException($"--{name} names '{repeated.Key}' twice.");
        }

        return items;
    }
}
