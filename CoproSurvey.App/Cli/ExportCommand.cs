using System.Diagnostics;
using System.Globalization;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>export --study KEY --out DIR ...</c>: a study's export bundle in a new folder. The bundle is written to a
/// temporary folder beside the target and moved into place once complete, so a failed export leaves nothing under
/// the target's name; the export is recorded in the study's audit log.
/// </summary>
internal sealed class ExportCommand : ICliCommand
{
    private const string Usage = """
        Usage: CoproSurvey.App export --study KEY --out DIR [--audience A] [--countries BE,NL] [--fields F1,F2]
                                      [--include-partial] [--text] [--from DATE] [--to DATE] [--database PATH] [--data DIR]

        Writes the study's export bundle to the new folder DIR: data.csv (one row per response, missing values as
        codes), long.csv, paradata.csv, codebook.csv and codebook.html, load scripts for R (load.R), Stata (load.do)
        and SPSS (load.sps), manifest.json, and text.csv with the open answers when --text is given.
        The format is described in docs/export.md.

          --study KEY         study key
          --out DIR           folder to create (refused if it exists and is not empty)
          --audience A        citizen or professional (default: both)
          --countries LIST    country codes, comma-separated (default: all)
          --fields LIST       policy field codes, comma-separated (default: all)
          --include-partial   also responses not completed (default: completed only)
          --text              also write text.csv with the open answers (they can identify people)
          --from DATE         from this date or time, inclusive (yyyy-MM-dd or ISO 8601; UTC unless an offset is given)
          --to DATE           up to this time, exclusive; a date alone includes that whole day
                              (dates are completion times, or start times of partial responses)
          --database PATH     SQLite file (default: the platform's database)
          --data DIR          folder with studies/ and instruments/ (default: the repository's data/)
        """;

    private static readonly CommandOption[] Options =
    [
        new("study", "KEY", "study key", Required: true),
        new("out", "DIR", "target folder", Required: true),
        new("audience", "A", "audience"),
        new("countries", "LIST", "country codes"),
        new("fields", "LIST", "policy field codes"),
        new("include-partial", null, "also partial responses"),
        new("text", null, "also open answers"),
        new("from", "DATE", "from date"),
        new("to", "DATE", "to date"),
        new("database", "PATH", "SQLite file"),
        new("data", "DIR", "folder with studies/ and instruments/"),
    ];

    public string Name => "export";

    public string Summary => "Write a study's data, codebook and load scripts for R, Stata and SPSS to a folder";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var (parsed, exit) = await CommandArguments.ReadAsync(Name, args, Options, Usage, console);
        if (parsed is null)
        {
            return exit;
        }

        IReadOnlyList<string> countries;
        IReadOnlyList<string> fields;
        try
        {
            countries = parsed.List("countries");
            fields = parsed.List("fields");
        }
        catch (CommandUsageException e)
        {
            return await BadInputAsync(console, e.Message);
        }

        Audience? audience = null;
        if (parsed.Value("audience") is { } audienceText)
        {
            var name = Enum.GetNames<Audience>().FirstOrDefault(n => n.Equals(audienceText, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                return await BadInputAsync(console, $"--audience: '{audienceText}' is not an audience (citizen or professional).");
            }

            audience = Enum.Parse<Audience>(name);
        }

        if (!TryDate(parsed.Value("from"), endOfDay: false, out var from))
        {
            return await BadInputAsync(console, $"--from: '{parsed.Value("from")}' is not a date (yyyy-MM-dd) or an ISO 8601 time.");
        }

        if (!TryDate(parsed.Value("to"), endOfDay: true, out var to))
        {
            return await BadInputAsync(console, $"--to: '{parsed.Value("to")}' is not a date (yyyy-MM-dd) or an ISO 8601 time.");
        }

        if (from is not null && to is not null && from >= to)
        {
            return await BadInputAsync(console, $"--from ({parsed.Value("from")}) is not before --to ({parsed.Value("to")}).");
        }

        var target = Path.GetFullPath(parsed.Required("out"));
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            return await BadInputAsync(console, $"--out: {target} already exists and is not an empty folder; it was left as it is.");
        }

        var parent = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(parent))
        {
            return await BadInputAsync(console, $"--out: the folder {parent} does not exist.");
        }

        await using var services = CliServices.Build(parsed.Value("database"), parsed.Value("data"));
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var studyKey = parsed.Required("study");
        var known = await KnownCodesAsync(services, studyKey, cancellationToken);
        if (known is null)
        {
            return await BadInputAsync(console, $"--study: there is no study '{studyKey}'.");
        }

        foreach (var (option, given, codes) in new[] { ("countries", countries, known.Value.Countries), ("fields", fields, known.Value.Fields) })
        {
            if (given.FirstOrDefault(c => !codes.Contains(c)) is { } unknown)
            {
                return await BadInputAsync(console, $"--{option}: '{unknown}' is not one of study '{studyKey}' ({string.Join(", ", codes)}).");
            }
        }

        var request = new ExportRequest(studyKey, new DatasetFilter(audience, countries, fields, parsed.Has("include-partial"), from, to), parsed.Has("text"));
        // Beside the target, so that the final move is a rename on the same file system.
        var temporary = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var clock = Stopwatch.StartNew();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<ExportBundleWriter>();
            var summary = await writer.WriteToDirectoryAsync(request, temporary, cancellationToken);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(temporary, target);
            await writer.RecordAsync(request, summary, Actor.CommandLine, cancellationToken);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Exported {summary.Responses} responses of study '{studyKey}' to {target} in {clock.Elapsed.TotalSeconds:F1} s"));
            foreach (var file in summary.Files)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file.Name,-14} {file.Bytes,14:N0} bytes  {file.Sha256}"));
            }

            return 0;
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"export: {e.Message}; nothing was written to {target}.");
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            await console.Error.WriteLineAsync($"export: {e.Message}; nothing was written to {target}.");
            return 2;
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private static async Task<int> BadInputAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync($"export: {message}");
        return 2;
    }

    private static async Task<(HashSet<string> Countries, HashSet<string> Fields)?> KnownCodesAsync(
        ServiceProvider services, string studyKey, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CoproSurveyDbContext>>().CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Key == studyKey, ct);
        return study is null
            ? null
            : (study.Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal), study.PolicyFields.Select(f => f.Code).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>A date alone is midnight UTC (for --to, the midnight after it, so that the day is included); a time without offset is UTC.</summary>
    private static bool TryDate(string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            value = endOfDay ? midnight.AddDays(1) : midnight;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && text.Contains('T', StringComparison.Ordinal))
        {
            value = time;
            return true;
        }

        return false;
    }
}
