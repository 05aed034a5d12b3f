using CoproSurvey.App.Accounts;
using CoproSurvey.App.Hosting;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>researcher add|link|disable|enable|list</c>: researcher accounts from the command line. Adding prints a one-time
/// setup link (absolute, valid 24 hours) where the researcher chooses a password; there is no default password.
/// </summary>
internal sealed class ResearcherCommand : ICliCommand
{
    private const string Usage = """
        Usage: CoproSurvey.App researcher add --email E --role admin|researcher [--study KEY --study-role owner|analyst|viewer]
               CoproSurvey.App researcher link --email E
               CoproSurvey.App researcher disable --email E
               CoproSurvey.App researcher enable --email E
               CoproSurvey.App researcher list
          (each also takes [--database PATH])

        add      creates the account and prints a one-time link (valid 24 hours) where the researcher sets a password;
                 --role admin makes a platform administrator (manages researchers and studies);
                 --study gives the researcher a role in a study (default role: viewer)
        link     prints a new one-time setup link for an existing researcher (forgotten password, expired link)
        disable  stops the researcher from signing in and ends their sessions; enable undoes it
        list     lists the researchers

        Links start with CoproSurvey:PublicUrl (configuration or CoproSurvey__PublicUrl), else the address the
        platform listens on (urls / ASPNETCORE_URLS: http://localhost:5003 under dotnet run), else http://localhost:5000.
        """;

    public string Name => "researcher";

    public string Summary => "Add researchers (prints a one-time setup link), disable, enable, list";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || CommandArguments.AsksForHelp(args))
        {
            await (args.Count == 0 ? console.Error : console.Out).WriteLineAsync(Usage);
            return args.Count == 0 ? 1 : 0;
        }

        var action = args[0];
        CommandOption[] options = action switch
        {
            "add" =>
            [
                new("email", "E", "e-mail address", Required: true), new("role", "admin|researcher", "platform role", Required: true),
                new("study", "KEY", "study key"), new("study-role", "ROLE", "role in the study"), new("database", "PATH", "SQLite file"),
            ],
            "link" or "disable" or "enable" => [new("email", "E", "e-mail address", Required: true), new("database", "PATH", "SQLite file")],
            "list" => [new("database", "PATH", "SQLite file")],
            _ => [],
        };
        if (options.Length == 0)
        {
            await console.Error.WriteLineAsync($"researcher: unknown action '{action}'.{Environment.NewLine}{Usage}");
            return 1;
        }

        var (parsed, exit) = await CommandArguments.ReadAsync($"researcher {action}", args.Skip(1).ToList(), options, Usage, console);
        if (parsed is null)
        {
            return exit;
        }

        StudyRole? studyRole = null;
        if (action == "add" && CheckAdd(parsed, out studyRole) is { } addError)
        {
            await console.Error.WriteLineAsync($"researcher add: {addError}{Environment.NewLine}{Usage}");
            return 1;
        }

        await using var services = CliServices.Build(parsed.Value("database"));
        try
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        }
        catch (InstrumentValidationException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var accounts = services.GetRequiredService<ResearcherAccounts>();
        var links = new SetupLinks(new PublicUrls(services.GetRequiredService<IConfiguration>()));
        return action switch
        {
            "add" => await AddAsync(parsed, studyRole, accounts, services.GetRequiredService<StudyAccess>(), links, console, cancellationToken),
            "link" => await WithResearcherAsync(parsed, accounts, console, async id =>
            {
                var token = await accounts.IssueSetupLinkAsync(id, Actor.CommandLine, cancellationToken);
                await console.Out.WriteLineAsync($"One-time setup link for {Email(parsed)} (valid until {token!.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC):");
                await console.Out.WriteLineAsync(links.For(token));
            }, cancellationToken),
            "disable" or "enable" => await WithResearcherAsync(parsed, accounts, console, async id =>
            {
                await accounts.SetDisabledAsync(id, action == "disable", Actor.CommandLine, cancellationToken);
                await console.Out.WriteLineAsync(action == "disable" ? $"{Email(parsed)} is disabled and signed out." : $"{Email(parsed)} can sign in again.");
            }, cancellationToken),
            _ => await ListAsync(accounts, console, cancellationToken),
        };
    }

    /// <summary>Checks the options of <c>add</c> that the parser cannot; returns the problem, or null.</summary>
    private static string? CheckAdd(CommandArguments parsed, out StudyRole? studyRole)
    {
        studyRole = null;
        var role = parsed.Required("role");
        if (role is not ("admin" or "researcher"))
        {
            return $"--role is 'admin' or 'researcher', not '{role}'.";
        }

        if (parsed.Value("study-role") is { } named)
        {
            if (!Enum.TryParse<StudyRole>(named, ignoreCase: true, out var parsedRole) || !Enum.IsDefined(parsedRole) || named.Any(char.IsDigit))
            {
                return $"--study-role is owner, analyst or viewer, not '{named}'.";
            }

            studyRole = parsedRole;
            if (parsed.Value("study") is null)
            {
                return "--study-role needs --study KEY.";
            }
        }

        return null;
    }

    private static async Task<int> AddAsync(
        CommandArguments parsed, StudyRole? studyRole, ResearcherAccounts accounts, StudyAccess access, SetupLinks links, CliConsole console, CancellationToken ct)
    {
        var role = parsed.Required("role");
        var result = await accounts.AddAsync(parsed.Required("email"), role == "admin", Actor.CommandLine, ct);
        if (result.Link is null)
        {
            await console.Error.WriteLineAsync($"researcher add: {result.Error}");
            return 2;
        }

        var email = Email(parsed);
        if (parsed.Value("study") is { } studyKey)
        {
            var grant = await CommandLineGrantAsync(access, studyKey, ct);
            var membership = grant is null
                ? new MembershipResult($"There is no study '{studyKey}'.")
                : await access.SetMemberAsync(grant, email, studyRole ?? StudyRole.Viewer, Actor.CommandLine, ct);
            if (!membership.Success)
            {
                await console.Error.WriteLineAsync($"researcher add: the account was created, but: {membership.Error}");
            }
            else
            {
                await console.Out.WriteLineAsync($"{email} is {StudyAccess.Name(studyRole ?? StudyRole.Viewer)} of study '{studyKey}'.");
            }
        }

        await console.Out.WriteLineAsync($"Added {email} ({role}). One-time setup link (valid until {result.Link.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC):");
        await console.Out.WriteLineAsync(links.For(result.Link));
        return 0;
    }

    /// <summary>The command line acts with an owner's rights in any study (whoever runs it can read the database anyway).</summary>
    private static async Task<StudyGrant?> CommandLineGrantAsync(StudyAccess access, string studyKey, CancellationToken ct) =>
        await access.StudyByKeyAsync(studyKey, ct) is { } study ? new StudyGrant(study.Id, study.Key, study.Title, StudyRole.Owner, ViaAdmin: true) : null;

    private static async Task<int> WithResearcherAsync(
        CommandArguments parsed, ResearcherAccounts accounts, CliConsole console, Func<string, Task> act, CancellationToken ct)
    {
        var id = await accounts.FindIdByEmailAsync(parsed.Required("email"), ct);
        if (id is null)
        {
            await console.Error.WriteLineAsync($"researcher: no researcher has the e-mail address {Email(parsed)}.");
            return 2;
        }

        await act(id);
        return 0;
    }

    private static async Task<int> ListAsync(ResearcherAccounts accounts, CliConsole console, CancellationToken ct)
    {
        var researchers = await accounts.ListAsync(ct);
        if (researchers.Count == 0)
        {
            await console.Out.WriteLineAsync("No researchers yet. Add one with: researcher add --email E --role admin");
            return 0;
        }

        foreach (var r in researchers)
        {
            var status = r.IsDisabled ? "disabled" : r.HasPassword ? "active" : "no password yet";
            await console.Out.WriteLineAsync($"{r.Email,-40} {(r.IsAdmin ? "admin" : "researcher"),-11} {status,-16} {r.StudyCount} studies");
        }

        return 0;
    }

    private static string Email(CommandArguments parsed) => ResearcherEmails.Normalize(parsed.Required("email")) ?? parsed.Required("email");
}
