namespace CoproSurvey.Core.Statistics;

/// <summary>
/// One coefficient of a binary logistic regression: Wald z = estimate / SE with its two-sided normal p-value, and the
/// odds ratio exp(estimate) with the 95% Wald interval exp(estimate ± 1.96 · SE), 1.96 being the 0.975 normal quantile
/// (R's <c>exp(confint.default(fit))</c>).
/// </summary>
/// <param name="Term">Column name as R names it.</param>
/// <param name="Estimate">Log-odds coefficient.</param>
/// <param name="StandardError">Square root of the diagonal of the inverse Fisher information at the estimate.</param>
/// <param name="Z">Wald statistic Estimate / StandardError.</param>
/// <param name="PValue">Two-sided p-value from the standard normal.</param>
/// <param name="OddsRatio">exp(Estimate).</param>
/// <param name="OddsRatioLower">exp(Estimate − 1.96 · SE).</param>
/// <param name="OddsRatioUpper">exp(Estimate + 1.96 · SE).</param>
public sealed record LogisticCoefficient(
    string Term, double Estimate, double StandardError, double Z, double PValue, double OddsRatio, double OddsRatioLower, double OddsRatioUpper);

/// <summary>
/// The result of a binary logistic regression (see <see cref="LogisticRegression"/>); matrices are in the order of
/// <see cref="Coefficients"/>.
/// </summary>
/// <param name="Response">Name of the 0/1 response.</param>
/// <param name="Coefficients">Estimates in design-column order, aliased columns left out.</param>
/// <param name="Dropped">Aliased design columns (R's NA coefficients).</param>
/// <param name="N">Complete cases used.</param>
/// <param name="DroppedRows">Source rows deleted listwise for missing values.</param>
/// <param name="LogLikelihood">Maximised log-likelihood (= −ResidualDeviance / 2 for 0/1 data).</param>
/// <param name="NullDeviance">Deviance of the intercept-only model (of p = 0.5 without an intercept), as R's glm.</param>
/// <param name="ResidualDeviance">−2 · LogLikelihood.</param>
/// <param name="DfNull">n − 1 with an intercept, n without.</param>
/// <param name="DfResidual">n − k.</param>
/// <param name="Aic">ResidualDeviance + 2k.</param>
/// <param name="McFaddenRSquared">1 − ResidualDeviance / NullDeviance (= 1 − LL / LL₀).</param>
/// <param name="Iterations">IRLS iterations until the relative deviance change fell below 1e-10 and the coefficients moved by less than 1e-8 relative.</param>
/// <param name="Warnings">Diagnostics that do not prevent an estimate, e.g. quasi-complete separation.</param>
/// <param name="FittedProbabilities">Fitted P(y = 1) per complete case.</param>
/// <param name="Covariance">Inverse Fisher information (X'WX)⁻¹ at the estimate.</param>
public sealed record LogisticResult(
    string Response,
    IReadOnlyList<LogisticCoefficient> Coefficients,
    IReadOnlyList<string> Dropped,
    int N,
    int DroppedRows,
    double LogLikelihood,
    double NullDeviance,
    double ResidualDeviance,
    int DfNull,
    int DfResidual,
    double Aic,
    double McFaddenRSquared,
    int Iterations,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<double> FittedProbabilities,
    double[,] Covariance)
{
    /// <summary>The coefficient of the named term.</summary>
    /// <exception cref="KeyNotFoundException">No estimated coefficient has that name.</exception>
    public LogisticCoefficient this[string term] =>
        Coefficients.FirstOrDefault(c => c.Term == term)
        ?? throw new KeyNotFoundException($"No coefficient '{term}' (terms: {string.Join(", ", Coefficients.Select(c => c.Term))}).");
}

/// <summary>
/// Binary logistic regression (logit link) by iteratively reweighted least squares, each step a pivoted Householder QR
/// of the weighted, column-scaled design (R's glm.fit, with the tighter convergence criteria 1e-10 on the relative
/// deviance change and 1e-8 on the relative change of the coefficients, and at most 100 iterations). Separation is diagnosed: complete separation (every case fitted
/// at probability 0 or 1) raises <see cref="ConvergenceException"/> naming the terms whose coefficients diverge;
/// quasi-complete separation (some cases fitted at 0 or 1) gives a warning in <see cref="LogisticResult.Warnings"/>.
/// </summary>
public static class LogisticRegression
{
    private const int MaxIterations = 100;
    private const double Epsilon = 1e-10;

    // glm.fit's tolerance for aliasing, min(1e-7, epsilon / 1000) at its default epsilon: small weights on separated
    // cases must not make a column look aliased.
    private const double AliasTolerance = 1e-11;

    // R's logit_linkinv clamps exp(eta) to [eps, 1/eps].
    private const double MachineEpsilon = 2.220446049250313e-16;
    private static readonly double Threshold = -Math.Log(MachineEpsilon);

    /// <summary>Builds the design (listwise deletion) and fits it.</summary>
    /// <exception cref="ArgumentException">Unknown variables, or a response value other than 0 and 1 (named with its row).</exception>
    /// <exception cref="InsufficientDataException">n ≤ number of design columns.</exception>
    /// <exception cref="ConstantVariableException">The response is all 0 or all 1, or a categorical predictor has one level.</exception>
    /// <exception cref="ConvergenceException">Complete separation, or no convergence in 100 iterations.</exception>
    public static LogisticResult Fit(AnalysisData data, ModelSpecification model) => Fit(DesignMatrix.Build(data, model));

    /// <summary>Fits the 0/1 response of <paramref name="design"/> on its columns.</summary>
    /// <exception cref="ArgumentException">A response value other than 0 and 1 (named with its row in the source data).</exception>
    /// <exception cref="InsufficientDataException">n ≤ number of design columns.</exception>
    /// <exception cref="ConstantVariableException">The response is all 0 or all 1.</exception>
    /// <exception cref="ConvergenceException">Complete separation, or no convergence in 100 iterations.</exception>
    public static LogisticResult Fit(DesignMatrix design)
    {
        var n = design.Rows;
        var p = design.Columns;
        var y = design.ResponseArray;
        for (var i = 0; i < n; i++)
        {
            if (y[i] is not (0.0 or 1.0))
            {
                throw new ArgumentException(
                    $"Logistic regression needs a 0/1 response: '{design.ResponseName}' is {ModelSpecification.Format(y[i])} in row {design.RowIndices[i] + 1}.");
            }
        }

        if (n <= p)
        {
            throw new InsufficientDataException($"Logistic regression needs more complete cases than coefficients: {n} cases, {p} coefficients.", n, p + 1);
        }

        if (!y.AsSpan().ContainsAnyExcept(y[0]))
        {
            throw new ConstantVariableException(
                $"The response '{design.ResponseName}' is {ModelSpecification.Format(y[0])} in all {n} complete cases.", design.ResponseName);
        }

        var scale = new double[p];
        for (var j = 0; j < p; j++)
        {
            var norm = Math.Sqrt(QrDecomposition.Dot(design.Column(j), design.Column(j)));
            scale[j] = norm == 0 ? 1 : norm;
        }

        var mu = y.Select(v => (v + 0.5) / 2).ToArray();
        var eta = mu.Select(m => Math.Log(m / (1 - m))).ToArray();
        var deviance = Deviance(y, mu);
        var history = new List<double[]>();
        QrDecomposition? qr = null;
        double[] beta = [];
        var iterations = 0;
        var converged = false;
        while (iterations < MaxIterations && !converged)
        {
            iterations++;
            qr = WeightedFactor(design, scale, mu, out var sqrtW);
            var z = new double[n];
            for (var i = 0; i < n; i++)
            {
                z[i] = sqrtW[i] * (eta[i] + ((y[i] - mu[i]) / (mu[i] * (1 - mu[i]))));
            }

            qr.ApplyQt(z);
            var solution = z.AsSpan(0, qr.Rank).ToArray();
            qr.SolveR(solution);
            beta = new double[p];
            for (var k = 0; k < qr.Rank; k++)
            {
                beta[qr.Pivot[k]] = solution[k] / scale[qr.Pivot[k]];
            }

            history.Add(beta);
            for (var i = 0; i < n; i++)
            {
                double s = 0;
                for (var j = 0; j < p; j++)
                {
                    s += design[i, j] * beta[j];
                }

                eta[i] = s;
                mu[i] = LinkInverse(s);
            }

            var previous = deviance;
            deviance = Deviance(y, mu);
            var devianceConverged = Math.Abs(deviance - previous) / (Math.Abs(deviance) + 0.1) < Epsilon;

            // The deviance is quadratic in the error of the coefficients: also wait for the coefficients to settle,
            // unless fitted probabilities sit on the boundary (separation), where some never do.
            var coefficientsConverged = history.Count > 1 && history[^2].Zip(beta, (a, b) => Math.Abs(b - a) / Math.Max(1, Math.Abs(b))).Max() < 1e-8;
            converged = devianceConverged && (coefficientsConverged || mu.Any(OnBoundary));
        }

        var kept = Enumerable.Range(0, qr!.Rank).Select(k => qr.Pivot[k]).Order().ToArray();
        var diverging = Diverging(history, kept, design);
        var maxError = y.Select((v, i) => Math.Abs(v - mu[i])).Max();
        if (maxError < 1e-6)
        {
            throw new ConvergenceException(
                $"Complete separation: {DescribeTerms(diverging)} separate(s) the outcome '{design.ResponseName}' perfectly, so the estimates are infinite ({n} cases).");
        }

        if (!converged)
        {
            throw new ConvergenceException($"Logistic regression did not converge in {MaxIterations} iterations ({n} cases, {p} coefficients).");
        }

        var warnings = new List<string>();
        var boundary = mu.Count(OnBoundary);
        if (boundary > 0)
        {
            warnings.Add(
                $"Quasi-complete separation: fitted probabilities numerically 0 or 1 for {boundary} of {n} cases; the estimates of {DescribeTerms(diverging)} are not finite.");
        }

        return Summarise(design, scale, y, mu, beta, kept, qr, deviance, iterations, warnings);
    }

    private static LogisticResult Summarise(DesignMatrix design, double[] scale, double[] y, double[] mu, double[] beta, int[] kept,
        QrDecomposition iterationQr, double deviance, int iterations, List<string> warnings)
    {
        var n = design.Rows;
        var qr = WeightedFactor(design, scale, mu, out _);
        var inverse = qr.InverseCrossProduct();
        var r = qr.Rank;
        var position = new int[design.Columns];
        for (var k = 0; k < r; k++)
        {
            position[qr.Pivot[k]] = k;
        }

        var cov = new double[kept.Length, kept.Length];
        for (var a = 0; a < kept.Length; a++)
        {
            for (var b = 0; b < kept.Length; b++)
            {
                cov[a, b] = inverse[(position[kept[a]] * r) + position[kept[b]]] / (scale[kept[a]] * scale[kept[b]]);
            }
        }

        var coefficients = kept.Select((j, a) =>
        {
            var se = Math.Sqrt(cov[a, a]);
            var z = beta[j] / se;
            return new LogisticCoefficient(design.ColumnNames[j], beta[j], se, z, Distributions.NormalTwoTailed(z), Math.Exp(beta[j]),
                Math.Exp(beta[j] - (Distributions.Z975 * se)), Math.Exp(beta[j] + (Distributions.Z975 * se)));
        }).ToList();

        var offset = design.HasIntercept ? 1 : 0;
        var ybar = design.HasIntercept ? y.Average() : 0.5;
        var nullDeviance = Deviance(y, Enumerable.Repeat(ybar, n).ToArray());
        var dropped = Enumerable.Range(iterationQr.Rank, design.Columns - iterationQr.Rank)
            .Select(k => iterationQr.Pivot[k]).Order().Select(j => design.ColumnNames[j]).ToList();
        return new LogisticResult(design.ResponseName, coefficients, dropped, n, design.DroppedRows, -deviance / 2, nullDeviance, deviance,
            n - offset, n - kept.Length, deviance + (2 * kept.Length), 1 - (deviance / nullDeviance), iterations, warnings, mu, cov);
    }

    private static QrDecomposition WeightedFactor(DesignMatrix design, double[] scale, double[] mu, out double[] sqrtW)
    {
        var n = design.Rows;
        var p = design.Columns;
        sqrtW = mu.Select(m => Math.Sqrt(m * (1 - m))).ToArray();
        var a = new double[n * p];
        for (var j = 0; j < p; j++)
        {
            var x = design.Column(j);
            for (var i = 0; i < n; i++)
            {
                a[(j * n) + i] = sqrtW[i] * x[i] / scale[j];
            }
        }

        return QrDecomposition.Factor(a, n, p, AliasTolerance);
    }

    // Terms whose coefficient still moves by more than 0.1% over the last five iterations (the intercept only when
    // nothing else diverges).
    private static List<string> Diverging(List<double[]> history, int[] kept, DesignMatrix design)
    {
        if (history.Count < 6)
        {
            return [];
        }

        var last = history[^1];
        var earlier = history[^6];
        var moving = kept.Where(j => Math.Abs(last[j] - earlier[j]) > 1e-3 * Math.Max(1, Math.Abs(last[j]))).ToList();
        var named = moving.Where(j => !(design.HasIntercept && j == 0)).ToList();
        return (named.Count > 0 ? named : moving).Select(j => design.ColumnNames[j]).ToList();
    }

    private static string DescribeTerms(List<string> terms) =>
        terms.Count == 0 ? "the predictors" : string.Join(", ", terms.Select(t => $"'{t}'"));

    // R's glm.fit warns when a fitted probability is within 10 machine epsilons of 0 or 1.
    private static bool OnBoundary(double m) => m < 10 * MachineEpsilon || m > 1 - (10 * MachineEpsilon);

    private static double LinkInverse(double eta)
    {
        var t = eta < -Threshold ? MachineEpsilon : eta > Threshold ? 1 / MachineEpsilon : Math.Exp(eta);
        return t / (1 + t);
    }

    private static double Deviance(double[] y, double[] mu)
    {
        var s = DoubleDouble.Zero;
        for (var i = 0; i < y.Length; i++)
        {
            s += y[i] == 1 ? Math.Log(mu[i]) : Math.Log(1 - mu[i]);
        }

        return -2 * s.Value;
    }
}
