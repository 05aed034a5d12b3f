using System.Globalization;
using System.Text;
using CoproSurvey.App.Cli;
using CoproSurvey.Tests.Core.Analysis.Tabular;
using static CoproSurvey.Tests.App.Cli.AnalyzeTestSupport;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>Exit codes and messages of analyze: 1 bad usage, 2 bad input, 3 statistically impossible.</summary>
public class AnalyzeCommandErrorTests
{
    [Fact]
    public async Task Analyze_ExitsWith2AndNamesTheFile_WhenFileIsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".csv");

        var run = await RunAsync("describe", "--csv", path, "--columns", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{path}: file not found.{Environment.NewLine}", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Analyze_ExitsWith2AndListsTheColumns_WhenColumnIsUnknown()
    {
        var run = await RunAsync("ttest", "--csv", Survey, "--value", "satisfactoin", "--group", "female");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{Survey}, column \"satisfactoin\": no column \"satisfactoin\"; the columns are: id, role, female, site, age, trust1, trust2, trust3, trust4, satisfaction, engaged.{Environment.NewLine}",
            run.Error);
    }

    [Fact]
    public async Task Analyze_ExitsWith2AndNamesRowLineAndColumn_WhenCellIsNotANumber()
    {
        var text = new StringBuilder("id,age,g\n");
        for (var i = 1; i <= 16; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{20 + i},{(i % 2 == 0 ? "a" : "b")}\n");
        }

        text.Append("17,abc,a\n");
        using var csv = new TempCsv(text.ToString(), "data.csv");

        var run = await RunAsync("anova", "--csv", csv.FilePath, "--value", "age", "--group", "g");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{csv.FilePath}: row 17 (line 18), column \"age\": \"abc\" is not a number.{Environment.NewLine}", run.Error);
    }

    [Fact]
    public async Task Ttest_ExitsWith2_WhenTheGroupColumnDoesNotHoldTwoGroups()
    {
        var run = await RunAsync("ttest", "--csv", Survey, "--value", "satisfaction", "--group", "role");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("column \"role\": a two-sample t test needs exactly 2 groups; found 3: citizen, professional, volunteer.", run.Error);
    }

    [Fact]
    public async Task Ols_ExitsWith2_WhenTheReferenceLevelIsAbsent()
    {
        var run = await RunAsync("ols", "--csv", Survey, "--y", "satisfaction", "--x", "role", "--factor", "role", "--ref", "role=mayor");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("column \"role\": no level \"mayor\"; the levels are: citizen, professional, volunteer.", run.Error);
    }

    [Theory]
    [InlineData("describe", "--columns", "age")]
    [InlineData("describe", "--csv")]
    [InlineData("describe", "--csv", "x.csv", "--columns", "a", "--bogus", "1")]
    [InlineData("ols", "--csv", "x.csv", "--y", "y", "--x", "a", "--se", "hc4")]
    [InlineData("ols", "--csv", "x.csv", "--y", "y", "--x", "a", "--factor", "b")]
    [InlineData("corr", "--csv", "x.csv", "--columns", "a,b", "--method", "kendall")]
    [InlineData("corr", "--csv", "x.csv", "--columns", "a")]
    [InlineData("anova", "--csv", "x.csv", "--value", "v", "--group", "g", "extra")]
    [InlineData("chisq", "--csv", "x.csv", "--row", "a", "--col", "a")]
    [InlineData("regress", "--csv", "x.csv")]
    public async Task Analyze_ExitsWith1AndShowsUsage_OnBadUsage(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Usage: ", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Analyze_ExitsWith1_WithoutAVerb()
    {
        var run = await RunAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Usage: analyze VERB", run.Error);
    }

    [Theory]
    [InlineData("describe")]
    [InlineData("ols")]
    [InlineData("logit")]
    [InlineData("alpha")]
    [InlineData("ttest")]
    [InlineData("anova")]
    [InlineData("chisq")]
    [InlineData("corr")]
    public async Task Analyze_ShowsHelpOfEachVerb(string verb)
    {
        var run = await RunAsync(verb, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Usage: analyze {verb} --csv F", run.Out);
        Assert.Contains("--json", run.Out);
    }

    [Fact]
    public async Task Analyze_ShowsTheVerbList_OnHelp()
    {
        var run = await RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "describe", "ols", "logit", "alpha", "ttest", "anova", "chisq", "corr" })
        {
            Assert.Matches($@"(?m)^  {verb}\s", run.Out);
        }
    }

    [Fact]
    public async Task CliApp_DispatchesAnalyze()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["analyze", "anova", "--csv", Survey, "--value", "satisfaction", "--group", "role", "--json"], new CliConsole(output, error));

        Assert.Equal(0, code);
        Assert.True(CliApp.IsCommandLine(["analyze"]));
        Assert.Contains("\"etaSquared\"", output.ToString());
    }

    [Fact]
    public async Task Anova_ExitsWith3_WhenEveryGroupIsConstant()
    {
        using var csv = new TempCsv("g,y\na,1\na,1\nb,2\nb,2\n");

        var run = await RunAsync("anova", "--csv", csv.FilePath, "--value", "y", "--group", "g");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("analyze anova: ", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Ols_ExitsWith3_WithNoMoreCasesThanCoefficients()
    {
        using var csv = new TempCsv("y,a,b\n1,2,3\n2,3,1\n,1,1\n");

        var run = await RunAsync("ols", "--csv", csv.FilePath, "--y", "y", "--x", "a,b", "--json");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("2 cases, 3 coefficients", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Ols_NamesTheResponseColumnAndTheFile_WhenTheResponseIsConstant()
    {
        using var csv = new TempCsv("score,age\n5,20\n5,31\n5,\n5,44\n5,52\n", "scores.csv");

        var run = await RunAsync("ols", "--csv", csv.FilePath, "--y", "score", "--x", "age");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(
            $"analyze ols: {csv.FilePath}: The response 'score' is constant (5) over the 4 complete cases.{Environment.NewLine}", run.Error);
    }

    [Fact]
    public async Task Logit_NamesFileDataRowLineAndColumn_WhenTheResponseIsNotZeroOrOne()
    {
        // Row 2 lacks its predictor, so the bad response is the second complete case but data row 3 of the file.
        using var csv = new TempCsv("passed,hours\n0,2\n1,\n4.514,3\n1,5\n0,1\n", "exam.csv");

        var run = await RunAsync("logit", "--csv", csv.FilePath, "--y", "passed", "--x", "hours");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{csv.FilePath}: row 3 (line 4), column \"passed\": logistic regression needs a response coded 0/1, not 4.514.{Environment.NewLine}",
            run.Error);
    }

    [Fact]
    public async Task Logit_NamesTheResponseColumnAndTheFile_WhenTheResponseIsConstant()
    {
        using var csv = new TempCsv("passed,hours\n1,2\n1,4\n1,3\n1,5\n", "exam.csv");

        var run = await RunAsync("logit", "--csv", csv.FilePath, "--y", "passed", "--x", "hours", "--json");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"analyze logit: {csv.FilePath}: The response 'passed' is 1 in all 4 complete cases.{Environment.NewLine}", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Ols_NamesTheDataRowOfTheSourceFile_WhenACaseHasLeverageOne()
    {
        // Data row 4 is the only one with d = 1, so it has leverage 1 and HC3 is undefined; row 2 is incomplete.
        using var csv = new TempCsv("score,x,d\n1,1,0\n2,,0\n3,2,0\n9,3,1\n5,4,0\n6,5,0\n", "scores.csv");

        var run = await RunAsync("ols", "--csv", csv.FilePath, "--y", "score", "--x", "x,d", "--se", "hc3");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"analyze ols: {csv.FilePath}: ", run.Error);
        Assert.Contains("(row 4 of the data)", run.Error);
    }

    [Fact]
    public async Task Analyze_SaysTheFileSeemsSeparatedBySemicolons_WhenTheHeaderIsOneColumnWithSemicolons()
    {
        using var csv = new TempCsv("a;b\n1,5;2,25\n3,5;4\n", "export.csv");

        var run = await RunAsync("describe", "--csv", csv.FilePath, "--columns", "a");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{csv.FilePath}, column \"a\": no column \"a\"; the header is the single column \"a;b\", so the file seems to be separated by ';' (semicolons). " +
            "Files are read comma-separated, with a decimal point in numbers (as R's write.csv writes them); " +
            $"save it comma-separated, e.g. in R: write.csv(read.csv2(\"in.csv\"), \"out.csv\", row.names = FALSE).{Environment.NewLine}",
            run.Error);
    }

    [Fact]
    public async Task Analyze_SaysTheFileSeemsSeparatedByTabs_WhenTheHeaderIsOneColumnWithTabs()
    {
        using var csv = new TempCsv("a\tb\n1.5\t2\n", "export.tsv");

        var run = await RunAsync("corr", "--csv", csv.FilePath, "--columns", "a,b");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the file seems to be separated by tabs.", run.Error);
        Assert.Contains("write.csv(read.delim(", run.Error);
    }

    [Fact]
    public async Task Analyze_ListsTheColumnsWithoutASeparatorHint_WhenTheHeaderHasSeveralColumns()
    {
        using var csv = new TempCsv("a;x,b\n1,2\n", "data.csv");

        var run = await RunAsync("describe", "--csv", csv.FilePath, "--columns", "c");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{csv.FilePath}, column \"c\": no column \"c\"; the columns are: a;x, b.{Environment.NewLine}", run.Error);
    }
}
