using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics;

public class FrequenciesTests
{
    [Fact]
    public void Compute_CountsLabelsWithPercentagesAndMissingRow_ForHandWorkedExample()
    {
        // Arrange: 3 valid of 5 rows.
        string?[] values = ["paper", "online", null, "paper", " "];

        // Act
        var table = Frequencies.Compute(values);

        // Assert
        Assert.Equal((5, 3, 2), (table.Total, table.Valid, table.Missing));
        Assert.Equal(["online", "paper"], table.Rows.Select(r => r.Value));
        Assert.Equal([1, 2], table.Rows.Select(r => r.Count));
        Precision.AssertDigits(40, table.Rows[1].Percent, 15, "percent");
        Precision.AssertDigits(200.0 / 3, table.Rows[1].ValidPercent, 15, "valid percent");
        Precision.AssertDigits(100.0 / 3, table.Rows[0].CumulativePercent, 15, "cumulative");
        Precision.AssertDigits(100, table.Rows[^1].CumulativePercent, 15, "last cumulative");
        Precision.AssertDigits(40, table.MissingPercent, 15, "missing percent");
    }

    [Fact]
    public void Compute_OrdersNumericCodesNumerically_AfterTheGivenOrder()
    {
        // Arrange
        double?[] codes = [10, 2, 1, 2, double.NaN, 10, 10];

        // Act
        var natural = Frequencies.Compute(codes);
        var ordered = Frequencies.Compute(codes, order: [5, 10]);

        // Assert
        Assert.Equal(["1", "2", "10"], natural.Rows.Select(r => r.Value));
        Assert.Equal(["5", "10", "1", "2"], ordered.Rows.Select(r => r.Value));
        Assert.Equal([0, 3, 1, 2], ordered.Rows.Select(r => r.Count));
        Assert.Equal(1, natural.Missing);
    }

    [Fact]
    public void Compute_MatchesTheCountsOfTheSurveyData_ForChannel()
    {
        // Arrange
        var channel = UnivariateReference.Shared.Labels("channel");

        // Act
        var table = Frequencies.Compute(channel);

        // Assert
        Assert.Equal(2, table.Missing);
        Assert.Equal(channel.Count(c => c == "online"), table.Rows.Single(r => r.Value == "online").Count);
        Assert.Equal(table.Valid, table.Rows.Sum(r => r.Count));
    }

    [Fact]
    public void Compute_GivesZeroPercentages_WhenEveryValueIsMissing()
    {
        // Act
        var table = Frequencies.Compute(new string?[] { null, "" }, order: ["yes", "no"]);

        // Assert
        Assert.All(table.Rows, r => Precision.AssertDigits(0, r.ValidPercent, 15, r.Value));
        Precision.AssertDigits(100, table.MissingPercent, 15, "missing percent");
    }
}
