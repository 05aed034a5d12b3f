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
