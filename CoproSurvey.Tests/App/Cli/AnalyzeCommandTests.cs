using System.Globalization;
using System.Text;
using System.Text.Json;
using CoproSurvey.Tests.Core.Analysis.Tabular;
using CoproSurvey.Tests.Core.Statistics;
using CoproSurvey.Tests.Support;
using static CoproSurvey.Tests.App.Cli.AnalyzeTestSupport;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>The analyze verbs against R 4.2 on TestData/R/cli/survey.csv (reference.json, made by make_reference.R).</summary>
public class AnalyzeCommandTests
{
    private const double Digits = 9;

    private static readonly string[] OlsX = ["--x", "age,role,trust1,trust1:female,site", "--factor", "role,site,female"];

    [Theory]
    [InlineData("classical", "classical")]
    [InlineData("hc0", "hc0")]
    [InlineData("hc1", "hc1")]
    [InlineData("hc2", "hc2")]
    [InlineData("hc3", "hc3")]
    [InlineData("cluster:site", "clusterSite")]
    public async Task Ols_MatchesR_ForEachStandardErrorType(string se, string referenceKey)
    {
        var run = await RunAsync(["ols", "--csv", Survey, "--y", "satisfaction", .. OlsX, "--se", se, "--json"]);

        var json = run.Json;
        var r = Reference.GetProperty("ols");
        Assert.Equal(77, json.GetProperty("n").GetInt32());
        Assert.Equal(64, json.GetProperty("dfResidual").GetInt32());
        Assert.Equal(3, json.GetProperty("droppedRows").GetInt32());
        Assert.Equal(se, json.GetProperty("seType").GetString());
        Assert.Empty(json.GetProperty("dropped").EnumerateArray());
        AssertNumbers(r, json, Digits, "ols", "rSquared", "adjustedRSquared", "sigma", "fStatistic", "fPValue");
        Assert.Equal("(Intercept)", json.GetProperty("coefficients")[0].GetProperty("term").GetString());
        AssertCoefficients(r.GetProperty(referenceKey), json);
    }

    [Fact]
    public async Task Ols_MatchesR_WithoutIntercept()
    {
        var run = await RunAsync("ols", "--csv", Survey, "--y", "satisfaction", "--x", "age,trust1", "--no-intercept", "--json");

        var json = run.Json;
        var r = Reference.GetProperty("ols").GetProperty("noIntercept");
        AssertNumbers(r, json, Digits, "no intercept", "rSquared");
        Assert.Equal(r.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        AssertCoefficients(r.GetProperty("coefficients"), json);
    }

    [Fact]
    public async Task Ols_UsesTheReferenceLevelGiven()
    {
        var run = await RunAsync("ols", "--csv", Survey, "--y", "satisfaction", "--x", "role", "--factor", "role", "--ref", "role=volunteer", "--json");

        var terms = run.Json.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()).ToList();
        Assert.Equal(["(Intercept)", "rolecitizen", "roleprofessional"], terms);
    }

    [Fact]
    public async Task Ols_ReportsAliasedColumnsAsDropped()
    {
        using var csv = new TempCsv("y,a,b\n1,1,2\n3,2,4\n2,3,6\n5,4,8\n4,5,10\n");

        var json = (await RunAsync("ols", "--csv", csv.FilePath, "--y", "y", "--x", "a,b", "--json")).Json;

        Assert.Equal(["b"], json.GetProperty("dropped").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, json.GetProperty("coefficients").GetArrayLength());
    }

    [Fact]
    public async Task Ols_Text_ShowsCoefficientTableAndFitLines()
    {
        var run = await RunAsync(["ols", "--csv", Survey, "--y", "satisfaction", .. OlsX, "--se", "hc3"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Linear regression (OLS): satisfaction ~ age + role + trust1 + trust1:female + site", run.Out);
        Assert.Contains("n = 77, rows dropped for missing values: 3", run.Out);
        Assert.Matches(@"roleprofessional\s+4\.270323\s+1\.360199\s+3\.139\s+0\.0026\s+\*\*", run.Out);
        Assert.Contains("Residual standard error: 4.382657 on 64 degrees of freedom", run.Out);
        Assert.Contains("Multiple R-squared: 0.7255643,  Adjusted R-squared: 0.6741076", run.Out);
        Assert.Contains("F-statistic: 14.10048 on 12 and 64 DF,  p-value: 9.96e-14", run.Out);
    }

    [Fact]
    public async Task Logit_MatchesR()
    {
        var json = (await RunAsync("logit", "--csv", Survey, "--y", "engaged", "--x", "age,role,satisfaction", "--factor", "role", "--json")).Json;

        var r = Reference.GetProperty("logit");
        Assert.Equal(77, json.GetProperty("n").GetInt32());
        Assert.Equal(72, json.GetProperty("dfResidual").GetInt32());
        Assert.Equal(3, json.GetProperty("droppedRows").GetInt32());
        AssertNumbers(r, json, Digits, "logit", "logLikelihood", "aic", "mcFaddenR2");
        AssertCoefficients(r.GetProperty("coefficients"), json);
    }

    [Fact]
    public async Task Logit_Text_ShowsCoefficientsAndFitLines()
    {
        var run = await RunAsync("logit", "--csv", Survey, "--y", "engaged", "--x", "age,role,satisfaction", "--factor", "role");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"rolevolunteer\s+1\.036577\s+0\.9280746\s+1\.117\s+0\.2640", run.Out);
        Assert.Contains("Log-likelihood: -32.65379,  AIC: 75.30757,  McFadden R-squared: 0.06597142", run.Out);
        Assert.Contains("n = 77, rows dropped for missing values: 3", run.Out);
    }

    [Fact]
    public async Task Describe_MatchesR_ByGroup()
    {
        var json = (await RunAsync("describe", "--csv", Survey, "--columns", "age,satisfaction", "--by", "role", "--json")).Json;

        var variables = json.GetProperty("variables");
        var expected = Reference.GetProperty("describe").GetProperty("byRole");
        Assert.Equal(expected.GetArrayLength(), variables.GetArrayLength());
        for (var i = 0; i < expected.GetArrayLength(); i++)
        {
            var e = expected[i];
            var a = variables[i];
            var what = $"{e.GetProperty("name").GetString()} / {e.GetProperty("group").GetString()}";
            Assert.Equal(e.GetProperty("name").GetString(), a.GetProperty("name").GetString());
            Assert.Equal(e.GetProperty("group").GetString(), a.GetProperty("group").GetString());
            Assert.Equal(e.GetProperty("n").GetInt32(), a.GetProperty("n").GetInt32());
            Assert.Equal(e.GetProperty("missing").GetInt32(), a.GetProperty("missing").GetInt32());
            AssertNumbers(e, a, Digits, what, "mean", "sd", "se", "min", "q1", "median", "q3", "max");
            Precision.AssertDigits(e.GetProperty("skewness2").GetDouble(), a.GetProperty("skewness").GetDouble(), Digits, what + " skewness G1");
            Precision.AssertDigits(e.GetProperty("kurtosis2").GetDouble(), a.GetProperty("kurtosis").GetDouble(), Digits, what + " kurtosis G2");
        }
    }

    [Fact]
    public async Task Describe_MatchesR_WithoutGroups_AndTextShowsEachVariable()
    {
        var json = (await RunAsync("describe", "--csv", Survey, "--columns", "age,satisfaction", "--json")).Json;
        var text = await RunAsync("describe", "--csv", Survey, "--columns", "age,satisfaction");

        foreach (var e in Reference.GetProperty("describe").GetProperty("all").EnumerateArray())
        {
            var a = Find(json.GetProperty("variables"), "name", e.GetProperty("name").GetString()!);
            Assert.Equal(JsonValueKind.Null, a.GetProperty("group").ValueKind);
            Assert.Equal(e.GetProperty("missing").GetInt32(), a.GetProperty("missing").GetInt32());
            AssertNumbers(e, a, Digits, "describe", "mean", "sd", "se", "q1", "median", "q3");
        }

        Assert.Matches(@"(?m)^age\s+78\s+2\s+", text.Out);
        Assert.Matches(@"(?m)^satisfaction\s+79\s+1\s+", text.Out);
    }

    [Fact]
    public async Task Describe_WritesNullNotNaN_ForStatisticsOfASingleValue()
    {
        using var csv = new TempCsv("x,g\n1.5,a\n2.5,b\n3.5,b\n");

        var run = await RunAsync("describe", "--csv", csv.FilePath, "--columns", "x", "--by", "g", "--json");

        var a = Find(run.Json.GetProperty("variables"), "group", "a");
        Assert.Equal(1, a.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("sd").ValueKind);
        Assert.Equal(JsonValueKind.Null, a.GetProperty("skewness").ValueKind);
        Assert.DoesNotContain("NaN", run.Out);
    }

    [Fact]
    public async Task Describe_KeepsNineDigits_OnNumAcc4LikeData()
    {
        // NIST NumAcc4: 10000000.2, then 10000000.1 and 10000000.3 alternating (1001 values); certified mean 10000000.2, SD 0.1.
        var text = new StringBuilder("x\n10000000.2\n");
        for (var i = 0; i < 500; i++)
        {
            text.Append("10000000.1\n10000000.3\n");
        }

        using var csv = new TempCsv(text.ToString());

        var v = (await RunAsync("describe", "--csv", csv.FilePath, "--columns", "x", "--json")).Json.GetProperty("variables")[0];

        Assert.Equal(1001, v.GetProperty("n").GetInt32());
        Precision.AssertDigits(10000000.2, v.GetProperty("mean").GetDouble(), 9, "NumAcc4 mean");
        Precision.AssertDigits(0.1, v.GetProperty("sd").GetDouble(), 9, "NumAcc4 SD");
    }

    [Fact]
    public async Task Alpha_MatchesR()
    {
        var json = (await RunAsync("alpha", "--csv", Survey, "--items", "trust1,trust2,trust3,trust4", "--json")).Json;

        var r = Reference.GetProperty("alpha");
        Assert.Equal(80, json.GetProperty("n").GetInt32());
        AssertNumbers(r, json, Digits, "alpha", "alpha", "standardizedAlpha");
        Precision.AssertDigits(r.GetProperty("omegaMl").GetDouble(), json.GetProperty("omega").GetDouble(), 6, "omega (one-factor ML, iterative)");
        foreach (var e in r.GetProperty("items").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString()!;
            AssertNumbers(e, Find(json.GetProperty("items"), "name", name), Digits, name, "correctedItemTotal", "alphaIfDeleted");
        }
    }

    [Theory]
    [InlineData(false, "welch")]
    [InlineData(true, "pooled")]
    public async Task TTest_MatchesR(bool equalVariances, string referenceKey)
    {
        string[] args = ["ttest", "--csv", Survey, "--value", "satisfaction", "--group", "female", "--json"];

        var json = (await RunAsync(equalVariances ? [.. args, "--equal-var"] : args)).Json;

        AssertNumbers(Reference.GetProperty("ttest").GetProperty(referenceKey), json, Digits, referenceKey, "t", "df", "pValue", "meanDifference", "ciLower", "ciUpper");
    }

    [Fact]
    public async Task Anova_MatchesR_AndTextShowsTheTable()
    {
        var json = (await RunAsync("anova", "--csv", Survey, "--value", "satisfaction", "--group", "role", "--json")).Json;
        var text = await RunAsync("anova", "--csv", Survey, "--value", "satisfaction", "--group", "role");

        var r = Reference.GetProperty("anova");
        Assert.Equal(2, json.GetProperty("dfBetween").GetInt32());
        Assert.Equal(76, json.GetProperty("dfWithin").GetInt32());
        AssertNumbers(r, json, Digits, "anova", "ssBetween", "ssWithin", "msBetween", "msWithin", "f", "pValue", "etaSquared");
        Assert.Matches(@"role\s+2\s+1004\.113\s+502\.0567\s+10\.94259\s+6\.66e-05\s+\*\*\*", text.Out);
    }

    [Fact]
    public async Task Anova_KeepsNineDigits_OnSmLs09LikeData()
    {
        // NIST SmLs09 is SmLs03 plus 1000000000000 (13 constant leading digits) with SmLs03's certified values.
        var nist = NistData.Anova("SmLs03t").Shifted(1000000000000m, "SmLs09t");
        var text = new StringBuilder("g,y\n");
        for (var i = 0; i < nist.Data.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{nist.Treatments[i]},{nist.Data[i]}\n");
        }

        using var csv = new TempCsv(text.ToString());

        var json = (await RunAsync("anova", "--csv", csv.FilePath, "--value", "y", "--group", "g", "--json")).Json;

        Assert.Equal(nist.DfBetween, json.GetProperty("dfBetween").GetInt32());
        Assert.Equal(nist.DfWithin, json.GetProperty("dfWithin").GetInt32());
        Precision.AssertDigits(nist.SsBetween, json.GetProperty("ssBetween").GetDouble(), 9, "SmLs09 SS between");
        Precision.AssertDigits(nist.MsBetween, json.GetProperty("msBetween").GetDouble(), 9, "SmLs09 MS between");
        Precision.AssertDigits(nist.SsWithin, json.GetProperty("ssWithin").GetDouble(), 9, "SmLs09 SS within");
        Precision.AssertDigits(nist.MsWithin, json.GetProperty("msWithin").GetDouble(), 9, "SmLs09 MS within");
        Precision.AssertDigits(nist.F, json.GetProperty("f").GetDouble(), 9, "SmLs09 F");
        Precision.AssertDigits(nist.RSquared, json.GetProperty("etaSquared").GetDouble(), 9, "SmLs09 R squared");
    }

    [Fact]
    public async Task ChiSquare_MatchesR_AndTextShowsTheCounts()
    {
        var json = (await RunAsync("chisq", "--csv", Survey, "--row", "role", "--col", "female", "--json")).Json;
        var text = await RunAsync("chisq", "--csv", Survey, "--row", "role", "--col", "female");

        var r = Reference.GetProperty("chisq");
        Assert.Equal(2, json.GetProperty("df").GetInt32());
        AssertNumbers(r, json, Digits, "chisq", "chiSquare", "pValue", "cramersV");
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
        Assert.Matches(@"(?m)^citizen\s+13\s+18$", text.Out);
        Assert.Contains("X-squared = 1.435112, df = 2, p-value = 0.4879", text.Out);
    }

    [Theory]
    [InlineData("pearson")]
    [InlineData("spearman")]
    public async Task Correlation_MatchesR_WithPairwiseN(string method)
    {
        var json = (await RunAsync("corr", "--csv", Survey, "--columns", "age,satisfaction,trust1,trust2", "--method", method, "--json")).Json;

        var r = Reference.GetProperty("corr").GetProperty(method);
        Assert.Equal(method, json.GetProperty("method").GetString());
        Assert.Equal(["age", "satisfaction", "trust1", "trust2"], json.GetProperty("columns").EnumerateArray().Select(e => e.GetString()));
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                Assert.Equal(r.GetProperty("n")[i][j].GetInt32(), json.GetProperty("n")[i][j].GetInt32());
                Precision.AssertDigits(r.GetProperty("r")[i][j].GetDouble(), json.GetProperty("r")[i][j].GetDouble(), Digits, $"r[{i},{j}]");
                if (i != j)
                {
                    Precision.AssertDigits(r.GetProperty("p")[i][j].GetDouble(), json.GetProperty("p")[i][j].GetDouble(), Digits, $"p[{i},{j}]");
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, json.GetProperty("p")[i][j].ValueKind);
                }
            }
        }
    }

    /// <summary>Every coefficient of R's table, found by term, with all its numbers to <see cref="Digits"/> digits.</summary>
    private static void AssertCoefficients(JsonElement expected, JsonElement json)
    {
        var coefficients = json.GetProperty("coefficients");
        Assert.Equal(expected.GetArrayLength(), coefficients.GetArrayLength());
        foreach (var e in expected.EnumerateArray())
        {
            var term = e.GetProperty("term").GetString()!;
            AssertNumbers(e, Find(coefficients, "term", term), Digits, term, "estimate", "stdError", "statistic", "pValue", "ciLower", "ciUpper");
        }
    }
}
