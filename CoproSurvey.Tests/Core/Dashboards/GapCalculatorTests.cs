using System.Globalization;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Dashboards;

public class GapCalculatorTests
{
    private static readonly string Reference = Path.Combine(AppContext.BaseDirectory, "TestData", "R", "dashboards");
    private static readonly (string, string)[] Countries = [("BE", "Belgium"), ("DE", "Germany"), ("NL", "Netherlands")];
    private static readonly GapScale[] OneScale = [new("mirror_will", "Willingness")];

    private static IEnumerable<GapRow> Rows(Audience audience, string? group, params double[] values) =>
        values.Select(v => new GapRow(audience, group, [v]));

    [Fact]
    public void Compute_GivesMeansDifferenceAndWelchDf_AsComputedByHand()
    {
        // Arrange: citizens 1..5 (mean 3, variance 2.5), professionals 2, 4, ..., 10 (mean 6, variance 10).
        var rows = Rows(Audience.Citizen, "BE", 1, 2, 3, 4, 5).Concat(Rows(Audience.Professional, "BE", 2, 4, 6, 8, 10)).ToList();

        // Act
        var result = GapCalculator.Compute(OneScale, GapBy.Country, rows, Countries, new CellRule(5));

        // Assert: gap 6 - 3 = 3; a = 2.5/5 = 0.5, b = 10/5 = 2, SE = √(a + b), df = (a + b)² / (a²/4 + b²/4) = 6.25 / 1.0625;
        // the interval 3 ± t(0.975, df)·SE with R's qt(0.975, 6.25 / 1.0625) = 2.45882370969915, p from R's t.test 0.107531194930627.
        Assert.Null(result.Empty);
        Assert.Equal([null, "BE"], result.Estimates.Select(e => e.Group));
        var belgium = result.Estimates[1];
        Assert.Equal(("Belgium", 5, 5), (belgium.GroupLabel, belgium.CitizenN, belgium.ProfessionalN));
        Precision.AssertDigits(3.0, belgium.CitizenMean!.Value, 12);
        Precision.AssertDigits(6.0, belgium.ProfessionalMean!.Value, 12);
        Precision.AssertDigits(3.0, belgium.Gap!.Value, 12);
        Precision.AssertDigits(6.25 / 1.0625, belgium.Df!.Value, 12);
        Precision.AssertDigits(3 - 2.45882370969915 * Math.Sqrt(2.5), belgium.Lower!.Value, 12);
        Precision.AssertDigits(3 + 2.45882370969915 * Math.Sqrt(2.5), belgium.Upper!.Value, 12);
        Precision.AssertDigits(0.107531194930627, belgium.P!.Value, 10);
        Assert.Equal(belgium with { Group = null, GroupLabel = GapCalculator.OverallLabel }, result.Estimates[0]);
    }

    [Fact]
    public void Compute_MatchesRsWelchTTest_PerScaleAndCountry_AndOverTheReportedCountries()
    {
        // Arrange: TestData/R/dashboards (make_reference.R beside the values).
        var scales = new GapScale[] { new("mirror_will", "Willingness"), new("mirror_comp", "Competence"), new("mirror_value", "Value") };
        var rows = ReadRows(Path.Combine(Reference, "dashboards.csv"));

        // Act
        var result = GapCalculator.Compute(scales, GapBy.Country, rows, Countries, new CellRule(5));

        // Assert
        var expected = File.ReadAllLines(Path.Combine(Reference, "gap.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(expected.Select(r => (r[0], r[1])), result.Estimates.Select(e => (e.Scale, e.Group ?? "all")));
        foreach (var (r, e) in expected.Zip(result.Estimates))
        {
            var what = $"{r[0]} {r[1]}";
            Assert.True(e.Suppressed == (r[11] == "1"), what);
            if (e.Suppressed)
            {
                Assert.Equal((null, null, null, null, null), (e.CitizenN, e.CitizenMean, e.ProfessionalN, e.Gap, e.P));
                continue;
            }

            Assert.Equal((int.Parse(r[2], CultureInfo.InvariantCulture), int.Parse(r[4], CultureInfo.InvariantCulture)), (e.CitizenN!.Value, e.ProfessionalN!.Value));
            foreach (var (column, actual) in new[] { (3, e.CitizenMean), (5, e.ProfessionalMean), (6, e.Gap), (7, e.Lower), (8, e.Upper), (9, e.Df), (10, e.P) })
            {
                Precision.AssertDigits(double.Parse(r[column], CultureInfo.InvariantCulture), actual!.Value, 10, $"{what} column {column}");
            }
        }
    }

    [Fact]
    public void Compute_SuppressesAGroupWithASmallSide_AndLeavesItOutOfTheOverallGap()
    {
        // Arrange: Belgium 5 and 5; the Netherlands 3 citizens (suppressed) and 6 professionals.
        var rows = Rows(Audience.Citizen, "BE", 1, 2, 3, 4, 5).Concat(Rows(Audience.Professional, "BE", 2, 4, 6, 8, 10))
            .Concat(Rows(Audience.Citizen, "NL", 100, 100, 100)).Concat(Rows(Audience.Professional, "NL", 1, 1, 1, 1, 1, 1))
            .ToList();

        // Act
        var result = GapCalculator.Compute(OneScale, GapBy.Country, rows, Countries, new CellRule(5));

        // Assert
        var netherlands = result.Estimates.Single(e => e.Group == "NL");
        Assert.Equal((true, null, null, null), (netherlands.Suppressed, netherlands.CitizenN, netherlands.ProfessionalN, netherlands.Gap));
        var overall = result.Estimates.Single(e => e.IsOverall);
        Assert.Equal((5, 5), (overall.CitizenN, overall.ProfessionalN));
        Precision.AssertDigits(3.0, overall.Gap!.Value, 12);
    }

    [Fact]
    public void Compute_ShowsOneSidedGroupsWithoutAGap_AndIgnoresRowsWithoutAGroup()
    {
        // Arrange: Germany has citizens only; two professionals carry no country.
        var rows = Rows(Audience.Citizen, "BE", 1, 2, 3, 4, 5).Concat(Rows(Audience.Professional, "BE", 2, 4, 6, 8, 10))
            .Concat(Rows(Audience.Citizen, "DE", 2, 2, 3, 3, 4)).Concat(Rows(Audience.Professional, null, 5, 5))
            .ToList();

        // Act
        var result = GapCalculator.Compute(OneScale, GapBy.Country, rows, Countries, new CellRule(5));

        // Assert
        var germany = result.Estimates.Single(e => e.Group == "DE");
        Assert.Equal((false, 5, 0, null), (germany.Suppressed, germany.CitizenN, germany.ProfessionalN, germany.Gap));
        Assert.Equal(2.8, germany.CitizenMean!.Value, 12);
        Assert.Null(germany.ProfessionalMean);
        Assert.NotNull(germany.Note);
        var overall = result.Estimates.Single(e => e.IsOverall);
        Assert.Equal((10, 5), (overall.CitizenN, overall.ProfessionalN));
    }

    [Fact]
    public void Compute_SaysWhyItIsEmpty()
    {
        Assert.Equal(GapEmptyReason.NoMirrorScales, GapCalculator.Compute([], GapBy.Country, [], Countries, new CellRule(5)).Empty);
        Assert.Equal(GapEmptyReason.NoValues, GapCalculator.Compute(OneScale, GapBy.Country, [new GapRow(Audience.Citizen, "BE", [null])], Countries, new CellRule(5)).Empty);
    }

    [Fact]
    public void Table_WritesTheOverallRowAsAll_AndSuppressedGroupsAsEmptyCells()
    {
        // Arrange
        var rows = Rows(Audience.Citizen, "BE", 1, 2, 3, 4, 5).Concat(Rows(Audience.Professional, "BE", 2, 4, 6, 8, 10))
            .Concat(Rows(Audience.Citizen, "DE", 1)).ToList();
        var result = GapCalculator.Compute(OneScale, GapBy.Country, rows, Countries, new CellRule(5));

        // Act
        var table = GapTables.Table(result);

        // Assert
        Assert.Equal(["scale", "country", "n_citizen", "mean_citizen", "n_professional", "mean_professional", "gap", "ci95_lower", "ci95_upper", "df", "p", "suppressed"], table.Columns);
        Assert.Equal(["all", "BE", "DE"], table.Rows.Select(r => r[1]));
        Assert.Equal(["mirror_will", "all", "5", "3", "5", "6", "3"], table.Rows[0].Take(7));
        Assert.Equal(["mirror_will", "DE", "", "", "", "", "", "", "", "", "", "1"], table.Rows[2]);
    }

    private static List<GapRow> ReadRows(string path) =>
        File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).Select(c => new GapRow(
            c[0] == "citizen" ? Audience.Citizen : Audience.Professional,
            c[1],
            c.Skip(2).Select(x => x == "NA" ? (double?)null : double.Parse(x, CultureInfo.InvariantCulture)).ToList())).ToList();
}
