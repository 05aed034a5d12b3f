using System.Text.Json;
using CoproSurvey.App.Cli;
using CoproSurvey.App.Load;
using CoproSurvey.Tests.Browser;
using Microsoft.Data.Sqlite;

namespace CoproSurvey.Tests.App.Load;

/// <summary>The <c>loadtest</c> verb: its checks, its JSON object and its log against a real app process.</summary>
public sealed class LoadTestCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("coprosurvey-load-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("http://example.org")]
    [InlineData("http://10.0.0.5:5003")]
    [InlineData("http://localhost.example.org:5003")]
    [InlineData("http://[2001:db8::1]:5003")]
    public async Task LoadTest_ExitsTwo_AndSendsNothing_ForAnAddressOffThisMachine(string url)
    {
        var log = Path.Combine(folder, "posts.jsonl");

        var exit = await RunAsync("loadtest", "--url", url, "--respondents", "5", "--minutes", "1", "--log", log);

        Assert.Equal(2, exit);
        Assert.Contains("loopback only", error.ToString());
        Assert.False(File.Exists(log));
    }

    [Theory]
    [InlineData("--respondents", "0", "--respondents")]
    [InlineData("--minutes", "0", "--minutes")]
    [InlineData("--think", "-1", "--think")]
    [InlineData("--audience", "researcher", "--audience")]
    public async Task LoadTest_ExitsTwo_NamingTheOption_ForABadValue(string option, string value, string named)
    {
        var args = new Dictionary<string, string> { ["--url"] = "http://127.0.0.1:1", ["--respondents"] = "5", ["--minutes"] = "1", [option] = value };

        var exit = await RunAsync(["loadtest", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, exit);
        Assert.Contains(named, error.ToString());
    }

    [Fact]
    public async Task LoadTest_ExitsTwo_WhenNothingAnswersAtTheAddress()
    {
        var exit = await RunAsync("loadtest", "--url", AppProcess.FreeLocalUrl(), "--respondents", "1", "--minutes", "1");

        Assert.Equal(2, exit);
        Assert.Contains("nothing answers", error.ToString());
    }

    [Fact]
    public async Task LoadTest_NamesTheRateLimitToRaise_OnHelp()
    {
        var exit = await RunAsync("loadtest", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--respondents N", output.ToString());
        Assert.Contains("RateLimits__respondent-start__PermitLimit", output.ToString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task LoadTest_PrintsOneJsonObject_AndLogsEveryAcknowledgedPost_AgainstARunningApp()
    {
        var baseUrl = AppProcess.FreeLocalUrl();
        var database = Path.Combine(folder, "load.db");
        var log = Path.Combine(folder, "posts.jsonl");
        await using (var app = await LoadTestSupport.StartAppAsync(baseUrl, database))
        {
            var exit = await RunAsync("loadtest", "--url", baseUrl, "--respondents", "4", "--minutes", "0.75", "--log", log, "--json");
            Assert.True(exit == 0, error.ToString());
        }

        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(
            ["respondents", "completed", "pagePosts", "postsPerSecond", "p50Ms", "p95Ms", "p99Ms", "errors"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, root.GetProperty("respondents").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.True(root.GetProperty("completed").GetInt32() >= 1, output.ToString());
        var posts = PagePostLog.Read(log);
        Assert.Equal(root.GetProperty("pagePosts").GetInt32(), posts.Count);
        Assert.True(root.GetProperty("p50Ms").GetDouble() <= root.GetProperty("p95Ms").GetDouble());
        Assert.True(root.GetProperty("p95Ms").GetDouble() <= root.GetProperty("p99Ms").GetDouble());
        Assert.Equal(["ok"], await LoadTestSupport.IntegrityCheckAsync(database));
        await LoadTestSupport.AssertStoredAsync(database, LoadTestSupport.Settings(baseUrl, 4, TimeSpan.Zero), posts);
    }

    private Task<int> RunAsync(params string[] args) => CliApp.RunAsync(args, new CliConsole(output, error), CancellationToken.None);
}
