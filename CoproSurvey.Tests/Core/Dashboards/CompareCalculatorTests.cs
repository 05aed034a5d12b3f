using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Dashboards;

public class CompareCalculatorTests
{
    private static readonly (string, string)[] Countries = [("BE", "Belgium"), ("DE", "Germany"), ("NL", "Netherlands")];

    private static IEnumerable<CompareValue> Values(Audience audience, string country, params double[] values) =>
        values.Select(v => new CompareValue(audience, country, v));

    [Fact]
    public void Compute_GivesMeanSdAndTInterval_AsComputedByHand()
    {
        // Arrange: 1, 2, 3, 4, 5: mean 3, SD sqrt(2.5) = 1.5811, t(0.975, 4) = 2.776445, half-width 1.963243.
        var values = Values(Audience.Citizen, "BE", 1, 2, 3, 4, 5).ToList();

        // Act
        var result = CompareCalculator.Compute("x", "X", CompareBy.Country, values, Countries, new CellRule(5));

        // Assert
        var group = Assert.Single(result.Groups);
        Assert.Equal(("BE", "Belgium", (int?)5, false), (group.Group, group.Label, group.N, group.Suppressed));
        Assert.Equal(3, group.Mean!.Value, 12);
        Precision.AssertDigits(Math.Sqrt(2.5), group.StandardDeviation!.Value, 12);
        Precision.AssertDigits(3 - 1.963243, group.Lower!.Value, 6);
        Precision.AssertDigits(3 + 1.963243, group.Upper!.Value, 6);
    }

    [Fact]
    public void Compute_GivesTheFiveNumbersOfTheBoxPlot_OnlyForReportedGroups()
    {
        // Arrange: Belgium 1, 2, 4, 7, 11, 16 (R type 7: Q1 = 2 + 0.25·2 = 2.5, median 5.5, Q3 = 7 + 0.75·4 = 10); Germany 2 values.
        var values = Values(Audience.Citizen, "BE", 16, 1, 11, 2, 7, 4).Concat(Values(Audience.Citizen, "DE", 3, 8)).ToList();

        // Act
        var result = CompareCalculator.Compute("x", "X", CompareBy.Country, values, Countries, new CellRule(5));

        // Assert
        var belgium = result.Groups.Single(g => g.Group == "BE");
        Assert.Equal((1.0, 2.5, 5.5, 10.0, 16.0), (belgium.Minimum!.Value, belgium.FirstQuartile!.Value, belgium.Median!.Value, belgium.ThirdQuartile!.Value, belgium.Maximum!.Value));
        var germany = result.Groups.Single(g => g.Group == "DE");
        Assert.Equal((null, null, null, null, null), (germany.Minimum, germany.FirstQuartile, germany.Median, germany.ThirdQuartile, germany.Maximum));
    }

    [Fact]
    public void Compute_SuppressesSmallGroups_AndLeavesThemOutOfTheTests()
    {
        // Arrange: Belgium 5 values, Germany 5, the Netherlands 2 (suppressed), all citizens.
        var values = Values(Audience.Citizen, "BE", 1, 2, 3, 4, 5)
            .Concat(Values(Audience.Citizen, "DE", 3, 4, 5, 6, 7))
            .Concat(Values(Audience.Citizen, "NL", 100, 200))
            .ToList();

        // Act
        var result = CompareCalculator.Compute("x", "X", CompareBy.Country, values, Countries, new CellRule(5));

        // Assert: the NL group shows nothing; the ANOVA compares BE and DE only:
        // SS between = 5·(3-4)² + 5·(5-4)² = 10, SS within = 10 + 10 = 20, F = 10 / (20 / 8) = 4.
        var nl = result.Groups.Single(g => g.Group == "NL");
        Assert.Equal((null, true, null), (nl.N, nl.Suppressed, nl.Mean));
        var anova = Assert.Single(result.Anova);
        Assert.Equal((2, 1, 8), (anova.Groups, anova.DfBetween, anova.DfWithin));
        Precision.AssertDigits(4.0, anova.F, 12);
        Assert.Null(result.Welch);
    }

    [Fact]
    public void Compute_TestsProfessionalsMinusCitizens_WithWelch()
    {
        // Arrange
        var values = Values(Audience.Citizen, "BE", 1, 2, 3, 4, 5).Concat(Values(Audience.Professional, "BE", 2, 4, 6, 8, 10)).ToList();

        // Act
        var result = CompareCalculator.Compute("x", "X", CompareBy.Country, values, Countries, new CellRule(5));

        // Assert: difference 6 - 3 = 3; SE = sqrt(2.5/5 + 10/5) = sqrt(2.5).
        Assert.NotNull(result.Welch);
        Precision.AssertDigits(3.0, result.Welch.MeanDifference, 12);
        Precision.AssertDigits(Math.Sqrt(2.5), result.Welch.StandardError, 12);
    }

    [Fact]
    public void Table_WritesSuppressedGroupsAsEmptyCells()
    {
        // Arrange
        var values = Values(Audience.Citizen, "BE", 1, 2, 3, 4, 5).Concat(Values(Audience.Citizen, "DE", 1)).ToList();
        var result = CompareCalculator.Compute("c_eff_int", "Internal efficacy", CompareBy.Country, values, Countries, new CellRule(5));

        // Act
        var table = CompareTables.Table(result);

        // Assert
        Assert.Equal(["DE", "citizen", "c_eff_int", "", "", "", "", "", "1"], table.Rows[1]);
        Assert.Equal("5", table.Rows[0][3]);
    }
}
