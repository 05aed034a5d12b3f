using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics;

public class ChiSquareTests
{
    private static readonly UnivariateReference R = UnivariateReference.Shared;

    [Fact]
    public void Independence_MatchesRChisqTestWithoutCorrection_ForGroupByChannel()
    {
        // Act
        var result = ChiSquare.Independence(R.Labels("group"), R.Labels("channel"));

        // Assert
        Assert.Equal(R.Get("chisq", "rows").EnumerateArray().Select(e => e.GetString()), result.RowLabels);
        Assert.Equal(R.Get("chisq", "columns").EnumerateArray().Select(e => e.GetString()), result.ColumnLabels);
        var observed = R.Get("chisq", "observed").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        var expected = R.Get("chisq", "expected").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetDouble()).ToArray()).ToArray();
        for (var r = 0; r < observed.Length; r++)
        {
            Assert.Equal(observed[r], result.Observed[r]);
            for (var c = 0; c < observed[r].Length; c++)
            {
                Precision.AssertDigits(expected[r][c], result.Expected[r][c], 10, $"expected [{r},{c}]");
            }
        }

        Precision.AssertDigits(R.Number("chisq", "statistic"), result.ChiSquare, 10, "chi-square");
        Assert.Equal((int)R.Number("chisq", "df"), result.Df);
        Precision.AssertDigits(R.Number("chisq", "p"), result.P, 10, "p");
        Precision.AssertDigits(R.Number("chisq", "cramers_v"), result.CramersV, 10, "Cramer's V");
        Assert.Equal(2, result.Missing);
        Assert.StartsWith($"{(int)R.Number("chisq", "small_expected")} of 9 cells", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Independence_GivesHandWorkedStatistic_ForTwoByTwoTable()
    {
        // Arrange: a/x 3, a/y 1, b/x 1, b/y 3; every expected count is 2; χ² = 4·1²/2 = 2.
        string?[] rows = ["a", "a", "a", "a", "b", "b", "b", "b", null];
        string?[] columns = ["x", "x", "x", "y", "x", "y", "y", "y", "x"];

        // Act
        var result = ChiSquare.Independence(rows, columns);

        // Assert
        Precision.AssertDigits(2, result.ChiSquare, 15, "chi-square");
        Precision.AssertDigits(0.5, result.CramersV, 15, "Cramer's V");
        Assert.Equal(1, result.Df);
        Assert.Contains("4 of 4 cells", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Independence_HasNoWarnings_WhenEveryExpectedCountIsAtLeastFive()
    {
        // Arrange
        var rows = Enumerable.Repeat("a", 10).Concat(Enumerable.Repeat("b", 10)).ToList();
        var columns = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "x" : "y").ToList();

        // Act
        var result = ChiSquare.Independence(rows, columns);

        // Assert
        Assert.Empty(result.Warnings);
        Precision.AssertDigits(0, result.ChiSquare, 15, "chi-square");
        Precision.AssertDigits(1, result.P, 15, "p");
    }

    [Fact]
    public void Independence_ThrowsConstantVariable_WhenAVariableHasOneCategory()
    {
        // Act
        var error = Assert.Throws<ConstantVariableException>(() => ChiSquare.Independence(["a", "a", "b"], ["x", "x", null]));

        // Assert
        Assert.Contains("the 2 complete rows have 1", error.Message);
    }
}
