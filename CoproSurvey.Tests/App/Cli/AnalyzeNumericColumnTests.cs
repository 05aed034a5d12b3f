using System.Globalization;
using System.Text;
using CoproSurvey.Tests.Core.Analysis.Tabular;
using static CoproSurvey.Tests.App.Cli.AnalyzeTestSupport;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>
/// A column named as numeric must hold numbers in every verb: one mistyped cell is exit 2 naming file, row, line,
/// column and text, never a factor with a level per row. Only --factor makes a regression column categorical.
/// </summary>
public sealed class AnalyzeNumericColumnTests : IDisposable
{
    private const int TypoRow = 57;

    private readonly List<TempCsv> files = [];

    public void Dispose()
    {
        foreach (var file in files)
        {
            file.Dispose();
        }
    }

    /// <summary>100 rows of y, x, z, g (a/b), e (0/1); the cell of <paramref name="column"/> in <see cref="TypoRow"/> is "4..5".</summary>
    private string FileWithTypoIn(string? column)
    {
        var text = new StringBuilder("id,y,x,z,g,e\n");
        for (var i = 1; i <= 100; i++)
        {
            var cells = new Dictionary<string, string>
            {
                ["y"] = (((i * 37) % 23) + (0.5 * (i % 7))).ToString(CultureInfo.InvariantCulture),
                ["x"] = (i % 7).ToString(CultureInfo.InvariantCulture),
                ["z"] = ((i * 3) % 11).ToString(CultureInfo.InvariantCulture),
                ["g"] = i % 2 == 0 ? "a" : "b",
                ["e"] = ((i * 5) % 3 == 0 ? 1 : 0).ToString(CultureInfo.InvariantCulture),
            };
            if (i == TypoRow && column is not null)
            {
                cells[column] = "4..5";
            }

            text.Append(CultureInfo.InvariantCulture, $"{i},{cells["y"]},{cells["x"]},{cells["z"]},{cells["g"]},{cells["e"]}\n");
        }

        var csv = new TempCsv(text.ToString(), "survey.csv");
        files.Add(csv);
        return csv.FilePath;
    }

    [Theory]
    [InlineData("z", "describe", "--columns", "x,z")]
    [InlineData("y", "describe", "--columns", "y", "--by", "g")]
    [InlineData("y", "ols", "--y", "y", "--x", "x,z")]
    [InlineData("y", "ols", "--y", "y", "--x", "x,g", "--factor", "g", "--se", "cluster:g")]
    [InlineData("x", "logit", "--y", "e", "--x", "x,z")]
    [InlineData("e", "logit", "--y", "e", "--x", "x,z")]
    [InlineData("y", "alpha", "--items", "x,z,y")]
    [InlineData("y", "ttest", "--value", "y", "--group", "g")]
    [InlineData("y", "anova", "--value", "y", "--group", "g")]
    [InlineData("x", "corr", "--columns", "y,x,z")]
    [InlineData("z", "corr", "--columns", "y,x,z", "--method", "spearman")]
    public async Task Analyze_ExitsWith2NamingFileRowColumnAndText_WhenANumericColumnHoldsText(string column, params string[] args)
    {
        var path = FileWithTypoIn(column);

        var run = await RunAsync([args[0], "--csv", path, .. args[1..], "--json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{path}: row {TypoRow} (line {TypoRow + 1}), column \"{column}\": \"4..5\" is not a number.", run.Error);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("ols")]
    [InlineData("logit")]
    public async Task Regression_SuggestsFactor_WhenAPredictorHoldsText(string verb)
    {
        var path = FileWithTypoIn("z");

        var run = await RunAsync(verb, "--csv", path, "--y", verb == "ols" ? "y" : "e", "--x", "x,z");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{path}: row {TypoRow} (line {TypoRow + 1}), column \"z\": \"4..5\" is not a number. If \"z\" is categorical, add --factor z.{Environment.NewLine}",
            run.Error);
    }

    [Fact]
    public async Task Ols_ExitsWith2_WhenATextColumnIsAPredictorWithoutFactor()
    {
        var path = FileWithTypoIn(null);

        var run = await RunAsync("ols", "--csv", path, "--y", "y", "--x", "x,g");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{path}: row 1 (line 2), column \"g\": \"b\" is not a number. If \"g\" is categorical, add --factor g.", run.Error);
    }

    [Fact]
    public async Task Ols_ReadsATextColumnAsLevels_WhenFactorNamesIt()
    {
        var path = FileWithTypoIn(null);

        var json = (await RunAsync("ols", "--csv", path, "--y", "y", "--x", "x,g", "--factor", "g", "--json")).Json;

        Assert.Equal(100, json.GetProperty("n").GetInt32());
        Assert.Equal(["(Intercept)", "x", "gb"], json.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()));
    }

    [Fact]
    public async Task Ols_ReadsANumericCodedClusterAsIdentifiers()
    {
        var path = FileWithTypoIn(null);

        var json = (await RunAsync("ols", "--csv", path, "--y", "y", "--x", "z", "--se", "cluster:x", "--json")).Json;

        Assert.Equal(7, json.GetProperty("clusters").GetInt32());
    }
}
