using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics.Regression;

/// <summary>Logistic regression against R's glm(family = binomial), and its separation diagnostics.</summary>
public class LogisticRegressionTests
{
    private const double Digits = 8;

    [Fact]
    public void LogisticRegression_MatchesRGlm_OnSurveyData()
    {
        // Arrange
        var expected = RReference.Coefficients("glm_coef.csv");
        var summary = RReference.Summary("glm_summary.csv");

        // Act
        var fit = LogisticRegression.Fit(RReference.SurveyData, ModelSpecification.Parse("adopt ~ x1 + x2 + field"));

        // Assert
        Assert.Equal(expected.Keys, fit.Coefficients.Select(c => c.Term));
        foreach (var c in fit.Coefficients)
        {
            RReference.AssertRow(expected[c.Term], c.Term, Digits,
                ("estimate", c.Estimate), ("se", c.StandardError), ("z", c.Z), ("p", c.PValue),
                ("odds_ratio", c.OddsRatio), ("or_low", c.OddsRatioLower), ("or_high", c.OddsRatioUpper));
        }

        Assert.Equal((int)summary.Number("n"), fit.N);
        Assert.Equal((int)summary.Number("dropped_rows"), fit.DroppedRows);
        Assert.Equal((int)summary.Number("df_residual"), fit.DfResidual);
        Assert.Equal((int)summary.Number("df_null"), fit.DfNull);
        Precision.AssertDigits(summary.Number("log_likelihood"), fit.LogLikelihood, Digits, "log-likelihood");
        Precision.AssertDigits(summary.Number("null_deviance"), fit.NullDeviance, Digits, "null deviance");
        Precision.AssertDigits(summary.Number("residual_deviance"), fit.ResidualDeviance, Digits, "residual deviance");
        Precision.AssertDigits(summary.Number("aic"), fit.Aic, Digits, "AIC");
        Precision.AssertDigits(summary.Number("mcfadden"), fit.McFaddenRSquared, Digits, "McFadden R²");
        Assert.Empty(fit.Warnings);
        Assert.InRange(fit.Iterations, 3, 30);
    }

    [Fact]
    public void LogisticRegression_ThrowsConvergenceNamingTerm_WhenSeparationIsComplete()
    {
        // Arrange: y = 1 exactly when x > 10 (R warns that fitted probabilities are numerically 0 or 1).
        var data = RReference.LoadData("separation.csv", ["x", "z", "y"], []);

        // Act
        var error = Assert.Throws<ConvergenceException>(() => LogisticRegression.Fit(data, ModelSpecification.Parse("y ~ x + z")));

        // Assert
        Assert.Contains("Complete separation", error.Message);
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void LogisticRegression_WarnsNamingTerm_WhenSeparationIsQuasiComplete()
    {
        // Arrange: the classes overlap only at x = 10.
        var data = RReference.LoadData("quasi_separation.csv", ["x", "y"], []);

        // Act
        var fit = LogisticRegression.Fit(data, ModelSpecification.Parse("y ~ x"));

        // Assert
        var warning = Assert.Single(fit.Warnings);
        Assert.Contains("Quasi-complete separation", warning);
        Assert.Contains("'x'", warning);
    }

    [Fact]
    public void LogisticRegression_ThrowsNamingValueAndRow_WhenResponseIsNotBinary()
    {
        // Arrange
        var data = new AnalysisData()
            .WithNumeric("y", [0, 1, 2, 0, 1])
            .WithNumeric("x", [1, 2, 3, 4, 5]);

        // Act
        var error = Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(data, ModelSpecification.Parse("y ~ x")));

        // Assert
        Assert.Contains("'y' is 2 in row 3", error.Message);
    }

    [Fact]
    public void LogisticRegression_ThrowsConstantVariable_WhenResponseHasOneValue()
    {
        // Arrange
        var data = new AnalysisData().WithNumeric("y", [1, 1, 1, 1]).WithNumeric("x", [1, 2, 3, 4]);

        // Act / Assert
        var error = Assert.Throws<ConstantVariableException>(() => LogisticRegression.Fit(data, ModelSpecification.Parse("y ~ x")));
        Assert.Equal("y", error.Variable);
    }
}
