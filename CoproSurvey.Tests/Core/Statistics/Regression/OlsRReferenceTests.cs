using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics.Regression;

/// <summary>OLS, robust and cluster-robust covariances against R's lm, sandwich::vcovHC and sandwich::vcovCL.</summary>
public class OlsRReferenceTests
{
    private const double Digits = 10;
    private static readonly ModelSpecification ModelA = ModelSpecification.Parse("y ~ x1 + x2 + country + field + x1:field");

    [Fact]
    public void Ols_MatchesRLm_OnCategoricalModelWithInteraction()
    {
        // Arrange
        var expected = RReference.Coefficients("lm_a_coef.csv");
        var summary = RReference.Summary("lm_a_summary.csv");

        // Act
        var fit = Ols.Fit(RReference.SurveyData, ModelA);

        // Assert
        Assert.Equal(expected.Keys, fit.Coefficients.Select(c => c.Term));
        foreach (var c in fit.Coefficients)
        {
            RReference.AssertRow(expected[c.Term], c.Term, Digits,
                ("estimate", c.Estimate), ("se", c.StandardError), ("statistic", c.Statistic), ("p", c.PValue),
                ("ci_low", c.ConfidenceLower), ("ci_high", c.ConfidenceUpper));
        }

        Assert.Equal((int)summary.Number("n"), fit.N);
        Assert.Equal((int)summary.Number("dropped_rows"), fit.DroppedRows);
        Assert.Equal((int)summary.Number("df_residual"), fit.DfResidual);
        Assert.Equal((int)summary.Number("f_df1"), fit.DfModel);
        Precision.AssertDigits(summary.Number("r_squared"), fit.RSquared, Digits, "R²");
        Precision.AssertDigits(summary.Number("adj_r_squared"), fit.AdjustedRSquared, Digits, "adjusted R²");
        Precision.AssertDigits(summary.Number("sigma"), fit.Sigma, Digits, "sigma");
        Precision.AssertDigits(summary.Number("rss"), fit.ResidualSumOfSquares, Digits, "RSS");
        Precision.AssertDigits(summary.Number("f"), fit.FStatistic!.Value, Digits, "F");
        Precision.AssertDigits(summary.Number("f_p"), fit.FPValue!.Value, Digits, "p of F");
    }

    [Theory]
    [InlineData(CovarianceType.HC0, "se_hc0")]
    [InlineData(CovarianceType.HC1, "se_hc1")]
    [InlineData(CovarianceType.HC2, "se_hc2")]
    [InlineData(CovarianceType.HC3, "se_hc3")]
    public void Ols_MatchesSandwichVcovHC_ForEachType(CovarianceType type, string column)
    {
        // Arrange
        var expected = RReference.Coefficients("lm_a_coef.csv");
        var df = (int)RReference.Summary("lm_a_summary.csv").Number("df_residual");

        // Act
        var fit = Ols.Fit(RReference.SurveyData, ModelA, type);

        // Assert: robust SEs, and t and p with the residual df as lmtest::coeftest computes them.
        Assert.Equal(type, fit.CovarianceType);
        foreach (var c in fit.Coefficients)
        {
            var se = expected[c.Term][column];
            Precision.AssertDigits(se, c.StandardError, Digits, $"{c.Term} {type} SE");
            Precision.AssertDigits(expected[c.Term]["estimate"] / se, c.Statistic, Digits, $"{c.Term} {type} t");
            var p = MathNet.Numerics.SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + (c.Statistic * c.Statistic)));
            Precision.AssertDigits(p, c.PValue, Digits, $"{c.Term} {type} p");
        }
    }

    [Fact]
    public void Ols_MatchesRResidualsFittedAndHatValues_ForHC3()
    {
        // Arrange
        var expected = RReference.Columns("lm_a_residuals.csv");

        // Act
        var fit = Ols.Fit(RReference.SurveyData, ModelA, CovarianceType.HC3);

        // Assert
        Assert.Equal(expected[0].Length, fit.N);
        for (var i = 0; i < fit.N; i++)
        {
            Precision.AssertDigits(expected[0][i], fit.Residuals[i], 9, $"residual {i}");
            Precision.AssertDigits(expected[1][i], fit.Fitted[i], Digits, $"fitted {i}");
            Precision.AssertDigits(expected[2][i], fit.Leverage![i], Digits, $"leverage {i}");
        }
    }

    [Fact]
    public void Ols_MatchesSandwichVcovCL_ForClusterRobustHC1()
    {
        // Arrange
        var expected = RReference.Coefficients("lm_cluster_coef.csv");
        var summary = RReference.Summary("lm_cluster_summary.csv");
        var vcov = RReference.Columns("lm_cluster_vcov.csv");

        // Act
        var fit = Ols.Fit(RReference.SurveyData, ModelA, CovarianceType.Cluster, "cluster");

        // Assert
        Assert.Equal((int)summary.Number("n"), fit.N);
        Assert.Equal((int)summary.Number("clusters"), fit.ClusterCount);
        foreach (var c in fit.Coefficients)
        {
            Precision.AssertDigits(expected[c.Term]["estimate"], c.Estimate, Digits, $"{c.Term} estimate");
            Precision.AssertDigits(expected[c.Term]["se_cl"], c.StandardError, Digits, $"{c.Term} cluster SE");
        }

        // Off-diagonal elements arise from cancellation: compare them on the scale of √(V_ii V_jj).
        var k = fit.Coefficients.Count;
        for (var m = 0; m < vcov[0].Length; m++)
        {
            var (i, j) = ((int)vcov[0][m] - 1, (int)vcov[1][m] - 1);
            var scale = Math.Sqrt(vcov[2][(i * k) + i] * vcov[2][(j * k) + j]);
            Assert.True(Math.Abs(vcov[2][m] - fit.Covariance[i, j]) <= 1e-10 * scale, $"cluster covariance [{i},{j}]: R {vcov[2][m]:R}, got {fit.Covariance[i, j]:R}");
        }
    }

    [Fact]
    public void Ols_MatchesRLm_OnNumericAndCategoricalInteractions()
    {
        // Arrange
        var expected = RReference.Coefficients("lm_b_coef.csv");
        var summary = RReference.Summary("lm_b_summary.csv");

        // Act
        var fit = Ols.Fit(RReference.SurveyData, ModelSpecification.Parse("y ~ x1 * x2 + country * field"), CovarianceType.HC3);

        // Assert
        Assert.Equal(expected.Keys, fit.Coefficients.Select(c => c.Term));
        foreach (var c in fit.Coefficients)
        {
            Precision.AssertDigits(expected[c.Term]["estimate"], c.Estimate, Digits, $"{c.Term} estimate");
            Precision.AssertDigits(expected[c.Term]["se_hc3"], c.StandardError, Digits, $"{c.Term} HC3 SE");
        }

        Precision.AssertDigits(summary.Number("r_squared"), fit.RSquared, Digits, "R²");
        Precision.AssertDigits(summary.Number("f"), fit.FStatistic!.Value, Digits, "F");
    }

    [Fact]
    public void Ols_ReportsUncentredRSquaredAndF_WithoutIntercept()
    {
        // Arrange
        var expected = RReference.Coefficients("lm_noint_coef.csv");
        var summary = RReference.Summary("lm_noint_summary.csv");

        // Act
        var fit = Ols.Fit(RReference.SurveyData, ModelSpecification.Parse("y ~ 0 + x1 + x2"));

        // Assert
        Assert.False(fit.HasIntercept);
        foreach (var c in fit.Coefficients)
        {
            Precision.AssertDigits(expected[c.Term]["estimate"], c.Estimate, Digits, $"{c.Term} estimate");
            Precision.AssertDigits(expected[c.Term]["se"], c.StandardError, Digits, $"{c.Term} SE");
        }

        Assert.Equal((int)summary.Number("f_df1"), fit.DfModel);
        Precision.AssertDigits(summary.Number("r_squared"), fit.RSquared, Digits, "uncentred R²");
        Precision.AssertDigits(summary.Number("adj_r_squared"), fit.AdjustedRSquared, Digits, "adjusted R²");
        Precision.AssertDigits(summary.Number("f"), fit.FStatistic!.Value, Digits, "uncentred F");
    }

    [Fact]
    public void Ols_DropsAliasedColumnByName_WhenDesignIsCollinear()
    {
        // Arrange: x3 = x1 + 2 x2, for which R reports NA.
        var data = RReference.LoadData("collinear.csv", ["y", "x1", "x2", "x3"], []);
        var expected = RReference.Coefficients("collinear_coef.csv");
        var summary = RReference.Summary("collinear_summary.csv");

        // Act
        var fit = Ols.Fit(data, ModelSpecification.Parse("y ~ x1 + x2 + x3"));

        // Assert
        Assert.Equal(summary["aliased"].Split(';'), fit.Dropped);
        Assert.Equal(expected.Keys, fit.Coefficients.Select(c => c.Term));
        Assert.Equal((int)summary.Number("df_residual"), fit.DfResidual);
        foreach (var c in fit.Coefficients)
        {
            Precision.AssertDigits(expected[c.Term]["estimate"], c.Estimate, Digits, $"{c.Term} estimate");
            Precision.AssertDigits(expected[c.Term]["se"], c.StandardError, Digits, $"{c.Term} SE");
        }

        Precision.AssertDigits(summary.Number("r_squared"), fit.RSquared, Digits, "R²");
    }
}
