namespace CoproSurvey.Core.Statistics;

/// <summary>
/// Ordinary least squares by Householder QR with R's limited column pivoting (never the normal equations).
/// The predictors are centred (when there is an intercept) and scaled to unit norm before factoring; the solution is
/// then refined against the original data, with residuals and gradients accumulated in double-double, so that
/// NIST's StRD linear-regression data (Longley, Wampler) come out to near full double precision.
/// Columns aliased with earlier ones (relative norm below 1e-7, as R's <c>lm</c>) are dropped and named in
/// <see cref="OlsResult.Dropped"/>.
/// </summary>
public static class Ols
{
    private const int MaxRefinements = 4;

    /// <summary>
    /// Builds the design of <paramref name="model"/> from <paramref name="data"/> (listwise deletion) and fits it.
    /// </summary>
    /// <param name="data">The table.</param>
    /// <param name="model">Response, terms and intercept.</param>
    /// <param name="covariance">The covariance the SEs come from (classical, HC0–HC3 or cluster-robust).</param>
    /// <param name="clusterVariable">The cluster column, required for <see cref="CovarianceType.Cluster"/>; rows whose cluster is missing are deleted.</param>
    /// <exception cref="ArgumentException">Unknown variables, or a cluster covariance without a cluster variable.</exception>
    /// <exception cref="InsufficientDataException">n ≤ number of design columns, or fewer than 2 clusters.</exception>
    /// <exception cref="ConstantVariableException">The response, a numeric predictor (with an intercept) or a categorical one is constant.</exception>
    /// <exception cref="SingularMatrixException">HC2 or HC3 requested while a case has leverage 1 (R would give NaN).</exception>
    public static OlsResult Fit(AnalysisData data, ModelSpecification model, CovarianceType covariance = CovarianceType.Classical, string? clusterVariable = null)
    {
        if (covariance == CovarianceType.Cluster && clusterVariable is null)
        {
            throw new ArgumentException("A cluster-robust covariance needs a cluster variable.", nameof(clusterVariable));
        }

        return Fit(DesignMatrix.Build(data, model, covariance == CovarianceType.Cluster ? clusterVariable : null), covariance);
    }

    /// <summary>Fits y on the columns of <paramref name="design"/>.</summary>
    /// <param name="design">The design (its intercept column, if any, first).</param>
    /// <param name="covariance">The covariance the SEs come from.</param>
    /// <exception cref="ArgumentException">A cluster covariance on a design without clusters.</exception>
    /// <exception cref="InsufficientDataException">n ≤ number of design columns, or fewer than 2 clusters.</exception>
    /// <exception cref="ConstantVariableException">The response is constant, or a non-zero predictor column is constant in a model with an intercept.</exception>
    /// <exception cref="SingularMatrixException">HC2 or HC3 requested while a case has leverage 1 (R would give NaN).</exception>
    public static OlsResult Fit(DesignMatrix design, CovarianceType covariance = CovarianceType.Classical)
    {
        var n = design.Rows;
        var p = design.Columns;
        if (n <= p)
        {
            throw new InsufficientDataException($"OLS needs more complete cases than coefficients: {n} cases, {p} coefficients.", n, p + 1);
        }

        if (covariance == CovarianceType.Cluster)
        {
            if (design.Clusters is null)
            {
                throw new ArgumentException("A cluster-robust covariance needs a design built with a cluster variable.", nameof(design));
            }

            if (design.ClusterCount < 2)
            {
                throw new InsufficientDataException(
                    $"Cluster-robust standard errors need at least 2 clusters: {design.ClusterCount} cluster.", design.ClusterCount, 2);
            }
        }

        var y = design.ResponseArray;
        if (!y.AsSpan().ContainsAnyExcept(y[0]))
        {
            throw new ConstantVariableException(
                $"The response '{design.ResponseName}' is constant ({ModelSpecification.Format(y[0])}) over the {n} complete cases.", design.ResponseName);
        }

        var core = new OlsCore(design);
        return core.Fit(covariance);
    }

    /// <summary>The numerical work of one fit; see the class remarks for the coordinates it works in.</summary>
    private sealed class OlsCore
    {
        private const int Block = 512;

        private readonly DesignMatrix design;
        private readonly int n;
        private readonly int offset;
        private readonly int q;
        private readonly double[] mean;
        private readonly double[] scale;
        private readonly QrDecomposition qr;

        // u-coordinates: the intercept (if any), then the centred and scaled columns in pivot order:
        // u_k = (x_{col(k)} - mean_k) / scale_k. X_u = [1, W] and W = Q1 R.
        public OlsCore(DesignMatrix design)
        {
            this.design = design;
            n = design.Rows;
            offset = design.HasIntercept ? 1 : 0;
            q = design.Columns - offset;
            mean = new double[q];
            scale = new double[q];
            var reference = new double[q];
            var work = new double[n * q];
            for (var k = 0; k < q; k++)
            {
                var x = design.Column(k + offset);
                var target = work.AsSpan(k * n, n);
                if (!x.ContainsAnyExcept(x[0]) && x[0] != 0 && offset == 1)
                {
                    var name = design.ColumnNames[k + offset];
                    throw new ConstantVariableException(
                        $"Predictor '{name}' is constant ({ModelSpecification.Format(x[0])}) over the {n} complete cases.", name);
                }

                mean[k] = offset == 1 ? Mean(x) : 0;
                for (var i = 0; i < n; i++)
                {
                    target[i] = x[i] - mean[k];
                }

                var norm = Math.Sqrt(QrDecomposition.Dot(target, target));
                scale[k] = norm == 0 ? 1 : norm;
                reference[k] = Math.Sqrt(QrDecomposition.Dot(x, x)) / scale[k];
                for (var i = 0; i < n; i++)
                {
                    target[i] /= scale[k];
                }
            }

            qr = QrDecomposition.Factor(work, n, q, QrDecomposition.DefaultTolerance, offset == 1 ? reference : null);
        }

        private int Rank => qr.Rank;

        private int K => Rank + offset;

        // Design column of u-coordinate u (u = 0 is the intercept when there is one).
        private int DesignColumn(int u) => u < offset ? 0 : qr.Pivot[u - offset] + offset;

        public OlsResult Fit(CovarianceType covariance)
        {
            var y = design.ResponseArray;
            var r = Rank;
            var ybar = offset == 1 ? Mean(y) : 0;
            var qty = new double[n];
            for (var i = 0; i < n; i++)
            {
                qty[i] = y[i] - ybar;
            }

            qr.ApplyQt(qty);
            var c = qty.AsSpan(0, r).ToArray();
            qr.SolveR(c);

            // Coefficients in original units, indexed by u-coordinate.
            var b = new double[K];
            for (var k = 0; k < r; k++)
            {
                b[k + offset] = c[k] / scale[qr.Pivot[k]];
            }

            if (offset == 1)
            {
                b[0] = ybar;
                for (var k = 0; k < r; k++)
                {
                    b[0] -= b[k + offset] * mean[qr.Pivot[k]];
                }
            }

            var rHi = new double[n];
            var rLo = new double[n];
            for (var iteration = 0; ; iteration++)
            {
                var gradient = ResidualPass(b, rHi, rLo);
                if (iteration == MaxRefinements)
                {
                    break;
                }

                var next = Refine(b, gradient);
                if (next.AsSpan().SequenceEqual(b))
                {
                    break;
                }

                b = next;
            }

            return Summarise(b, rHi, rLo, covariance);
        }

        // One Newton step on the normal equations with the QR's R'R as Hessian (corrected seminormal equations).
        private double[] Refine(double[] b, DoubleDouble[] gradient)
        {
            var r = Rank;
            var g0 = offset == 1 ? gradient[0] : DoubleDouble.Zero;
            var step = new double[r];
            for (var k = 0; k < r; k++)
            {
                var j = qr.Pivot[k];
                var centred = gradient[k + offset] - (DoubleDouble.Product(mean[j], g0.Hi) + (mean[j] * g0.Lo));
                step[k] = centred.Value / scale[j];
            }

            qr.SolveRt(step);
            qr.SolveR(step);
            var next = (double[])b.Clone();
            var interceptStep = g0.Value / n;
            for (var k = 0; k < r; k++)
            {
                var j = qr.Pivot[k];
                var db = step[k] / scale[j];
                next[k + offset] += db;
                interceptStep -= db * mean[j];
            }

            if (offset == 1)
            {
                next[0] += interceptStep;
            }

            return next;
        }

        // r = y - X b in double-double (hi + lo per row) and the gradient X'r (per u-coordinate, uncentred).
        private DoubleDouble[] ResidualPass(double[] b, double[] rHi, double[] rLo)
        {
            var y = design.ResponseArray;
            var gradient = new DoubleDouble[K];
            for (var start = 0; start < n; start += Block)
            {
                var length = Math.Min(Block, n - start);
                var hi = rHi.AsSpan(start, length);
                var lo = rLo.AsSpan(start, length);
                y.AsSpan(start, length).CopyTo(hi);
                lo.Clear();
                for (var u = 0; u < K; u++)
                {
                    var x = design.Column(DesignColumn(u)).Slice(start, length);
                    Compensated.SubtractScaled(hi, lo, b[u], x);
                }

                Compensated.Normalise(hi, lo);
                for (var u = 0; u < K; u++)
                {
                    var x = design.Column(DesignColumn(u)).Slice(start, length);
                    gradient[u] += Compensated.Dot(x, hi, lo);
                }
            }

            return gradient;
        }

        private OlsResult Summarise(double[] b, double[] rHi, double[] rLo, CovarianceType covariance)
        {
            var y = design.ResponseArray;
            var residuals = new double[n];
            var fitted = new double[n];
            var rss = DoubleDouble.Zero;
            var tss = DoubleDouble.Zero;
            var ybar = offset == 1 ? MeanDd(y) : DoubleDouble.Zero;
            for (var i = 0; i < n; i++)
            {
                residuals[i] = rHi[i] + rLo[i];
                fitted[i] = y[i] - residuals[i];
                rss += DoubleDouble.Product(rHi[i], rHi[i]) + (2 * rHi[i] * rLo[i]);
                var d = (DoubleDouble)y[i] - ybar;
                tss += d * d;
            }

            var k = K;
            var dfResidual = n - k;
            var rssValue = rss.Value;
            var sigma2 = rssValue / dfResidual;
            var c = TransformFromOrthonormal();
            var unscaled = MultiplyTransposed(c, Identity(k), c);
            double[,] cov;
            double[]? leverage = null;
            var clusterCount = 0;
            if (covariance == CovarianceType.Classical)
            {
                cov = Scale(unscaled, sigma2);
            }
            else
            {
                var meat = RobustCovariance.Meat(this.design, covariance, residuals, OrthonormalRows, k, out leverage);
                if (covariance == CovarianceType.Cluster)
                {
                    clusterCount = design.ClusterCount;
                }

                cov = MultiplyTransposed(c, meat, c);
            }

            var tq = Distributions.StudentTUpperQuantile(0.025, dfResidual);
            var order = Enumerable.Range(0, k).OrderBy(DesignColumn).ToArray();
            var coefficients = order.Select(u =>
            {
                var se = Math.Sqrt(Math.Max(cov[u, u], 0));
                var t = se == 0 ? (b[u] == 0 ? 0 : Math.CopySign(double.PositiveInfinity, b[u])) : b[u] / se;
                return new RegressionCoefficient(
                    design.ColumnNames[DesignColumn(u)], b[u], se, t, Distributions.StudentTTwoTailed(t, dfResidual), b[u] - (tq * se), b[u] + (tq * se));
            }).ToList();

            var dropped = Enumerable.Range(Rank, q - Rank).Select(pos => qr.Pivot[pos] + offset).Order().Select(j => design.ColumnNames[j]).ToList();
            var tssValue = offset == 1 ? tss.Value : SumOfSquares(y);
            var rSquared = 1 - (rssValue / tssValue);
            var dfModel = k - offset;
            double? f = null, fp = null;
            if (dfModel > 0)
            {
                f = rssValue == 0 ? double.PositiveInfinity : (tssValue - rssValue) / dfModel / sigma2;
                fp = Distributions.FisherUpper(f.Value, dfModel, dfResidual);
            }

            return new OlsResult(
                design.ResponseName,
                coefficients,
                dropped,
                n,
                design.DroppedRows,
                dfModel,
                dfResidual,
                rSquared,
                1 - ((1 - rSquared) * (n - offset) / dfResidual),
                Math.Sqrt(sigma2),
                rssValue,
                f,
                fp,
                offset == 1,
                covariance,
                clusterCount,
                residuals,
                fitted,
                leverage,
                Reorder(cov, order),
                Reorder(unscaled, order));
        }

        /// <summary>
        /// C with b = C v for v the coefficients on the orthonormal basis [1/√n, Q1]: C = T_b · blockdiag(1/√n, R⁻¹),
        /// where T_b maps centred-scaled coefficients back to original units. (X'X)⁻¹ = C C'.
        /// </summary>
        private double[,] TransformFromOrthonormal()
        {
            var r = Rank;
            var rinv = new double[r, r];
            var column = new double[r];
            for (var j = 0; j < r; j++)
            {
                Array.Clear(column);
                column[j] = 1;
                qr.SolveR(column);
                for (var i = 0; i <= j; i++)
                {
                    rinv[i, j] = column[i];
                }
            }

            var c = new double[K, K];
            for (var a = 0; a < r; a++)
            {
                var s = scale[qr.Pivot[a]];
                for (var j = a; j < r; j++)
                {
                    c[a + offset, j + offset] = rinv[a, j] / s;
                }
            }

            if (offset == 1)
            {
                c[0, 0] = 1 / Math.Sqrt(n);
                for (var j = 0; j < r; j++)
                {
                    double sum = 0;
                    for (var a = 0; a <= j; a++)
                    {
                        sum -= mean[qr.Pivot[a]] * c[a + 1, j + 1];
                    }

                    c[0, j + 1] = sum;
                }
            }

            return c;
        }

        /// <summary>
        /// Fills <paramref name="rows"/> (column-major, length × K) with the rows start..start+length of the orthonormal
        /// basis [1/√n, Q1], Q1 = W R⁻¹ obtained by forward substitution on the centred-scaled columns.
        /// </summary>
        private void OrthonormalRows(int start, int length, Span<double> rows)
        {
            if (offset == 1)
            {
                rows[..length].Fill(1 / Math.Sqrt(n));
            }

            for (var k = 0; k < Rank; k++)
            {
                var j = qr.Pivot[k];
                var x = design.Column(j + offset).Slice(start, length);
                var target = rows.Slice((k + offset) * length, length);
                var m = mean[j];
                var s = scale[j];
                for (var i = 0; i < length; i++)
                {
                    target[i] = (x[i] - m) / s;
                }

                for (var l = 0; l < k; l++)
                {
                    QrDecomposition.Axpy(-qr.R(l, k), rows.Slice((l + offset) * length, length), target);
                }

                var inv = 1 / qr.R(k, k);
                for (var i = 0; i < length; i++)
                {
                    target[i] *= inv;
                }
            }
        }

        private static double[,] Identity(int k)
        {
            var m = new double[k, k];
            for (var i = 0; i < k; i++)
            {
                m[i, i] = 1;
            }

            return m;
        }

        // C M C'
        private static double[,] MultiplyTransposed(double[,] c, double[,] m, double[,] ct)
        {
            var k = c.GetLength(0);
            var cm = new double[k, k];
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    double s = 0;
                    for (var a = 0; a < k; a++)
                    {
                        s += c[i, a] * m[a, j];
                    }

                    cm[i, j] = s;
                }
            }

            var result = new double[k, k];
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (var a = 0; a < k; a++)
                    {
                        s += cm[i, a] * ct[j, a];
                    }

                    result[i, j] = s;
                    result[j, i] = s;
                }
            }

            return result;
        }

        private static double[,] Scale(double[,] m, double factor)
        {
            var result = (double[,])m.Clone();
            for (var i = 0; i < m.GetLength(0); i++)
            {
                for (var j = 0; j < m.GetLength(1); j++)
                {
                    result[i, j] *= factor;
                }
            }

            return result;
        }

        private static double[,] Reorder(double[,] m, int[] order)
        {
            var result = new double[order.Length, order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                for (var j = 0; j < order.Length; j++)
                {
                    result[i, j] = m[order[i], order[j]];
                }
            }

            return result;
        }
    }

    private static double SumOfSquares(ReadOnlySpan<double> x)
    {
        var s = DoubleDouble.Zero;
        foreach (var v in x)
        {
            s += DoubleDouble.Product(v, v);
        }

        return s.Value;
    }

    private static DoubleDouble MeanDd(ReadOnlySpan<double> x)
    {
        var s = DoubleDouble.Zero;
        foreach (var v in x)
        {
            s += v;
        }

        return s / x.Length;
    }

    // The mean accumulated in double-double and rounded once, so that centred columns sum to ~0.
    private static double Mean(ReadOnlySpan<double> x) => MeanDd(x).Value;
}
