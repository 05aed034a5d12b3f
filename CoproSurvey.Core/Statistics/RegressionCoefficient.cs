using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// One estimated coefficient of a linear model with its inference: <see cref="Statistic"/> = estimate / SE, the
/// two-sided p-value from Student's t with the residual degrees of freedom, and the 95% confidence interval
/// estimate ± t(0.975, df) · SE. With a robust covariance the same residual df is used (as <c>lmtest::coeftest</c> does).
/// </summary>
/// <param name="Term">Column name as R names it (<c>(Intercept)</c>, <c>x1</c>, <c>countryDE</c>, <c>x1:x2</c>).</param>
/// <param name="Estimate">The least-squares estimate.</param>
/// <param name="StandardError">Square root of the diagonal element of the chosen covariance.</param>
/// <param name="Statistic">t = Estimate / StandardError (infinite when the SE is 0 and the estimate is not).</param>
/// <param name="PValue">Two-sided p-value, P(|T| ≥ |t|).</param>
/// <param name="ConfidenceLower">Lower end of the 95% confidence interval.</param>
/// <param name="ConfidenceUpper">Upper end of the 95% confidence interval.</param>
public sealed record RegressionCoefficient(
    string Term, double Estimate, double StandardError, double Statistic, double PValue, double ConfidenceLower, double ConfidenceUpper);

/// <summary>Which covariance matrix the standard errors of an OLS fit come from.</summary>
public enum CovarianceType
{
    /// <summary>σ² (X'X)⁻¹, σ² = RSS / (n − k).</summary>
    Classical,

    /// <summary>White's estimator, (X'X)⁻¹ X' diag(e²) X (X'X)⁻¹ (sandwich::vcovHC type "HC0").</summary>
    HC0,

    /// <summary>HC0 · n / (n − k) (sandwich "HC1", Stata's robust).</summary>
    HC1,

    /// <summary>Weights e² / (1 − h) with h the leverage (sandwich "HC2").</summary>
    HC2,

    /// <summary>Weights e² / (1 − h)² (sandwich "HC3", the default of vcovHC).</summary>
    HC3,

    /// <summary>
    /// Cluster-robust: G/(G − 1) · (n − 1)/(n − k) · (X'X)⁻¹ Σ_g X_g'e_g e_g'X_g (X'X)⁻¹, as sandwich::vcovCL with
    /// type = "HC1" and cadjust = TRUE; rows whose cluster is missing are deleted listwise.
    /// </summary>
    Cluster,
}

/// <summary>Distribution helpers shared by the regression code (MathNet.Numerics underneath).</summary>
internal static class RegressionMath
{
    /// <summary>The 0.975 quantile of the standard normal (the "1.96" of Wald intervals).</summary>
    public const double Z975 = 1.959963984540054;

    /// <summary>Two-sided p-value of t with df degrees of freedom, computed without cancellation for small p.</summary>
    public static double TwoSidedT(double t, double df)
    {
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        // P(|T| > |t|) = I_{df / (df + t²)}(df/2, 1/2).
        return SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
    }

    /// <summary>Two-sided p-value of a standard normal z.</summary>
    public static double TwoSidedZ(double z) => double.IsInfinity(z) ? 0 : 2 * Normal.CDF(0, 1, -Math.Abs(z));

    /// <summary>Upper tail P(F > f) of Fisher's F(df1, df2).</summary>
    public static double UpperF(double f, double df1, double df2) =>
        double.IsPositiveInfinity(f) ? 0 : SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + (df1 * f)));

    /// <summary>The p quantile of Student's t, polished by Newton steps on the CDF.</summary>
    public static double TQuantile(double p, double df)
    {
        var x = StudentT.InvCDF(0, 1, df, p);
        for (var i = 0; i < 3; i++)
        {
            var pdf = StudentT.PDF(0, 1, df, x);
            var upper = 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (x * x)));
            var cdf = x >= 0 ? 1 - upper : upper;
            var step = (cdf - p) / pdf;
            x -= step;
            if (Math.Abs(step) <= 1e-16 * Math.Abs(x))
            {
                break;
            }
        }

        return x;
    }
}
