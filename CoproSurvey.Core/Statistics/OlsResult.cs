namespace CoproSurvey.Core.Statistics;

/// <summary>
/// The result of an ordinary least-squares fit (see <see cref="Ols"/>). Coefficients are listed in design-column
/// order; aliased columns (R's NA coefficients) are left out of <see cref="Coefficients"/> and named in
/// <see cref="Dropped"/>. Matrices are indexed in the order of <see cref="Coefficients"/>.
/// </summary>
/// <param name="Response">Name of the response.</param>
/// <param name="Coefficients">Estimates with SE, t, two-sided p and 95% CI from the chosen covariance, residual df.</param>
/// <param name="Dropped">Design columns found aliased (linearly dependent on earlier columns, R's tolerance 1e-7).</param>
/// <param name="N">Number of complete cases used.</param>
/// <param name="DroppedRows">Rows of the source data deleted listwise for missing values.</param>
/// <param name="DfModel">Model degrees of freedom: estimated coefficients less the intercept.</param>
/// <param name="DfResidual">Residual degrees of freedom n − k, k the number of estimated coefficients.</param>
/// <param name="RSquared">1 − RSS/TSS; TSS about the mean with an intercept, about zero (uncentred) without, as R.</param>
/// <param name="AdjustedRSquared">1 − (1 − R²)(n − i)/(n − k), i = 1 with an intercept, else 0.</param>
/// <param name="Sigma">Residual standard error √(RSS / (n − k)).</param>
/// <param name="ResidualSumOfSquares">RSS, accumulated in double-double.</param>
/// <param name="FStatistic">Classical overall F, ((TSS − RSS)/DfModel) / σ², uncentred without an intercept; null when DfModel is 0.
/// It uses the classical covariance whatever <see cref="CovarianceType"/> is.</param>
/// <param name="FPValue">Upper-tail p-value of F(DfModel, DfResidual); null with F.</param>
/// <param name="HasIntercept">Whether the model has an intercept.</param>
/// <param name="CovarianceType">Which covariance the SEs come from.</param>
/// <param name="ClusterCount">Number of clusters G for the cluster-robust covariance, else 0.</param>
/// <param name="Residuals">y − ŷ per complete case, in the order of the design's rows.</param>
/// <param name="Fitted">ŷ per complete case.</param>
/// <param name="Leverage">Diagonal of the hat matrix, computed for HC2 and HC3 only (else null).</param>
/// <param name="Covariance">The covariance matrix of the estimates the SEs come from.</param>
/// <param name="UnscaledCovariance">(X'X)⁻¹ over the estimated coefficients (the bread of every sandwich).</param>
public sealed record OlsResult(
    string Response,
    IReadOnlyList<RegressionCoefficient> Coefficients,
    IReadOnlyList<string> Dropped,
    int N,
    int DroppedRows,
    int DfModel,
    int DfResidual,
    double RSquared,
    double AdjustedRSquared,
    double Sigma,
    double ResidualSumOfSquares,
    double? FStatistic,
    double? FPValue,
    bool HasIntercept,
    CovarianceType CovarianceType,
    int ClusterCount,
    IReadOnlyList<double> Residuals,
    IReadOnlyList<double> Fitted,
    IReadOnlyList<double>? Leverage,
    double[,] Covariance,
    double[,] UnscaledCovariance)
{
    /// <summary>
    /// Below this many clusters the cluster-robust covariance is biased downward and its t tests reject too often
    /// (Cameron and Miller 2015, "A Practitioner's Guide to Cluster-Robust Inference", put the usual threshold at 20–50).
    /// </summary>
    public const int FewClusters = 30;

    /// <summary>
    /// Advice on reading the result, one sentence each: today that cluster-robust standard errors rest on fewer than
    /// <see cref="FewClusters"/> clusters. Empty when there is nothing to say.
    /// </summary>
    public IReadOnlyList<string> Warnings => CovarianceType == CovarianceType.Cluster && ClusterCount < FewClusters
        ?
        [
            $"Only {ClusterCount} clusters: with fewer than about {FewClusters}, cluster-robust standard errors are too small " +
            "and their p-values too optimistic; read them with care (a wild cluster bootstrap is the usual remedy).",
        ]
        : [];

    /// <summary>The coefficient of the named term.</summary>
    /// <exception cref="KeyNotFoundException">No estimated coefficient has that name (it may be in <see cref="Dropped"/>).</exception>
    public RegressionCoefficient this[string term] =>
        Coefficients.FirstOrDefault(c => c.Term == term)
        ?? throw new KeyNotFoundException(Dropped.Contains(term)
            ? $"Coefficient '{term}' was dropped as aliased."
            : $"No coefficient '{term}' (terms: {string.Join(", ", Coefficients.Select(c => c.Term))}).");
}
