using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics;

public class ReliabilityTests
{
    private static readonly UnivariateReference R = UnivariateReference.Shared;

    /// <summary>The five trust items with the negatively worded q3 reverse-scored, as make_reference.R does.</summary>
    private static IReadOnlyList<IReadOnlyList<double?>> Items() =>
    [
        R.Numbers("q1"),
        R.Numbers("q2"),
        R.Numbers("q3").Select(v => 6 - v).ToList(),
        R.Numbers("q4"),
        R.Numbers("q5"),
    ];

    [Fact]
    public void Analyze_MatchesPsychAlpha_WithListwiseDeletion()
    {
        // Act
        var result = Reliability.Analyze(Items(), ["q1", "q2", "q3r", "q4", "q5"]);

        // Assert
        Assert.Equal((120, (int)R.Number("reliability", "complete")), (result.Rows, result.CompleteCases));
        Precision.AssertDigits(R.Number("reliability", "raw_alpha"), result.Alpha, 10, "raw alpha");
        Precision.AssertDigits(R.Number("reliability", "std_alpha"), result.StandardizedAlpha, 10, "standardized alpha");
        Precision.AssertDigits(R.Number("reliability", "average_r"), result.AverageInterItemCorrelation, 10, "average r");
        var rDrop = R.Array("reliability", "r_drop");
        var alphaDrop = R.Array("reliability", "alpha_if_deleted");
        var means = R.Array("reliability", "item_mean");
        var sds = R.Array("reliability", "item_sd");
        for (var i = 0; i < 5; i++)
        {
            var item = result.Items[i];
            Precision.AssertDigits(rDrop[i], item.CorrectedItemTotalCorrelation, 10, $"{item.Name} r.drop");
            Precision.AssertDigits(alphaDrop[i], item.AlphaIfDeleted!.Value, 10, $"{item.Name} alpha if deleted");
            Precision.AssertDigits(means[i], item.Mean, 10, $"{item.Name} mean");
            Precision.AssertDigits(sds[i], item.StandardDeviation, 10, $"{item.Name} SD");
        }
    }

    [Fact]
    public void Analyze_MatchesOmegaTotalFromFactanal_ForOneFactorMlFit()
    {
        // Act
        var omega = Reliability.Analyze(Items()).Omega!;

        // Assert
        Precision.AssertDigits(R.Number("reliability", "omega_total"), omega.Value, 6, "omega total");
        Assert.InRange(omega.Iterations, 1, 100);
        var loadings = R.Array("reliability", "loadings");
        var uniquenesses = R.Array("reliability", "uniquenesses");
        for (var i = 0; i < 5; i++)
        {
            Precision.AssertDigits(loadings[i], omega.Loadings[i], 6, $"loading {i + 1}");
            Precision.AssertDigits(uniquenesses[i], omega.Uniquenesses[i], 6, $"uniqueness {i + 1}");
        }
    }

    [Fact]
    public void Analyze_GivesAlphaOfParallelItemsAndNoOmega_ForTwoItems()
    {
        // Arrange: y = x + 1 exactly, so alpha = 2·cov/(var + var + 2·cov) = 1.
        double?[] x = [1, 2, 3, 4, 5];
        double?[] y = [2, 3, 4, 5, 6];

        // Act
        var result = Reliability.Analyze([x, y]);

        // Assert
        Precision.AssertDigits(1, result.Alpha, 15, "alpha");
        Assert.Null(result.Omega);
        Assert.Contains("at least 3 items", result.OmegaNote);
        Assert.All(result.Items, item => Assert.Null(item.AlphaIfDeleted));
    }

    [Fact]
    public void Analyze_ThrowsInsufficientData_NamingCompleteRows_WhenOnlyOneRowIsComplete()
    {
        // Arrange
        double?[] a = [1, 2, null, 4, 5];
        double?[] b = [null, 2, 3, null, double.NaN];

        // Act
        var error = Assert.Throws<InsufficientDataException>(() => Reliability.Analyze([a, b]));

        // Assert
        Assert.Equal("Cronbach's alpha needs at least 2 complete cases; 1 of 5 rows is complete.", error.Message);
    }

    [Fact]
    public void Analyze_ThrowsConstantVariable_NamingTheItem_WhenAnItemHasNoVariance()
    {
        // Arrange
        double?[] a = [1, 2, 3, 4];
        double?[] b = [3, 3, 3, 3];
        double?[] c = [2, 1, 4, 3];

        // Act
        var error = Assert.Throws<ConstantVariableException>(() => Reliability.Analyze([a, b, c], ["a", "b", "c"]));

        // Assert
        Assert.Equal("b", error.Variable);
    }
}
