using System.Globalization;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>
/// The demo study's "not applicable" answers (<see cref="DemoExportFixture"/>: seed-demo, 400 responses, seed 11) are
/// the missing reason they are: their own code in data.csv, and left out of the dashboards' figures.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DemoNotApplicableTests(DemoExportFixture demo) : IClassFixture<DemoExportFixture>
{
    private static readonly DashboardFilter Citizens = DemoExportFixture.Filter with { Audiences = [Audience.Citizen] };

    [Fact]
    public async Task Export_WritesTheNotApplicableCode_InEveryCellTheDatabaseHoldsAsNotApplicable_AndNoOther()
    {
        // Arrange: the answers stored as not applicable, of the responses the export's filter selects.
        await using var db = demo.Database.CreateContext();
        var countries = DemoExportFixture.Filter.Countries.ToList();
        var stored = (await db.Answers.Where(a => a.NotApplicable)
                .Join(db.Responses.Where(r => r.CompletedAt != null && countries.Contains(r.Country!)), a => a.ResponseId, r => r.Id, (a, r) => new { a.ItemCode, r.Id })
                .ToListAsync())
            .Select(x => (Variable: x.ItemCode, Response: x.Id.ToString(CultureInfo.InvariantCulture)))
            .ToHashSet();

        // Act: the cells of data.csv holding their column's not-applicable code, as the codebook states it.
        var codes = demo.Codebook
            .Select(c => (Variable: c["variable"], Code: c["missing_codes"].Split("; ").FirstOrDefault(m => m.StartsWith("not applicable = ", StringComparison.Ordinal))))
            .Where(c => c.Code is not null)
            .ToDictionary(c => c.Variable, c => c.Code!["not applicable = ".Length..]);
        var scores = demo.Codebook.Where(c => c["type"] == "scale score").Select(c => c["variable"]).ToHashSet();
        var cells = demo.RawData
            .SelectMany(row => row.Where(cell => codes.TryGetValue(cell.Key, out var code) && cell.Value == code).Select(cell => (Variable: cell.Key, Row: row)))
            .ToList();
        var items = cells.Where(c => !scores.Contains(c.Variable)).Select(c => (c.Variable, Response: c.Row["response_id"])).ToHashSet();
        var scoreCells = cells.Where(c => scores.Contains(c.Variable)).ToList();

        // Assert: every item cell, and a scale score only where every item it misses is not applicable (the reason
        // the missing items share, see ScaleScorer).
        Assert.Contains(stored, s => s.Variable == "c_col_3");
        Assert.Contains(stored, s => s.Variable == "c_ind_hea_4");
        Assert.Equal(stored.Order(), items.Order());
        Assert.All(scoreCells, score =>
        {
            var read = demo.Data.Single(r => r["response_id"] == score.Row["response_id"]);
            var missing = demo.ScaleItems(score.Variable).Select(i => i.Item).Where(item => read[item].Length == 0).ToList();
            Assert.NotEmpty(missing);
            Assert.All(missing, item => Assert.Equal(codes[item], score.Row[item]));
        });
    }

    [Fact]
    public async Task CompareView_LeavesNotApplicableOut_OfEachCountrysNAndMean()
    {
        // Arrange
        var queries = new CompareQueries(demo.Database.ContextFactory, demo.Dataset, demo.Cache(), demo.Options);

        // Act
        var result = (await queries.CompareAsync("coproduction", "c_col_3", CompareBy.Country, Citizens, CancellationToken.None))!;

        // Assert: n and mean are those of the exported values once the missing codes are missing.
        var groups = result.Groups.Where(g => !g.Suppressed).ToList();
        Assert.Equal(3, groups.Count);
        foreach (var group in groups)
        {
            var rows = demo.Rows(Audience.Citizen, group.Group).ToList();
            var values = rows.Where(r => r["c_col_3"].Length > 0).Select(r => double.Parse(r["c_col_3"], CultureInfo.InvariantCulture)).ToList();
            var notApplicable = demo.RawData.Count(r => rows.Any(x => x["response_id"] == r["response_id"]) && r["c_col_3"] == NotApplicableCode("c_col_3"));
            Assert.True(notApplicable > 0, $"no response in {group.Group} has c_col_3 not applicable");
            Assert.Equal(values.Count, group.N);
            Precision.AssertDigits(values.Average(), group.Mean!.Value, 13, $"mean c_col_3 {group.Group}");
        }
    }

    private string NotApplicableCode(string variable) =>
        demo.Codebook.Single(c => c["variable"] == variable)["missing_codes"].Split("; ")
            .Single(m => m.StartsWith("not applicable = ", StringComparison.Ordinal))["not applicable = ".Length..];
}
