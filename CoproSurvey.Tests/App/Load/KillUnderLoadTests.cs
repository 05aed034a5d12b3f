using System.Net;
using CoproSurvey.App.Load;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Browser;
using CoproSurvey.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Load;

/// <summary>
/// The platform killed with SIGKILL while simulated respondents post pages, then started again on the same file:
/// nothing acknowledged is lost, respondents continue where they were, and the file is sound.
/// </summary>
[Trait("Category", "Slow")]
public sealed class KillUnderLoadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string folder = Directory.CreateTempSubdirectory("coprosurvey-kill-").FullName;

    private string DatabasePath => Path.Combine(folder, "kill.db");

    private string LogPath => Path.Combine(folder, "posts.jsonl");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task KillNine_UnderLoad_LosesNoAcknowledgedPagePost_AndRespondentsResumeWhereTheyWere()
    {
        var baseUrl = AppProcess.FreeLocalUrl();
        var settings = LoadTestSupport.Settings(baseUrl, respondents: 16, TimeSpan.FromMinutes(5));
        var output = new List<string>();
        using var stop = new CancellationTokenSource();
        LoadReport report;
        int acknowledgedAtKill;
        var app = await LoadTestSupport.StartAppAsync(baseUrl, DatabasePath);
        try
        {
            await using var log = PagePostLog.Create(LogPath);
            var run = LoadGenerator.RunAsync(settings, log, stop.Token);

            await WaitForPostsAsync(30, run);
            await app.KillAsync();
            acknowledgedAtKill = LineCount();
            output.Add(app.Output);
            await app.DisposeAsync();

            // Respondents meet a closed port for a while, then the platform is back on the same address and file.
            await Task.Delay(TimeSpan.FromSeconds(2));
            app = await LoadTestSupport.StartAppAsync(baseUrl, DatabasePath);
            await WaitForPostsAsync(acknowledgedAtKill + 30, run);
            await stop.CancelAsync();
            report = await run;
        }
        finally
        {
            output.Add(app.Output);
            await app.DisposeAsync();
        }

        var posts = PagePostLog.Read(LogPath);
        Assert.True(acknowledgedAtKill >= 30 && posts.Count >= acknowledgedAtKill + 30, $"{acknowledgedAtKill} posts before the kill, {posts.Count} in all");
        Assert.True(report.Resumes > 0, "no respondent had to resume after the kill");
        Assert.Equal(0, report.ResumeMismatches);
        Assert.All(report.ErrorsByKind.Keys, kind => Assert.True(
            kind.StartsWith("no connection", StringComparison.Ordinal) || kind is "connection lost" or "timeout or abandoned at the end",
            $"an error other than the server being away: {kind}"));
        Assert.DoesNotContain("database is locked", string.Concat(output), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["ok"], await LoadTestSupport.IntegrityCheckAsync(DatabasePath));
        await LoadTestSupport.AssertStoredAsync(DatabasePath, settings, posts);
        await AssertResumeWhereLeftAsync(baseUrl, posts);
    }

    /// <summary>
    /// After the run, each response opens at the page its last acknowledged post led to, or one further when a
    /// post was under way as the run stopped (stored, its answer never read).
    /// </summary>
    private async Task AssertResumeWhereLeftAsync(string baseUrl, IReadOnlyList<AcknowledgedPagePost> posts)
    {
        await using var app = await LoadTestSupport.StartAppAsync(baseUrl, DatabasePath);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        foreach (var last in posts.GroupBy(p => p.Token).Select(g => g.Last()))
        {
            using var response = await http.GetAsync($"/r/{last.Token}");
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            var location = response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;
            if (location != last.Next)
            {
                var (was, at) = (PageOf(last.Next), PageOf(location));
                Assert.True(
                    was is not null && (location.EndsWith("/done", StringComparison.Ordinal) || at == was + 1),
                    $"response {last.Token} resumes at {location}, its last acknowledged post led to {last.Next}");
            }
        }
    }

    private static int? PageOf(string path) => int.TryParse(path[(path.LastIndexOf('/') + 1)..], out var page) ? page : null;

    private int LineCount()
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }

    private async Task WaitForPostsAsync(int count, Task<LoadReport> run)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (LineCount() < count)
        {
            Assert.False(run.IsCompleted, $"the load run ended with {LineCount()} posts acknowledged, before {count}");
            Assert.True(DateTime.UtcNow < deadline, $"only {LineCount()} of {count} page posts acknowledged in {Patience.TotalMinutes} minutes");
            await Task.Delay(200);
        }
    }
}
