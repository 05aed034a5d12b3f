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
    private const int MaxIterations = 100_000;
    private const double Tolerance = 1e-13;

    public static OmegaTotal FitOneFactor(double[,] correlations)
    {
        var p = correlations.GetLength(0);
        var r = Matrix<double>.Build.DenseOfArray(correlations);
        var psi = Start(r);
        var lambda = Loadings(r, psi);
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var change = 0.0;
            for (var j = 0; j < p; j++)
            {
                var next = Math.Clamp(1 - lambda[j] * lambda[j], Lower, 1);
                change = Math.Max(change, Math.Abs(next - psi[j]));
                psi[j] = next;
            }

            lambda = Loadings(r, psi);
            if (change < Tolerance)
            {
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
