using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics;

public class ReliabilityFactorModelTests
{
    [Fact]
    public void FitOneFactor_RecoversLoadings_WhenCorrelationsHaveExactOneFactorStructure()
    {
        // Arrange: r_ij = λ_i λ_j off the diagonal, so Σ = λλ' + diag(1 - λ²) reproduces R exactly.
        double[] lambda = [0.8, 0.7, 0.6, 0.5];
        var r = Structured(lambda);

        // Act
        var fit = ReliabilityFactorModel.FitOneFactor(r);

        // Assert
        for (var i = 0; i < lambda.Length; i++)
        {
            Precision.AssertDigits(lambda[i], fit.Loadings[i], 10, $"loading {i + 1}");
            Precision.AssertDigits(1 - lambda[i] * lambda[i], fit.Uniquenesses[i], 10, $"uniqueness {i + 1}");
        }

        // ω = 2.6² / (2.6² + 4 - (0.64 + 0.49 + 0.36 + 0.25)).
        Precision.AssertDigits(6.76 / (6.76 + 2.26), fit.Value, 10, "omega");
    }

    [Fact]
    public void FitOneFactor_StopsAtTheLowerBound_ForAHeywoodCase()
    {
        // Arrange: the first item is the factor itself, so its ML uniqueness would be 0.
        var r = Structured([1.0, 0.6, 0.5, 0.4]);

        // Act
        var fit = ReliabilityFactorModel.FitOneFactor(r);

        // Assert
        Precision.AssertDigits(0.005, fit.Uniquenesses[0], 10, "bounded uniqueness");
        Assert.All(fit.Loadings, l => Assert.InRange(l, 0, 1));
        Assert.InRange(fit.Iterations, 1, 100);
    }

    [Fact]
    public void FitOneFactor_MakesLoadingsSumPositive_WhenItemsAreNegativelyKeyed()
    {
        // Arrange
        var r = Structured([-0.8, -0.7, -0.6]);

        // Act
        var fit = ReliabilityFactorModel.FitOneFactor(r);

        // Assert
        Assert.True(fit.Loadings.Sum() > 0);
        Precision.AssertDigits(0.8, fit.Loadings[0], 10, "loading 1");
    }

    private static double[,] Structured(double[] lambda)
    {
        var p = lambda.Length;
        var r = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                r[i, j] = i == j ? 1 : lambda[i] * lambda[j];
            }
        }

        return r;
    }
}
