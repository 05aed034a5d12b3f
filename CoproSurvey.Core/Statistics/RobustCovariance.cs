namespace CoproSurvey.Core.Statistics;

/// <summary>
/// The meat of the heteroskedasticity- and cluster-robust sandwich estimators, as sandwich::vcovHC and
/// sandwich::vcovCL compute them, expressed on an orthonormal basis of the design so that no n × n matrix is formed:
/// with X = U T (U orthonormal), Cov = T⁻¹ (U' Ω U) T⁻ᵀ, and the leverages are the squared row norms of U.
/// </summary>
internal static class RobustCovariance
{
    private const int Block = 512;

    // A leverage this close to 1 leaves a residual that is rounding noise: HC2/HC3 would divide it by ~0.
    private const double LeverageOneTolerance = 1e-10;

    /// <summary>
    /// U' Ω U for the chosen estimator, including its small-sample factor: HC1 n/(n − k); cluster
    /// G/(G − 1) · (n − 1)/(n − k). Leverages are returned for HC2 and HC3.
    /// </summary>
    /// <exception cref="SingularMatrixException">HC2 or HC3 with a case of leverage 1.</exception>
    public static double[,] Meat(DesignMatrix design, CovarianceType type, double[] residuals, OrthonormalRowFiller basis, int k, out double[]? leverage)
    {
        var n = design.Rows;
        var needLeverage = type is CovarianceType.HC2 or CovarianceType.HC3;
        leverage = needLeverage ? new double[n] : null;
        var meat = new double[k, k];
        var rows = new double[Block * k];
        var weighted = new double[Block];
        double[,]? scores = type == CovarianceType.Cluster ? new double[design.ClusterCount, k] : null;
        for (var start = 0; start < n; start += Block)
        {
            var length = Math.Min(Block, n - start);
            var u = rows.AsSpan(0, length * k);
            basis(start, length, u);
            if (scores is not null)
            {
                var clusters = design.Clusters!;
                for (var a = 0; a < k; a++)
                {
                    var column = u.Slice(a * length, length);
                    for (var i = 0; i < length; i++)
                    {
                        scores[clusters[start + i], a] += residuals[start + i] * column[i];
                    }
                }

                continue;
            }

            var w = weighted.AsSpan(0, length);
            for (var i = 0; i < length; i++)
            {
                var e = residuals[start + i];
                w[i] = e * e;
            }

            if (leverage is not null)
            {
                var h = leverage.AsSpan(start, length);
                for (var a = 0; a < k; a++)
                {
                    var column = u.Slice(a * length, length);
                    for (var i = 0; i < length; i++)
                    {
                        h[i] += column[i] * column[i];
                    }
                }

                for (var i = 0; i < length; i++)
                {
                    var complement = 1 - h[i];
                    if (complement < LeverageOneTolerance)
                    {
                        throw new SingularMatrixException(
                            $"{type} standard errors are undefined: case {start + i + 1} (row {design.RowIndices[start + i] + 1} of the data) has leverage 1 " +
                            $"among {n} cases and {k} coefficients, e.g. as the only case of a category.");
                    }

                    w[i] /= type == CovarianceType.HC2 ? complement : complement * complement;
                }
            }

            AddWeightedCrossProduct(meat, u, w, length, k);
        }

        if (scores is not null)
        {
            var g = design.ClusterCount;
            for (var c = 0; c < g; c++)
            {
                for (var a = 0; a < k; a++)
                {
                    for (var b = 0; b <= a; b++)
                    {
                        meat[a, b] += scores[c, a] * scores[c, b];
                    }
                }
            }

            Symmetrise(meat, (double)g / (g - 1) * (n - 1) / (n - k));
            return meat;
        }

        Symmetrise(meat, type == CovarianceType.HC1 ? (double)n / (n - k) : 1);
        return meat;
    }

    private static void AddWeightedCrossProduct(double[,] meat, ReadOnlySpan<double> u, ReadOnlySpan<double> w, int length, int k)
    {
        Span<double> scaled = stackalloc double[length];
        for (var a = 0; a < k; a++)
        {
            var ua = u.Slice(a * length, length);
            for (var i = 0; i < length; i++)
            {
                scaled[i] = ua[i] * w[i];
            }

            for (var b = 0; b <= a; b++)
            {
                meat[a, b] += QrDecomposition.Dot(scaled, u.Slice(b * length, length));
            }
        }
    }

    private static void Symmetrise(double[,] lowerTriangle, double factor)
    {
        var k = lowerTriangle.GetLength(0);
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                lowerTriangle[a, b] *= factor;
                lowerTriangle[b, a] = lowerTriangle[a, b];
            }
        }
    }
}
