using CoproSurvey.App.Cli;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>Which command lines are verbs and which start the web platform; what an unknown verb answers.</summary>
public class CliAppTests
{
    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5099")]
    [InlineData("--urls=http://127.0.0.1:5099")]
    [InlineData("--environment", "Development")]
    [InlineData("--environment", "Production", "--urls", "http://127.0.0.1:5099")]
    [InlineData("urls=http://127.0.0.1:5099")]
    [InlineData("/urls", "http://127.0.0.1:5099")]
    public void IsCommandLine_IsFalse_ForWhatTheWebHostReads(params string[] args)
    {
        Assert.False(CliApp.IsCommandLine(args));
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("seed-demo", "--responses", "10")]
    [InlineData("seed-dmo")]
    [InlineData("bogus")]
    [InlineData("analyse", "ols")]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public void IsCommandLine_IsTrue_ForAnyVerbKnownOrNot(params string[] args)
    {
        Assert.True(CliApp.IsCommandLine(args));
    }

    [Theory]
    [InlineData("seed-dmo", "seed-demo")]
    [InlineData("analyse", "analyze")]
    [InlineData("migrat", "migrate")]
    [InlineData("Instruments", "instruments")]
    public async Task RunAsync_ExitsWith1AndSuggestsTheClosestVerb_WhenTheVerbIsMistyped(string typed, string meant)
    {
        var run = await RunAsync(typed, "--csv", "x.csv");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"unknown verb '{typed}'. Did you mean '{meant}'?", run.Error);
        Assert.Matches(@"(?m)^  seed-demo\s", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task RunAsync_ExitsWith1AndListsTheVerbsWithoutASuggestion_WhenNoVerbIsClose()
    {
        var run = await RunAsync("bogus");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"unknown verb 'bogus'.{Environment.NewLine}", run.Error);
        Assert.DoesNotContain("Did you mean", run.Error);
        foreach (var verb in new[] { "migrate", "backup", "seed-demo", "export", "instruments", "analyze", "researcher" })
        {
            Assert.Matches($@"(?m)^  {verb}\s", run.Error);
        }
    }

    [Fact]
    public async Task RunAsync_ListsTheVerbsOnStandardOutput_OnHelp()
    {
        var run = await RunAsync("help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Verbs:", run.Out);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("seed-demo", "seed-demo", 0)]
    [InlineData("seed-dmo", "seed-demo", 1)]
    [InlineData("analyse", "analyze", 1)]
    [InlineData("ANALYZE", "analyze", 0)]
    [InlineData("bogus", "migrate", 6)]
    [InlineData("", "abc", 3)]
    public void EditDistance_CountsInsertionsDeletionsAndSubstitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, CliApp.EditDistance(a, b));
        Assert.Equal(expected, CliApp.EditDistance(b, a));
    }

    [Fact]
    public async Task Analyze_SuggestsTheClosestAnalysis_WhenTheAnalysisIsMistyped()
    {
        var run = await AnalyzeTestSupport.RunAsync("decribe", "--csv", "x.csv");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("analyze: unknown analysis 'decribe'. Did you mean 'describe'?", run.Error);
    }
}
