using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// The one-factor maximum-likelihood factor model of a correlation matrix R, Σ = λλ' + Ψ, fitted the way R's
/// factanal does: for given uniquenesses Ψ the best loadings come from the largest eigenpair (θ, v) of
/// Ψ^-½ R Ψ^-½ as λ = Ψ^½ v √max(θ - 1, 0); the uniquenesses minimise the ML discrepancy
/// log|Σ| + tr(Σ⁻¹R) - log|R| - p subject to 0.005 &lt;= ψ &lt;= 1. At an interior optimum the gradient
/// (λⱼ² + ψⱼ - 1)/ψⱼ² vanishes, i.e. ψ = 1 - λ², which is the fixed point iterated here.
/// </summary>
internal static class ReliabilityFactorModel
{
    private const double Lower = 0.005;
    private const int MaxIterations = 10_000;
    private const double Tolerance = 1e-13;

    public static OmegaTotal FitOneFactor(double[,] correlations)
    {
        var p = correlations.GetLength(0);
        var r = Matrix<double>.Build.DenseOfArray(correlations);
        var psi = Start(r);
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            // The plain fixed point converges linearly, slowly near a Heywood case; a SQUAREM step (Varadhan &
            // Roland 2008) extrapolates along two successive updates, then one plain update keeps it stable.
            var once = Update(r, psi);
            var twice = Update(r, once);
            var step = new double[p];
            var curvature = new double[p];
            for (var j = 0; j < p; j++)
            {
                step[j] = once[j] - psi[j];
                curvature[j] = twice[j] - 2 * once[j] + psi[j];
            }

            var normStep = Math.Sqrt(step.Sum(v => v * v));
            var normCurvature = Math.Sqrt(curvature.Sum(v => v * v));
            var alpha = normCurvature > 0 ? Math.Min(-normStep / normCurvature, -1) : -1;
            var extrapolated = Enumerable.Range(0, p)
                .Select(j => Math.Clamp(psi[j] - 2 * alpha * step[j] + alpha * alpha * curvature[j], Lower, 1))
                .ToArray();
            var next = Update(r, extrapolated);
            var change = Enumerable.Range(0, p).Max(j => Math.Abs(next[j] - psi[j]));
            psi = next;
            if (change < Tolerance && Enumerable.Range(0, p).Max(j => Math.Abs(Update(r, psi)[j] - psi[j])) < Tolerance)
            {
                var lambda = Loadings(r, psi);
                var sign = lambda.Sum() < 0 ? -1 : 1;
                var loadings = lambda.Select(l => sign * l).ToArray();
                var s = loadings.Sum();
                return new OmegaTotal(s * s / (s * s + psi.Sum()), loadings, psi, iteration);
            }
        }

        throw new ConvergenceException(string.Create(
            CultureInfo.InvariantCulture,
            $"The one-factor maximum-likelihood fit for omega did not converge in {MaxIterations} iterations ({p} items)."));
    }

    /// <summary>One fixed-point update ψ ← clamp(1 - λ(ψ)², 0.005, 1).</summary>
    private static double[] Update(Matrix<double> r, double[] psi) =>
        Loadings(r, psi).Select(l => Math.Clamp(1 - l * l, Lower, 1)).ToArray();

    /// <summary>factanal's start, (1 - 0.5/p) / diag(R⁻¹), or 0.5 where R cannot be inverted.</summary>
    private static double[] Start(Matrix<double> r)
    {
        var p = r.RowCount;
        var inverse = r.ConditionNumber() < 1e12 ? r.Inverse() : null;
        return Enumerable.Range(0, p)
            .Select(j => inverse is null ? 0.5 : Math.Clamp((1 - 0.5 / p) / inverse[j, j], Lower, 1))
            .ToArray();
    }

    private static double[] Loadings(Matrix<double> r, double[] psi)
    {
        var p = psi.Length;
        var scaled = Matrix<double>.Build.Dense(p, p, (i, j) => r[i, j] / Math.Sqrt(psi[i] * psi[j]));
        var evd = scaled.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var top = Array.IndexOf(values, values.Max());
        var scale = Math.Sqrt(Math.Max(values[top] - 1, 0));
        return Enumerable.Range(0, p).Select(j => Math.Sqrt(psi[j]) * evd.EigenVectors[j, top] * scale).ToArray();
    }
}
