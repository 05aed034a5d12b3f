using System.Globalization;
using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Analysis.Sources;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
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
    [Theory]
    [InlineData("c_eff_int")]
    [InlineData("mirror_will")]
    [InlineData("p_ben")]
    public async Task Measurement_EqualsAnalyzeAlpha_OnTheExportOfTheSameFilter_ForEveryReportedGroup(string scale)
    {
        // Arrange
        var queries = new MeasurementQueries(demo.Database.ContextFactory, demo.Dataset, demo.Options);
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
