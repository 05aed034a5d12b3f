using System.Globalization;
using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Analysis.Sources;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>
/// The measurement and model views give the numbers the <c>analyze</c> verbs give on the exported data.csv of the same
/// filter (<see cref="DemoExportFixture"/>): the file is prepared as a researcher would (missing codes missing,
/// reverse-keyed items recoded from the codebook, one file per group) and read by <see cref="CsvFileSource"/>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DashboardsMatchAnalyzeTests(DemoExportFixture demo) : IClassFixture<DemoExportFixture>
{
    private static readonly string[] Columns = ["c_col", "c_eff_int", "c_eff_ext", "c_area", "country", "service_unit"];

    [Theory]
    [InlineData("c_eff_int")]
    [InlineData("c_col")]
    [InlineData("mirror_will")]
    [InlineData("p_ben")]
    public async Task Measurement_EqualsAnalyzeAlpha_OnTheExportOfTheSameFilter_ForEveryReportedGroup(string scale)
    {
        // Arrange
        var queries = new MeasurementQueries(demo.Database.ContextFactory, demo.Cache(), demo.Options);
        var items = demo.ScaleItems(scale);

        // Act
        var result = (await queries.MeasureAsync("coproduction", scale, DemoExportFixture.Filter, CancellationToken.None))!;

        // Assert
        var groups = result.Groups.Where(g => g.Scale == scale).ToList();
        Assert.Equal(scale.StartsWith("mirror", StringComparison.Ordinal) ? 8 : 4, groups.Count);
        Assert.All(groups, g => Assert.False(g.Suppressed));
        foreach (var group in groups)
        {
            var report = await AnalyzeAlphaAsync($"{scale}-{group.Audience}-{group.Country}", items, demo.Rows(group.Audience, group.Country));
            var what = $"{scale} {group.Audience} {group.Country ?? "all"}";
            Assert.Equal(report.N, group.N);
            Precision.AssertDigits(report.Alpha, group.Alpha!.Value, 13, $"alpha {what}");
            Precision.AssertDigits(report.Omega!.Value, group.Omega!.Value, 13, $"omega {what}");
        }

        foreach (var itemGroup in result.ItemGroups)
        {
            var report = await AnalyzeAlphaAsync($"{scale}-{itemGroup.Audience}-items", items, demo.Rows(itemGroup.Audience, null));
            Assert.Equal(report.N, itemGroup.N);
            Assert.Equal(items.Select(i => i.Item), itemGroup.Items.Select(i => i.Item));
            Assert.Equal(items.Select(i => i.Reversed), itemGroup.Items.Select(i => i.Reversed));
            foreach (var (expected, actual) in report.Items.Zip(itemGroup.Items))
            {
                Precision.AssertDigits(expected.Mean, actual.Mean!.Value, 13, $"mean {actual.Item}");
                Precision.AssertDigits(expected.Sd, actual.StandardDeviation!.Value, 13, $"sd {actual.Item}");
                Precision.AssertDigits(expected.CorrectedItemTotal, actual.CorrectedItemTotal!.Value, 13, $"r {actual.Item}");
                Precision.AssertDigits(expected.AlphaIfDeleted!.Value, actual.AlphaIfDeleted!.Value, 13, $"alpha if deleted {actual.Item}");
            }
        }

        Assert.Contains(items, i => i.Reversed);
    }

    [Fact]
    public async Task Model_EqualsAnalyzeOls_OnTheExportOfTheSameFilter_WithFactorsAndClusteredErrors()
    {
        // Arrange: citizens of the fixture's countries; area (city, town, rural) and country as factors, errors clustered by service unit.
        var filter = DemoExportFixture.Filter with { Audiences = [Audience.Citizen] };
        var choice = new ModelChoice("c_col", ["c_eff_int", "c_eff_ext", "c_area", "country"], ModelStandardErrors.ClusterServiceUnit);
        var queries = new ModelQueries(demo.Database.ContextFactory, demo.Dataset, demo.Cache(), demo.Options);

        // Act
        var result = (await queries.FitAsync("coproduction", choice, filter, CancellationToken.None))!;
        var path = demo.WriteCsv("ols.csv", Columns, demo.Rows(Audience.Citizen, null).Select(r => (IReadOnlyList<string>)[.. Columns.Select(c => r[c])]));
        var expected = await RegressionAnalysis.OlsAsync(
            new CsvFileSource(path),
            new RegressionRequest(ModelSpecification.Parse("c_col ~ c_eff_int + c_eff_ext + c_area + country"), ["c_area", "country"]),
            CovarianceType.Cluster,
            "service_unit",
            CancellationToken.None);

        // Assert
        Assert.Null(result.Problem);
        var ols = result.Ols!;
        Assert.Equal((expected.N, expected.DroppedRows, expected.Clusters, expected.SeType), (ols.N, ols.DroppedRows, ols.Clusters, ols.SeType));
        Assert.Contains("countryDE", ols.Coefficients.Select(c => c.Term));
        Assert.Equal(expected.Coefficients.Select(c => c.Term), ols.Coefficients.Select(c => c.Term));
        foreach (var (e, a) in expected.Coefficients.Zip(ols.Coefficients))
        {
            Precision.AssertDigits(e.Estimate, a.Estimate, 12, $"estimate {e.Term}");
            Precision.AssertDigits(e.StdError, a.StdError, 12, $"SE {e.Term}");
            Precision.AssertDigits(e.PValue, a.PValue, 10, $"p {e.Term}");
            Precision.AssertDigits(e.CiLower, a.CiLower, 12, $"CI {e.Term}");
        }

        Precision.AssertDigits(expected.RSquared, ols.RSquared, 12, "R squared");
    }

    [Theory]
    [InlineData("c_use_health", null)]
    [InlineData("c_reach_info", 2.0)]
    public async Task Model_EqualsAnalyzeLogit_OnTheExportOfTheSameFilter_ForA01ColumnAndATwoValuedItem(string outcome, double? eventValue)
    {
        // Arrange: a two-valued item is modelled as the probability of its higher value, so the file codes that 1, the other 0.
        var filter = DemoExportFixture.Filter with { Audiences = [Audience.Citizen] };
        var choice = new ModelChoice(outcome, ["c_eff_int", "c_sal", "country"], ModelStandardErrors.Classical);
        var queries = new ModelQueries(demo.Database.ContextFactory, demo.Dataset, demo.Cache(), demo.Options);
        string[] columns = [outcome, "c_eff_int", "c_sal", "country"];
        var rows = demo.Rows(Audience.Citizen, null).Select(r => (IReadOnlyList<string>)[.. columns.Select(c =>
            c == outcome && eventValue is { } high && r[c].Length > 0 ? (double.Parse(r[c], CultureInfo.InvariantCulture) == high ? "1" : "0") : r[c])]);
        var path = demo.WriteCsv($"logit-{outcome}.csv", columns, rows);

        // Act
        var result = (await queries.FitAsync("coproduction", choice, filter, CancellationToken.None))!;
        var expected = await RegressionAnalysis.LogitAsync(
            new CsvFileSource(path), new RegressionRequest(ModelSpecification.Parse($"{outcome} ~ c_eff_int + c_sal + country"), ["country"]), CancellationToken.None);

        // Assert
        Assert.Null(result.Problem);
        Assert.True(result.Logistic);
        var logit = result.Logit!;
        Assert.Equal((expected.N, expected.DroppedRows), (logit.N, logit.DroppedRows));
        Assert.Equal(expected.Coefficients.Select(c => c.Term), logit.Coefficients.Select(c => c.Term));
        foreach (var (e, a) in expected.Coefficients.Zip(logit.Coefficients))
        {
            Precision.AssertDigits(e.Estimate, a.Estimate, 10, $"estimate {e.Term}");
            Precision.AssertDigits(e.StdError, a.StdError, 10, $"SE {e.Term}");
        }

        Precision.AssertDigits(expected.McFaddenR2, logit.McFaddenR2, 10, "McFadden R squared");
        if (eventValue is not null)
        {
            Assert.Contains("(\"No\") rather than 1 (\"Yes\")", result.Event);
        }
    }

    /// <summary><c>analyze alpha --csv FILE --items ...</c> on the group's records, reverse-keyed items recoded as min + max - x.</summary>
    private async Task<ReliabilityReport> AnalyzeAlphaAsync(
        string name, IReadOnlyList<(string Item, bool Reversed, double Min, double Max)> items, IEnumerable<Dictionary<string, string>> rows)
    {
        var path = demo.WriteCsv($"{name}.csv", [.. items.Select(i => i.Item)], rows.Select(r => (IReadOnlyList<string>)[.. items.Select(i =>
            r[i.Item].Length == 0 || !i.Reversed
                ? r[i.Item]
                : (i.Min + i.Max - double.Parse(r[i.Item], CultureInfo.InvariantCulture)).ToString("R", CultureInfo.InvariantCulture))]));
        return await ReliabilityAnalysis.RunAsync(new CsvFileSource(path), [.. items.Select(i => i.Item)], CancellationToken.None);
    }
}
