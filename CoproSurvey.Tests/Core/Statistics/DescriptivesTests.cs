using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics;

public class DescriptivesTests
{
    private static readonly UnivariateReference R = UnivariateReference.Shared;

    [Theory]
    [InlineData("age")]
    [InlineData("hours")]
    public void Compute_MatchesR_ForSurveyVariables(string column)
    {
        // Arrange
        var values = R.Numbers(column);

        // Act
        var result = Descriptives.Compute(values);

        // Assert
        AssertMatchesR(result, "descriptives", column);
        Assert.Equal(values.Count - result.N, result.Missing);
    }

    [Fact]
    public void ByGroup_MatchesR_ForEachGroupInOrderOfFirstAppearance()
    {
        // Arrange
        var hours = R.Numbers("hours");
        var groups = R.Labels("group");

        // Act
        var result = Descriptives.ByGroup(hours, groups);

        // Assert
        Assert.Equal(groups.Distinct().OfType<string>().ToList(), result.Groups.Select(g => g.Group).ToList());
        Assert.Equal(0, result.MissingGroup);
        foreach (var group in result.Groups)
        {
            AssertMatchesR(group.Statistics!, "descriptives_by_group", group.Group);
        }
    }

    [Fact]
    public void Compute_GivesType7QuartilesAndMoments_ForSmallHandWorkedSample()
    {
        // Arrange: 1, 2, 3, 4 and 10: mean 4, deviations -3 -2 -1 0 6, SS 50.
        double?[] values = [4, 2, null, 10, 1, 3, double.NaN];

        // Act
        var result = Descriptives.Compute(values);

        // Assert
        Assert.Equal((5, 2), (result.N, result.Missing));
        Precision.AssertDigits(4, result.Mean, 15, "mean");
        Precision.AssertDigits(12.5, result.Variance!.Value, 15, "variance");
        Precision.AssertDigits(2, result.FirstQuartile, 15, "Q1");
        Precision.AssertDigits(3, result.Median, 15, "median");
        Precision.AssertDigits(4, result.ThirdQuartile, 15, "Q3");

        // g1 = (Σd³/n) / (Σd²/n)^1.5 = (180/5) / 10^1.5; G1 = g1·√20/3.
        Precision.AssertDigits(36 / Math.Pow(10, 1.5) * Math.Sqrt(20) / 3, result.Skewness!.Value, 14, "skewness");
    }

    [Fact]
    public void Compute_LeavesStatisticsThatNeedMoreCasesNull_ForTinySamples()
    {
        // Act
        var one = Descriptives.Compute([5.0]);
        var two = Descriptives.Compute([5.0, 7.0]);
        var three = Descriptives.Compute([5.0, 7.0, 12.0]);

        // Assert
        Assert.Null(one.StandardDeviation);
        Assert.Null(one.ConfidenceLower);
        Precision.AssertDigits(5, one.Median, 15, "median");
        Assert.NotNull(two.StandardDeviation);
        Assert.Null(two.Skewness);
        Assert.NotNull(three.Skewness);
        Assert.Null(three.ExcessKurtosis);
    }

    [Fact]
    public void Compute_LeavesShapeNullAndSdZero_ForConstantValues()
    {
        // Act
        var result = Descriptives.Compute([3.0, 3.0, 3.0, 3.0, 3.0]);

        // Assert
        Precision.AssertDigits(0, result.StandardDeviation!.Value, 15, "SD");
        Assert.Null(result.Skewness);
        Assert.Null(result.ExcessKurtosis);
        Precision.AssertDigits(3, result.ConfidenceLower!.Value, 15, "lower limit");
    }

    [Fact]
    public void Compute_AddsOriginToLocationButNotToDispersion()
    {
        // Arrange
        double?[] centred = [0.1, 0.3, 0.2, 0.6];

        // Act
        var plain = Descriptives.Compute(centred);
        var shifted = Descriptives.Compute(centred, origin: 1e6);

        // Assert
        Precision.AssertDigits(1e6 + plain.Mean, shifted.Mean, 15, "mean");
        Precision.AssertDigits(1e6 + plain.Median, shifted.Median, 15, "median");
        Precision.AssertDigits(1e6 + plain.ConfidenceUpper!.Value, shifted.ConfidenceUpper!.Value, 15, "upper limit");
        Precision.AssertDigits(plain.StandardDeviation!.Value, shifted.StandardDeviation!.Value, 15, "SD");
        Precision.AssertDigits(plain.Skewness!.Value, shifted.Skewness!.Value, 15, "skewness");
    }

    [Fact]
    public void Compute_ThrowsInsufficientData_WhenEveryValueIsMissing()
    {
        // Act
        var error = Assert.Throws<InsufficientDataException>(() => Descriptives.Compute([null, double.NaN]));

        // Assert
        Assert.Contains("all 2 values are missing", error.Message);
    }

    [Fact]
    public void ByGroup_ListsAGroupWithoutValues_WithNullStatistics()
    {
        // Act
        var result = Descriptives.ByGroup([1.0, null, 2.0, 4.0, 9.0], ["a", "b", "a", null, " "]);

        // Assert
        Assert.Equal(["a", "b"], result.Groups.Select(g => g.Group));
        Assert.Equal(2, result.MissingGroup);
        Assert.Null(result.Groups[1].Statistics);
        Assert.Equal(1, result.Groups[1].Missing);
        Precision.AssertDigits(1.5, result.Groups[0].Statistics!.Mean, 15, "mean of a");
    }

    private static void AssertMatchesR(DescriptiveStatistics result, string section, string name)
    {
        Assert.Equal((int)R.Number(section, name, "n"), result.N);
        var checks = new (string Key, double? Actual)[]
        {
            ("mean", result.Mean), ("sd", result.StandardDeviation), ("se", result.StandardError),
            ("ci_lower", result.ConfidenceLower), ("ci_upper", result.ConfidenceUpper),
            ("min", result.Minimum), ("q1", result.FirstQuartile), ("median", result.Median),
            ("q3", result.ThirdQuartile), ("max", result.Maximum),
            ("skew", result.Skewness), ("kurtosis", result.ExcessKurtosis),
            ("skew_e1071", result.Skewness), ("kurtosis_e1071", result.ExcessKurtosis),
        };
        foreach (var (key, actual) in checks)
        {
            Precision.AssertDigits(R.Number(section, name, key), actual!.Value, 10, $"{name} {key}");
        }
    }
}
