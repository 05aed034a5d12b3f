using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics;

public class TTestTests
{
    private static readonly UnivariateReference R = UnivariateReference.Shared;

    [Theory]
    [InlineData(TTestMethod.Welch, "welch")]
    [InlineData(TTestMethod.Student, "student")]
    public void TwoSample_MatchesRTTest_ForCitizensVersusProfessionals(TTestMethod method, string key)
    {
        // Arrange: three groups in the data; the two compared are named.
        var hours = R.Numbers("hours");
        var groups = R.Labels("group");

        // Act
        var result = TTest.TwoSample(hours, groups, method, group1: "citizen", group2: "professional");

        // Assert
        Assert.Equal(("citizen", "professional"), (result.Group1.Group, result.Group2.Group));
        Precision.AssertDigits(R.Number("ttest", key, "t"), result.T, 10, "t");
        Precision.AssertDigits(R.Number("ttest", key, "df"), result.Df, 10, "df");
        Precision.AssertDigits(R.Number("ttest", key, "p"), result.P, 10, "p");
        Precision.AssertDigits(R.Number("ttest", key, "difference"), result.MeanDifference, 10, "difference");
        Precision.AssertDigits(R.Number("ttest", key, "se"), result.StandardError, 10, "standard error");
        Precision.AssertDigits(R.Number("ttest", key, "ci_lower"), result.ConfidenceLower, 10, "lower limit");
        Precision.AssertDigits(R.Number("ttest", key, "ci_upper"), result.ConfidenceUpper, 10, "upper limit");
        Assert.Equal(groups.Count - result.Group1.N - result.Group2.N, result.Missing);
    }

    [Fact]
    public void TwoSample_TakesGroupsInOrderOfFirstAppearance_WhenThereAreExactlyTwo()
    {
        // Arrange: b first, so the difference is mean(b) - mean(a) = 5 - 2.
        double?[] values = [4, 1, 6, 3, 5, 2];
        string?[] groups = ["b", "a", "b", "a", "b", "a"];

        // Act
        var result = TTest.TwoSample(values, groups);

        // Assert
        Assert.Equal("b", result.Group1.Group);
        Precision.AssertDigits(3, result.MeanDifference, 15, "difference");

        // Equal variances (1 and 1): Welch's df equals Student's, 4; se = √(1/3 + 1/3).
        Precision.AssertDigits(4, result.Df, 15, "df");
        Precision.AssertDigits(3 / Math.Sqrt(2.0 / 3), result.T, 15, "t");
    }

    [Fact]
    public void TwoSample_GivesTheSameTestWithOrigin_AndShiftsOnlyTheMeans()
    {
        // Arrange
        double?[] a = [0.1, 0.4, 0.3];
        double?[] b = [0.7, 0.2, 0.9, 0.5];

        // Act
        var plain = TTest.TwoSample(a, b);
        var shifted = TTest.TwoSample(a, b, origin: 5000);

        // Assert
        Precision.AssertDigits(plain.T, shifted.T, 15, "t");
        Precision.AssertDigits(plain.Group1.Mean + 5000, shifted.Group1.Mean, 15, "mean 1");
    }

    [Fact]
    public void TwoSample_Throws_WhenThreeGroupsAndNoneNamed()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => TTest.TwoSample([1.0, 2, 3], ["a", "b", "c"]));

        // Assert
        Assert.Contains("found 3: a, b, c", error.Message);
    }

    [Fact]
    public void TwoSample_ThrowsInsufficientData_WhenWelchGroupHasOneValue()
    {
        // Act
        var error = Assert.Throws<InsufficientDataException>(() => TTest.TwoSample([1.0, null], [2.0, 3, 4]));

        // Assert
        Assert.Contains("group '1' has 1", error.Message);
    }

    [Fact]
    public void TwoSample_AcceptsGroupOfOne_ForStudent()
    {
        // Act
        var result = TTest.TwoSample([1.0], [2.0, 3, 4], TTestMethod.Student);

        // Assert: pooled variance 2/2 = 1, se = √(1 + 1/3).
        Precision.AssertDigits(-2 / Math.Sqrt(4.0 / 3), result.T, 15, "t");
        Assert.Null(result.Group1.StandardDeviation);
    }

    [Fact]
    public void TwoSample_ThrowsConstantVariable_WhenBothGroupsAreConstant()
    {
        // Act & Assert
        Assert.Throws<ConstantVariableException>(() => TTest.TwoSample([1.0, 1], [2.0, 2, 2]));
    }
}
