using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>Which correlation coefficient.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's product-moment correlation.</summary>
    Pearson,

    /// <summary>Spearman's rank correlation: Pearson's r of the ranks, ties given their average rank.</summary>
    Spearman,
}

/// <summary>
/// The correlation of one pair of variables over the rows where both are present. R and the test are null
/// (with <see cref="Note"/> saying why) when the pair has fewer than 3 complete rows or a variable is constant
/// over them.
/// </summary>
/// <param name="Row">Index of the first variable.</param>
/// <param name="Column">Index of the second variable.</param>
/// <param name="N">Rows where both are present (pairwise deletion).</param>
/// <param name="R">The coefficient, in [-1, 1].</param>
/// <param name="T">The test statistic r·√((n - 2)/(1 - r²)).</param>
/// <param name="Df">n - 2.</param>
/// <param name="P">Two-tailed p-value of T with n - 2 df (for Spearman the same t approximation, R's cor.test(exact = FALSE)).</param>
/// <param name="Note">Why R is missing, otherwise null.</param>
public sealed record CorrelationPair(int Row, int Column, int N, double? R, double? T, int? Df, double? P, string? Note);

/// <summary>A symmetric correlation matrix with pairwise n and p-values.</summary>
/// <param name="Method">Pearson or Spearman.</param>
/// <param name="Names">Variable names, in input order.</param>
/// <param name="Pairs">Every pair i &lt; j, row by row.</param>
public sealed record CorrelationMatrix(CorrelationMethod Method, IReadOnlyList<string> Names, IReadOnlyList<CorrelationPair> Pairs)
{
    /// <summary>
    /// The pair (i, j) in either order. On the diagonal: n = rows where the variable is present, r = 1 and no
    /// test (p null) unless the variable has no variance.
    /// </summary>
    public CorrelationPair this[int i, int j]
    {
        get
        {
            if (i == j)
            {
                return Diagonal[i];
            }

            var (a, b) = i < j ? (i, j) : (j, i);
            var k = Names.Count;
            return Pairs[a * k - a * (a + 1) / 2 + (b - a - 1)];
        }
    }

    /// <summary>The diagonal entries, one per variable.</summary>
    public required IReadOnlyList<CorrelationPair> Diagonal { get; init; }
}

/// <summary>Pearson and Spearman correlations with two-tailed t tests, as R's cor and cor.test.</summary>
public static class Correlation
{
    /// <summary>
    /// The correlation matrix of <paramref name="variables"/> (each one value per row, all the same length)
    /// with pairwise deletion: each pair uses the rows where both values are present (null or NaN is missing).
    /// </summary>
    /// <param name="variables">The variables, one list per variable.</param>
    /// <param name="names">Variable names (default "V1", "V2", ...).</param>
    /// <param name="method">Pearson (default) or Spearman.</param>
    public static CorrelationMatrix Matrix(
        IReadOnlyList<IReadOnlyList<double?>> variables,
        IReadOnlyList<string>? names = null,
        CorrelationMethod method = CorrelationMethod.Pearson)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var k = variables.Count;
        names ??= Enumerable.Range(1, k).Select(i => string.Create(CultureInfo.InvariantCulture, $"V{i}")).ToList();
        if (names.Count != k)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{k} variables but {names.Count} names."));
        }

        for (var v = 1; v < k; v++)
        {
            if (variables[v].Count != variables[0].Count)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Variable '{names[v]}' has {variables[v].Count} rows but '{names[0]}' has {variables[0].Count}."));
            }
        }

        var pairs = new List<CorrelationPair>();
        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                pairs.Add(Pair(variables[i], variables[j], i, j, names[i], names[j], method));
            }
        }

        var diagonal = Enumerable.Range(0, k).Select(i => Pair(variables[i], variables[i], i, i, names[i], names[i], method) with { T = null, Df = null, P = null }).ToList();
        return new CorrelationMatrix(method, names, pairs) { Diagonal = diagonal };
    }

    /// <summary>
    /// The correlation of <paramref name="x"/> and <paramref name="y"/> over the rows where both are present.
    /// </summary>
    /// <param name="x">First variable.</param>
    /// <param name="y">Second variable, same length.</param>
    /// <param name="method">Pearson (default) or Spearman.</param>
    /// <exception cref="InsufficientDataException">Fewer than 3 complete pairs.</exception>
    /// <exception cref="ConstantVariableException">A variable is constant over the complete pairs.</exception>
    public static CorrelationPair Test(IReadOnlyList<double?> x, IReadOnlyList<double?> y, CorrelationMethod method = CorrelationMethod.Pearson)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"x has {x.Count} rows but y has {y.Count}."));
        }

        var pair = Pair(x, y, 0, 1, "x", "y", method);
        if (pair.R is not null)
        {
            return pair;
        }

        if (pair.N < 3)
        {
            throw new InsufficientDataException(pair.Note!, pair.N, 3);
        }

        throw new ConstantVariableException(pair.Note!, pair.Note!.StartsWith("'x'", StringComparison.Ordinal) ? "x" : "y");
    }

    private static CorrelationPair Pair(
        IReadOnlyList<double?> x,
        IReadOnlyList<double?> y,
        int i,
        int j,
        string nameX,
        string nameY,
        CorrelationMethod method)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var row = 0; row < x.Count; row++)
        {
            if (!Samples.IsMissing(x[row]) && !Samples.IsMissing(y[row]))
            {
                xs.Add(Samples.Finite(x[row]!.Value, $"Correlation, variable '{nameX}'", row));
                ys.Add(Samples.Finite(y[row]!.Value, $"Correlation, variable '{nameY}'", row));
            }
        }

        var n = xs.Count;
        if (n < 3)
        {
            return new CorrelationPair(i, j, n, null, null, null, null, string.Create(
                CultureInfo.InvariantCulture,
                $"A correlation test needs at least 3 complete pairs; '{nameX}' and '{nameY}' have {n} of {x.Count} rows complete."));
        }

        double[] a = xs.ToArray(), b = ys.ToArray();
        if (method == CorrelationMethod.Spearman)
        {
            a = Samples.AverageRanks(a);
            b = Samples.AverageRanks(b);
        }

        var ma = Samples.Mean(a);
        var mb = Samples.Mean(b);
        var saa = Samples.SumSquaredDeviations(a, ma).Value;
        var sbb = Samples.SumSquaredDeviations(b, mb).Value;
        foreach (var (ss, name) in new[] { (saa, nameX), (sbb, nameY) })
        {
            if (!(ss > 0))
            {
                return new CorrelationPair(i, j, n, null, null, null, null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"'{name}' is constant over the {n} rows where '{nameX}' and '{nameY}' are both present, so their correlation is undefined."));
            }
        }

        var sab = Samples.SumCrossDeviations(a, ma, b, mb).Value;
        // One square root of the product keeps r exactly ±1 for exactly linear data (survey values cannot overflow it).
        var r = Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1);
        var df = n - 2;
        var t = Math.Abs(r) == 1 ? Math.CopySign(double.PositiveInfinity, r) : r * Math.Sqrt(df / ((1 - r) * (1 + r)));
        return new CorrelationPair(i, j, n, r, double.IsInfinity(t) ? null : t, df, Distributions.StudentTTwoTailed(t, df), null);
    }
}
