using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>Statistics of one item of a scale, over the complete cases.</summary>
/// <param name="Name">The item name.</param>
/// <param name="Mean">Item mean.</param>
/// <param name="StandardDeviation">Item SD (n - 1).</param>
/// <param name="CorrectedItemTotalCorrelation">Pearson r of the item with the sum of the other items (psych's r.drop, SPSS's corrected item-total correlation).</param>
/// <param name="AlphaIfDeleted">Raw alpha of the scale without this item; null for a scale of 2 items.</param>
public sealed record ItemStatistics(string Name, double Mean, double StandardDeviation, double CorrectedItemTotalCorrelation, double? AlphaIfDeleted);

/// <summary>
/// McDonald's omega total from a one-factor maximum-likelihood factor analysis of the item correlation matrix
/// (as R's factanal(covmat = cor(X), factors = 1)): ω = (Σλ)² / ((Σλ)² + Σψ).
/// </summary>
/// <param name="Value">Omega total.</param>
/// <param name="Loadings">Standardised loadings λ, signed so that their sum is positive.</param>
/// <param name="Uniquenesses">Uniquenesses ψ, bounded below by 0.005 as factanal does (a Heywood case sits at the bound).</param>
/// <param name="Iterations">Iterations of the fit.</param>
public sealed record OmegaTotal(double Value, IReadOnlyList<double> Loadings, IReadOnlyList<double> Uniquenesses, int Iterations);

/// <summary>Internal consistency of a scale, computed over the complete cases (listwise deletion).</summary>
/// <param name="Items">Per-item statistics, in input order.</param>
/// <param name="Rows">Rows in the input.</param>
/// <param name="CompleteCases">Rows with every item present, the n of every statistic here.</param>
/// <param name="Alpha">Cronbach's alpha from the covariance matrix: k/(k-1)·(1 - Σ var / var of the sum).</param>
/// <param name="StandardizedAlpha">Alpha of the standardised items: k·r̄ / (1 + (k-1)·r̄).</param>
/// <param name="AverageInterItemCorrelation">Mean of the off-diagonal correlations, r̄.</param>
/// <param name="Omega">Omega total, or null (see <paramref name="OmegaNote"/>).</param>
/// <param name="OmegaNote">Why omega is missing, otherwise null.</param>
public sealed record ReliabilityResult(
    IReadOnlyList<ItemStatistics> Items,
    int Rows,
    int CompleteCases,
    double Alpha,
    double StandardizedAlpha,
    double AverageInterItemCorrelation,
    OmegaTotal? Omega,
    string? OmegaNote);

/// <summary>
/// Reliability of a summated scale: Cronbach's alpha, item-total statistics and McDonald's omega. Items
/// must already be scored in the same direction (reverse-keyed items recoded by the caller).
/// </summary>
public static class Reliability
{
    /// <summary>
    /// Analyses the scale formed by <paramref name="items"/> (one list per item, one value per row, all the
    /// same length). Rows with any missing item (null or NaN) are dropped (listwise) and counted.
    /// </summary>
    /// <param name="items">The item scores.</param>
    /// <param name="names">Item names (default "item1", "item2", ...).</param>
    /// <exception cref="InsufficientDataException">Fewer than 2 items or fewer than 2 complete cases.</exception>
    /// <exception cref="ConstantVariableException">An item, or the sum score, is constant over the complete cases.</exception>
    /// <exception cref="ConvergenceException">The one-factor fit for omega did not converge.</exception>
    public static ReliabilityResult Analyze(IReadOnlyList<IReadOnlyList<double?>> items, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var k = items.Count;
        names ??= Enumerable.Range(1, k).Select(i => string.Create(CultureInfo.InvariantCulture, $"item{i}")).ToList();
        if (names.Count != k)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{k} items but {names.Count} names."));
        }

        if (k < 2)
        {
            throw new InsufficientDataException(
                string.Create(CultureInfo.InvariantCulture, $"Cronbach's alpha needs at least 2 items; {k} given."),
                k,
                2);
        }

        var rows = items[0].Count;
        for (var j = 1; j < k; j++)
        {
            if (items[j].Count != rows)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Item '{names[j]}' has {items[j].Count} rows but '{names[0]}' has {rows}."));
            }
        }

        // Plain arrays (NaN where missing) for the row loops: the dashboards run this for every scale, audience and country.
        var columns = new double[k][];
        for (var j = 0; j < k; j++)
        {
            columns[j] = items[j] is NumericColumn numeric ? numeric.Values : items[j].Select(v => v ?? double.NaN).ToArray();
        }

        var complete = new List<int>(rows);
        for (var r = 0; r < rows; r++)
        {
            var present = true;
            for (var j = 0; j < k && present; j++)
            {
                present = !double.IsNaN(columns[j][r]);
            }

            if (present)
            {
                complete.Add(r);
            }
        }

        var n = complete.Count;
        if (n < 2)
        {
            throw new InsufficientDataException(
                string.Create(CultureInfo.InvariantCulture, $"Cronbach's alpha needs at least 2 complete cases; {n} of {rows} rows {(n == 1 ? "is" : "are")} complete."),
                n,
                2);
        }

        var x = new double[k][];
        for (var j = 0; j < k; j++)
        {
            if (n == rows && Array.TrueForAll(columns[j], double.IsFinite))
            {
                // Every row complete: the values themselves, not a copy (the dashboards pass complete cases only).
                x[j] = columns[j];
                continue;
            }

            x[j] = new double[n];
            for (var i = 0; i < n; i++)
            {
                var value = columns[j][complete[i]];
                x[j][i] = double.IsInfinity(value) ? Samples.Finite(value, $"Reliability, item '{names[j]}'", complete[i]) : value;
            }
        }
        var means = x.Select(column => Samples.Mean(column)).ToArray();
        var cross = Samples.SumCrossDeviations(x, means, n);
        var cov = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = i; j < k; j++)
            {
                cov[i, j] = cov[j, i] = (cross[i, j] / (n - 1)).Value;
            }

            if (!(cov[i, i] > 0))
            {
                throw new ConstantVariableException(
                    string.Create(CultureInfo.InvariantCulture, $"Item '{names[i]}' is constant over the {n} complete cases, so its correlations are undefined."),
                    names[i]);
            }
        }

        var all = Enumerable.Range(0, k).ToArray();
        var alpha = Alpha(cov, all) ?? throw new ConstantVariableException(
            string.Create(CultureInfo.InvariantCulture, $"The sum of the {k} items is constant over the {n} complete cases, so alpha is undefined."),
            "sum score");
        var corr = new double[k, k];
        var sumCorr = 0.0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                corr[i, j] = i == j ? 1 : cov[i, j] / (Math.Sqrt(cov[i, i]) * Math.Sqrt(cov[j, j]));
                sumCorr += corr[i, j];
            }
        }

        var rBar = (sumCorr - k) / (k * (k - 1.0));
        var itemStats = new List<ItemStatistics>(k);
        var total = all.Sum(a => all.Sum(b => cov[a, b]));
        for (var i = 0; i < k; i++)
        {
            var rowSum = Enumerable.Range(0, k).Sum(j => cov[i, j]);
            var covRest = rowSum - cov[i, i];
            var varRest = total - 2 * rowSum + cov[i, i];
            var r = varRest > 0 ? covRest / (Math.Sqrt(cov[i, i]) * Math.Sqrt(varRest)) : double.NaN;
            if (double.IsNaN(r))
            {
                throw new ConstantVariableException(
                    string.Create(CultureInfo.InvariantCulture, $"The sum of the items other than '{names[i]}' is constant over the {n} complete cases."),
                    names[i]);
            }

            var others = all.Where(j => j != i).ToArray();
            itemStats.Add(new ItemStatistics(
                names[i],
                means[i].Value,
                Math.Sqrt(cov[i, i]),
                Math.Clamp(r, -1, 1),
                others.Length >= 2 ? Alpha(cov, others) : null));
        }

        OmegaTotal? omega = null;
        string? note = null;
        if (k < 3)
        {
            note = string.Create(CultureInfo.InvariantCulture, $"Omega needs a one-factor model, identified only with at least 3 items; the scale has {k}.");
        }
        else
        {
            omega = ReliabilityFactorModel.FitOneFactor(corr);
        }

        return new ReliabilityResult(itemStats, rows, n, alpha, k * rBar / (1 + (k - 1) * rBar), rBar, omega, note);
    }

    private static double? Alpha(double[,] cov, int[] subset)
    {
        var k = subset.Length;
        var sum = DoubleDouble.Zero;
        var trace = DoubleDouble.Zero;
        foreach (var i in subset)
        {
            trace += cov[i, i];
            foreach (var j in subset)
            {
                sum += cov[i, j];
            }
        }

        if (!(sum.Value > 0))
        {
            return null;
        }

        return (k / (k - 1.0)) * (1 - (trace / sum).Value);
    }
}
