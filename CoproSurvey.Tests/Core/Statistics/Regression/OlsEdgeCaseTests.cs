using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics.Regression;

/// <summary>Edge cases of the OLS fit that R handles with NA or NaN.</summary>
public class OlsEdgeCaseTests
{
    [Fact]
    public void Ols_EstimatesMeanAndItsStandardError_ForInterceptOnlyModel()
    {
        // Arrange
        double[] y = [2.5, 3.5, 7.25, 1.0, 4.75];
        var data = new AnalysisData().WithNumeric("y", y);
        var mean = y.Average();
        var sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / (y.Length - 1));

        // Act
        var fit = Ols.Fit(data, ModelSpecification.Parse("y ~ 1"));

        // Assert
        var c = Assert.Single(fit.Coefficients);
        Precision.AssertDigits(mean, c.Estimate, 14, "mean");
        Precision.AssertDigits(sd / Math.Sqrt(y.Length), c.StandardError, 14, "SE of the mean");
        Assert.Equal(0, fit.DfModel);
        Assert.Null(fit.FStatistic);
    }

    [Fact]
    public void Ols_ThrowsSingularMatrixNamingCase_WhenHC3MeetsLeverageOne()
    {
        // Arrange: level 'c' has a single case, whose leverage is 1.
        var data = new AnalysisData()
            .WithNumeric("y", [1.0, 2.0, 1.5, 3.0, 2.5, 9.0])
            .WithCategorical("g", ["a", "a", "b", "b", "a", "c"]);

        // Act
        var error = Assert.Throws<SingularMatrixException>(() => Ols.Fit(data, ModelSpecification.Parse("y ~ g"), CovarianceType.HC3));

        // Assert
        Assert.Contains("(row 6 of the data) has leverage 1", error.Message);
    }
}
