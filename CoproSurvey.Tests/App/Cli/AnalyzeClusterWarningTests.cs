using System.Globalization;
using System.Text;
using CoproSurvey.Tests.Core.Analysis.Tabular;
using static CoproSurvey.Tests.App.Cli.AnalyzeTestSupport;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>Cluster-robust standard errors on fewer than 30 clusters come with a warning naming the count.</summary>
public sealed class AnalyzeClusterWarningTests : IDisposable
{
    private readonly TempCsv csv;

    public AnalyzeClusterWarningTests()
    {
        var text = new StringBuilder("y,x,few,many\n");
        for (var i = 0; i < 120; i++)
        {
            var x = (i * 7) % 13;
            var y = (2 * x) + ((i * 11) % 5) - 2 + (0.25 * (i % 3));
            text.Append(CultureInfo.InvariantCulture, $"{y},{x},s{i % 5},{i % 30}\n");
        }

        csv = new TempCsv(text.ToString(), "clusters.csv");
    }

    public void Dispose() => csv.Dispose();

    [Fact]
    public async Task Ols_WarnsNamingTheCount_WhenThereAreFewerThan30Clusters()
    {
        var json = (await RunAsync("ols", "--csv", csv.FilePath, "--y", "y", "--x", "x", "--se", "cluster:few", "--json")).Json;
        var text = await RunAsync("ols", "--csv", csv.FilePath, "--y", "y", "--x", "x", "--se", "cluster:few");

        Assert.Equal(5, json.GetProperty("clusters").GetInt32());
        var warning = Assert.Single(json.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith("Only 5 clusters: with fewer than about 30,", warning);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Standard errors: cluster:few (5 clusters)", text.Out);
        Assert.Contains($"Warning: {warning}", text.Out);
    }

    [Fact]
    public async Task Ols_DoesNotWarn_With30Clusters()
    {
        var json = (await RunAsync("ols", "--csv", csv.FilePath, "--y", "y", "--x", "x", "--se", "cluster:many", "--json")).Json;
        var text = await RunAsync("ols", "--csv", csv.FilePath, "--y", "y", "--x", "x", "--se", "cluster:many");

        Assert.Equal(30, json.GetProperty("clusters").GetInt32());
        Assert.Empty(json.GetProperty("warnings").EnumerateArray());
        Assert.DoesNotContain("Warning", text.Out);
    }

    [Theory]
    [InlineData("classical")]
    [InlineData("hc3")]
    public async Task Ols_HasAnEmptyWarningList_WithoutClusters(string se)
    {
        var json = (await RunAsync("ols", "--csv", csv.FilePath, "--y", "y", "--x", "x", "--se", se, "--json")).Json;

        Assert.Empty(json.GetProperty("warnings").EnumerateArray());
        Assert.False(json.TryGetProperty("clusters", out _));
    }
}
