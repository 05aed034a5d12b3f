using System.Collections.Concurrent;
using System.Diagnostics;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.App.Load;

/// <summary>What a load run does: where, which study and instruments, how many respondents, how long, how fast.</summary>
/// <param name="BaseUrl">The running instance (loopback only, checked by the verb).</param>
/// <param name="Instruments">The instrument per audience, from the study; answers are drawn from them.</param>
/// <param name="Countries">Country codes of the study, one put in each invitation link.</param>
/// <param name="PolicyFields">Policy field codes of the study, one put in each invitation link.</param>
/// <param name="Respondents">Simulated respondents at once; each starts a new questionnaire after finishing one.</param>
/// <param name="Duration">After this no request is started; requests under way finish.</param>
/// <param name="Think">Mean pause before each post (uniform between half and one and a half times it).</param>
/// <param name="Seed">Seed of the answers and pauses, for a reproducible run.</param>
/// <param name="Ceiling">Post to the Development-only write-ceiling endpoint instead of answering questionnaires.</param>
public sealed record LoadSettings(
    Uri BaseUrl,
    string StudyKey,
    IReadOnlyDictionary<Audience, Instrument> Instruments,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> PolicyFields,
    int Respondents,
    TimeSpan Duration,
    TimeSpan Think,
    int Seed = 1,
    bool Ceiling = false);

/// <summary>
/// The outcome of a load run. Latencies are those of page posts (the POST until its redirect arrives), in
/// milliseconds by nearest rank; <see cref="PostsPerSecond"/> counts acknowledged page posts over the run's time.
/// </summary>
/// <param name="Errors">Failed requests of every kind: no connection, timeouts, HTTP errors, posts refused with a re-shown page, pages not as expected.</param>
/// <param name="Resumes">Times a respondent came back after an error and asked the platform where to continue.</param>
/// <param name="ResumeMismatches">Of those, the times the platform did not send it to the page after its last acknowledged post (or one further, when a post was under way at the error).</param>
public sealed record LoadReport(
    int Respondents,
    int Completed,
    int PagePosts,
    double PostsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    int Errors,
    double Seconds,
    double ViewP50Ms,
    double ViewP95Ms,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    int Resumes,
    int ResumeMismatches);

/// <summary>
/// Simulated respondents completing questionnaires over plain HTTP, as a browser without JavaScript does: each with
/// its own client and cookie jar, getting a page, posting its form with the antiforgery token, following the redirect.
/// </summary>
public static class LoadGenerator
{
    /// <summary>How long requests still under way at the end of the run may take before they are abandoned.</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    /// <summary>Runs the respondents until <see cref="LoadSettings.Duration"/> has passed (or <paramref name="ct"/> is cancelled).</summary>
    public static async Task<LoadReport> RunAsync(LoadSettings settings, PagePostLog? log, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Respondents, 1);
        var stats = new LoadStats();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stopping.CancelAfter(settings.Duration);
        hard.CancelAfter(settings.Duration + Drain);
        var clock = Stopwatch.StartNew();
        var respondents = Enumerable.Range(0, settings.Respondents)
            .Select(i => new SimulatedRespondent(i, settings, stats, log, new Random(HashCode.Combine(settings.Seed, i))))
            .ToList();
        await Task.WhenAll(respondents.Select(r => Task.Run(() => r.RunAsync(stopping.Token, hard.Token), CancellationToken.None)));
        clock.Stop();
        return stats.Report(settings.Respondents, Math.Min(clock.Elapsed.TotalSeconds, settings.Duration.TotalSeconds));
    }
}

/// <summary>Counters shared by the respondents of a run.</summary>
internal sealed class LoadStats
{
    private readonly List<double> posts = [];
    private readonly List<double> views = [];
    private readonly ConcurrentDictionary<string, int> errors = new(StringComparer.Ordinal);
    private int completed;
    private int resumes;
    private int resumeMismatches;

    public void Posted(TimeSpan elapsed)
    {
        lock (posts)
        {
            posts.Add(elapsed.TotalMilliseconds);
        }
    }

    public void Viewed(TimeSpan elapsed)
    {
        lock (views)
        {
            views.Add(elapsed.TotalMilliseconds);
        }
    }

    public void Completed() => Interlocked.Increment(ref completed);

    public void Error(string kind) => errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void Resumed(bool asExpected)
    {
        Interlocked.Increment(ref resumes);
        if (!asExpected)
        {
            Interlocked.Increment(ref resumeMismatches);
        }
    }

    public LoadReport Report(int respondents, double seconds)
    {
        double[] postTimes, viewTimes;
        lock (posts)
        {
            postTimes = [.. posts.Order()];
        }

        lock (views)
        {
            viewTimes = [.. views.Order()];
        }

        return new LoadReport(
            respondents, completed, postTimes.Length, seconds > 0 ? postTimes.Length / seconds : 0,
            Percentile(postTimes, 50), Percentile(postTimes, 95), Percentile(postTimes, 99),
            errors.Values.Sum(), seconds, Percentile(viewTimes, 50), Percentile(viewTimes, 95),
            new SortedDictionary<string, int>(errors, StringComparer.Ordinal), resumes, resumeMismatches);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> percent of the values at or below it; 0 for none.</summary>
    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
