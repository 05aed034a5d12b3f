using System.Globalization;
using System.Net;
using System.Text.Json;
using CoproSurvey.App.Components.Pages.Survey;
using CoproSurvey.App.Load;
using CoproSurvey.Core;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>loadtest --url U --respondents N --minutes M [--think SECONDS] [--audience A] [--log FILE] [--json]</c>:
/// simulated respondents complete questionnaires against a running instance on this machine (see <see cref="LoadGenerator"/>).
/// </summary>
internal sealed class LoadTestCommand : ICliCommand
{
    private const string Usage = """
        Usage: CoproSurvey.App loadtest --url U --respondents N --minutes M [--think SECONDS] [--audience A] [--log FILE] [--json] [--ceiling]

        N simulated respondents complete questionnaires against the instance at U over plain HTTP, each with its own
        cookie jar: get a page, post its form with the antiforgery token, follow the redirect, start again when done.
        Answers are drawn at random from the study's instruments (in the data folder, as for the platform). Reports
        completed questionnaires, acknowledged page posts per second, page post latency (p50, p95, p99) and errors.

          --url U            the instance, on this machine only (http://127.0.0.1:5003); a path /s/STUDY picks the
                             study (default: the first study of the data folder)
          --respondents N    respondents at once (1 to 10000)
          --minutes M        how long to run (more than 0, at most 60; decimals allowed); requests under way then finish
          --think SECONDS    mean pause before each post, drawn between half and one and a half times it (default 0)
          --audience A       citizen or professional (default: both, half each)
          --log FILE         write every acknowledged page post as one JSON line (token, page, items, next page)
          --json             print one JSON object: respondents, completed, pagePosts, postsPerSecond, p50Ms, p95Ms, p99Ms, errors
          --ceiling          post to /dev/write-ceiling instead (an instance in Development only): one row written per
                             request in one transaction, the ceiling page posts are compared with (docs/benchmarks.md)

        The instance's rate limit on starting questionnaires (30 a minute per client address) must be raised for the
        run, e.g. RateLimits__respondent-start__PermitLimit=1000000 in its environment.
        """;

    private static readonly CommandOption[] Options =
    [
        new("url", "U", "instance on loopback", Required: true),
        new("respondents", "N", "respondents at once", Required: true),
        new("minutes", "M", "duration", Required: true),
        new("think", "SECONDS", "mean think time"),
        new("audience", "A", "citizen or professional"),
        new("log", "FILE", "acknowledged page posts"),
        new("json", null, "one JSON object"),
        new("ceiling", null, "the write-ceiling endpoint"),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "loadtest";

    public string Summary => "Simulated respondents against a running instance on this machine";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var (parsed, exit) = await CommandArguments.ReadAsync(Name, args, Options, Usage, console);
        if (parsed is null)
        {
            return exit;
        }

        if (!Uri.TryCreate(parsed.Required("url"), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return await BadAsync(console, $"--url '{parsed.Required("url")}' is not an http address.");
        }

        if (!IsLoopback(url))
        {
            return await BadAsync(console, $"--url '{url.Host}' is not this machine: a load test runs against loopback only (127.0.0.1, [::1], localhost).");
        }

        if (!int.TryParse(parsed.Required("respondents"), NumberStyles.None, CultureInfo.InvariantCulture, out var respondents) || respondents is < 1 or > 10_000)
        {
            return await BadAsync(console, $"--respondents needs a whole number from 1 to 10000, not '{parsed.Required("respondents")}'.");
        }

        if (!double.TryParse(parsed.Required("minutes"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes) || minutes is <= 0 or > 60)
        {
            return await BadAsync(console, $"--minutes needs a number above 0 and at most 60, not '{parsed.Required("minutes")}'.");
        }

        var think = 0.0;
        if (parsed.Value("think") is { } thinkText
            && (!double.TryParse(thinkText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out think) || think > 600))
        {
            return await BadAsync(console, $"--think needs a number of seconds from 0 to 600, not '{thinkText}'.");
        }

        Audience? only = null;
        if (parsed.Value("audience") is { } audienceText)
        {
            if (!SurveyPaths.TryParseAudience(audienceText, out var audience))
            {
                return await BadAsync(console, $"--audience needs 'citizen' or 'professional', not '{audienceText}'.");
            }

            only = audience;
        }

        var logPath = parsed.Value("log") is { } logText ? Path.GetFullPath(logText) : null;
        if (logPath is not null && !Directory.Exists(Path.GetDirectoryName(logPath)))
        {
            return await BadAsync(console, $"--log: the folder {Path.GetDirectoryName(logPath)} does not exist.");
        }

        string dataDirectory;
        await using (var services = CliServices.Build())
        {
            dataDirectory = services.GetRequiredService<CoproSurveyOptions>().DataDirectory;
        }

        var studyKey = url.Segments is [_, "s/", var key, ..] ? Uri.UnescapeDataString(key.TrimEnd('/')) : null;
        var study = StudyLoader.LoadDirectory(dataDirectory).Where(s => s.IsValid)
            .FirstOrDefault(s => studyKey is null || s.Study!.Key == studyKey);
        if (study is null)
        {
            return await BadAsync(console, studyKey is null
                ? $"no valid study in {Path.Combine(dataDirectory, "studies")}."
                : $"--url names study '{studyKey}', which is not in {Path.Combine(dataDirectory, "studies")}.");
        }

        var instruments = study.Instruments.Where(i => only is null || i.Key == only).ToDictionary();
        if (instruments.Count == 0)
        {
            return await BadAsync(console, $"study '{study.Study!.Key}' has no instrument for {only?.ToString().ToLowerInvariant()}.");
        }

        var settings = new LoadSettings(
            new Uri(url.GetLeftPart(UriPartial.Authority)), study.Study!.Key, instruments,
            study.Study.Countries.Select(c => c.Code).ToList(), study.Study.PolicyFields.Select(f => f.Code).ToList(),
            respondents, TimeSpan.FromMinutes(minutes), TimeSpan.FromSeconds(think), Ceiling: parsed.Has("ceiling"));
        if (!await AnswersAsync(settings, cancellationToken))
        {
            return await BadAsync(console, $"nothing answers at {settings.BaseUrl} with the questionnaire of study '{settings.StudyKey}'.");
        }

        if (!parsed.Has("json"))
        {
            await console.Out.WriteLineAsync(
                $"Load test of {settings.BaseUrl} (study {settings.StudyKey}, {string.Join(" and ", instruments.Keys.Select(SurveyPaths.Segment))}): "
                + $"{respondents} respondents for {minutes.ToString(CultureInfo.InvariantCulture)} min, think time {think.ToString(CultureInfo.InvariantCulture)} s");
        }

        LoadReport report;
        await using (var log = logPath is null ? null : PagePostLog.Create(logPath))
        {
            report = await LoadGenerator.RunAsync(settings, log, cancellationToken);
        }

        if (parsed.Has("json"))
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(
                new
                {
                    report.Respondents,
                    report.Completed,
                    report.PagePosts,
                    PostsPerSecond = Math.Round(report.PostsPerSecond, 2),
                    P50Ms = Math.Round(report.P50Ms, 1),
                    P95Ms = Math.Round(report.P95Ms, 1),
                    P99Ms = Math.Round(report.P99Ms, 1),
                    report.Errors,
                },
                Json));
            return 0;
        }

        await console.Out.WriteLineAsync($"Completed questionnaires: {report.Completed:N0}");
        await console.Out.WriteLineAsync($"Page posts:               {report.PagePosts:N0} in {report.Seconds:0} s ({report.PostsPerSecond:0.0}/s)");
        await console.Out.WriteLineAsync($"Page post latency:        p50 {report.P50Ms:0} ms, p95 {report.P95Ms:0} ms, p99 {report.P99Ms:0} ms");
        await console.Out.WriteLineAsync($"Page view latency:        p50 {report.ViewP50Ms:0} ms, p95 {report.ViewP95Ms:0} ms");
        await console.Out.WriteLineAsync($"Errors:                   {report.Errors:N0}");
        foreach (var (kind, count) in report.ErrorsByKind)
        {
            await console.Out.WriteLineAsync($"  {count,8:N0}  {kind}");
        }

        if (report.Resumes > 0)
        {
            await console.Out.WriteLineAsync($"Resumed after an error:   {report.Resumes:N0}, {report.ResumeMismatches:N0} not where the last acknowledged post left off");
        }

        if (logPath is not null)
        {
            await console.Out.WriteLineAsync($"Acknowledged page posts written to {logPath}");
        }

        return 0;
    }

    /// <summary>Loopback addresses and <c>localhost</c> only: the generator must never be pointed at someone else's server.</summary>
    internal static bool IsLoopback(Uri url) =>
        url.IsLoopback && (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    private static async Task<bool> AnswersAsync(LoadSettings settings, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = settings.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            foreach (var audience in settings.Instruments.Keys)
            {
                using var response = await http.GetAsync(SurveyPaths.Entry(settings.StudyKey, audience), ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }
            }

            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<int> BadAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync($"loadtest: {message}");
        return 2;
    }
}
