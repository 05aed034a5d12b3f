using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics;

public class AnovaTests
{
    private static readonly UnivariateReference R = UnivariateReference.Shared;

    [Fact]
    public void OneWay_MatchesRAnova_ForHoursByGroup()
    {
        // Arrange
        var hours = R.Numbers("hours");
        var groups = R.Labels("group");

        // Act
        var result = Anova.OneWay(hours, groups);

        // Assert
        Assert.Equal((int)R.Number("anova", "df_between"), result.DfBetween);
        Assert.Equal((int)R.Number("anova", "df_within"), result.DfWithin);
        Precision.AssertDigits(R.Number("anova", "ss_between"), result.SsBetween, 10, "SS between");
        Precision.AssertDigits(R.Number("anova", "ss_within"), result.SsWithin, 10, "SS within");
        Precision.AssertDigits(R.Number("anova", "f"), result.F, 10, "F");
        Precision.AssertDigits(R.Number("anova", "p"), result.P, 10, "p");
        Assert.Equal(2, result.Missing);
        foreach (var group in result.Groups)
        {
            Precision.AssertDigits(R.Number("descriptives_by_group", group.Group, "mean"), group.Mean, 10, group.Group + " mean");
            Assert.Equal((int)R.Number("descriptives_by_group", group.Group, "n"), group.N);
        }
    }

    [Fact]
    public void OneWay_GivesHandWorkedTable_ForSmallExample()
    {
        // Arrange: a = 1, 2, 3 (mean 2); b = 5, 7 (mean 6); grand mean 18/5.
        double?[] values = [1, 5, 2, 7, 3, null];
        string?[] groups = ["a", "b", "a", "b", "a", "b"];

        // Act
        var result = Anova.OneWay(values, groups);

        // Assert: SSB = 3·1.6² + 2·2.4² = 19.2; SSW = 2 + 2 = 4.
        Precision.AssertDigits(19.2, result.SsBetween, 15, "SS between");
        Precision.AssertDigits(4, result.SsWithin, 15, "SS within");
        Precision.AssertDigits(19.2 / (4.0 / 3), result.F, 15, "F");
        Precision.AssertDigits(19.2 / 23.2, result.EtaSquared, 15, "eta squared");
        Assert.Equal(["a", "b"], result.Groups.Select(g => g.Group));
    }

    [Fact]
    public void OneWay_ThrowsInsufficientData_WhenOnlyOneGroupHasData()
    {
        // Act
        var error = Assert.Throws<InsufficientDataException>(() => Anova.OneWay([1.0, 2, null], ["a", "a", "b"]));

        // Assert
        Assert.Contains("at least 2 groups with data; found 1", error.Message);
    }

    [Fact]
    public void OneWay_ThrowsConstantVariable_WhenEveryGroupIsConstant()
    {
        // Act & Assert
        Assert.Throws<ConstantVariableException>(() => Anova.OneWay([1.0, 1, 2, 2], ["a", "a", "b", "b"]));
    }
}
