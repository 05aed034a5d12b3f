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

        var columns = new Variable[k];
        for (var v = 0; v < k; v++)
        {
            columns[v] = new Variable(variables[v], names[v], method);
        }

        // Every pair is independent of the others: a matrix of many scales over a large study is computed on every core.
        var indices = new List<(int I, int J)>(k * (k - 1) / 2);
        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                indices.Add((i, j));
            }
        }

        var computed = new CorrelationPair[indices.Count];
        Parallel.For(0, indices.Count, p =>
        {
            var (i, j) = indices[p];
            computed[p] = Pair(columns[i], columns[j], i, j, method);
        });
        var pairs = computed.ToList();
        var diagonal = Enumerable.Range(0, k).Select(i => Pair(columns[i], columns[i], i, i, method) with { T = null, Df = null, P = null }).ToList();
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

        var pair = Pair(new Variable(x, "x", method), new Variable(y, "y", method), 0, 1, method);
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

    /// <summary>
    /// A variable read once for all its pairs: its values (NaN where missing), one bit per row where it is present, and
    /// for Spearman its present rows in the order of their values, so that a pair ranks its rows by walking that order
    /// instead of sorting them again.
    /// </summary>
    private sealed class Variable
    {
        public Variable(IReadOnlyList<double?> values, string name, CorrelationMethod method)
        {
            Name = name;
            Values = values is NumericColumn numeric ? numeric.Values : values.Select(v => v ?? double.NaN).ToArray();
            Present = new ulong[(Values.Length + 63) / 64];
            var count = 0;
            for (var row = 0; row < Values.Length; row++)
            {
                if (double.IsInfinity(Values[row]))
                {
                    Samples.Finite(Values[row], $"Correlation, variable '{name}'", row);
                }

                if (!double.IsNaN(Values[row]))
                {
                    Present[row / 64] |= 1UL << (row % 64);
                    count++;
                }
            }

            if (method == CorrelationMethod.Spearman)
            {
                var keys = new double[count];
                Order = new int[count];
                for (int row = 0, c = 0; row < Values.Length; row++)
                {
                    if (!double.IsNaN(Values[row]))
                    {
                        (keys[c], Order[c]) = (Values[row], row);
                        c++;
                    }
                }

                Array.Sort(keys, Order);
            }
        }

        public string Name { get; }

        public double[] Values { get; }

        public ulong[] Present { get; }

        public int[]? Order { get; }

        /// <summary>
        /// Average ranks 1..n of this variable among the rows where <paramref name="other"/> is present too, written to
        /// <paramref name="ranks"/> at each such row (as <see cref="Samples.AverageRanks"/> ranks those rows' values).
        /// </summary>
        public void RankWithin(ulong[] other, double[] ranks)
        {
            var order = Order!;
            var position = 0;
            var start = 0;
            while (start < order.Length)
            {
                var end = start;
                while (end + 1 < order.Length && Values[order[end + 1]] == Values[order[start]])
                {
                    end++;
                }

                var tied = 0;
                for (var i = start; i <= end; i++)
                {
                    tied += IsSet(other, order[i]) ? 1 : 0;
                }

                var rank = (position + position + tied - 1) / 2.0 + 1;
                for (var i = start; i <= end; i++)
                {
                    if (IsSet(other, order[i]))
                    {
                        ranks[order[i]] = rank;
                    }
                }

                position += tied;
                start = end + 1;
            }
        }

        private static bool IsSet(ulong[] bits, int row) => (bits[row / 64] & (1UL << (row % 64))) != 0;
    }

    private static CorrelationPair Pair(Variable x, Variable y, int i, int j, CorrelationMethod method)
    {
        var (nameX, nameY) = (x.Name, y.Name);
        var both = new ulong[x.Present.Length];
        var n = 0;
        for (var w = 0; w < both.Length; w++)
        {
            both[w] = x.Present[w] & y.Present[w];
            n += System.Numerics.BitOperations.PopCount(both[w]);
        }

        if (n < 3)
        {
            return new CorrelationPair(i, j, n, null, null, null, null, string.Create(
                CultureInfo.InvariantCulture,
                $"A correlation test needs at least 3 complete pairs; '{nameX}' and '{nameY}' have {n} of {x.Values.Length} rows complete."));
        }

        // Pooled buffers: a large study's pairs would otherwise allocate large arrays by the hundred for every matrix.
        var pool = System.Buffers.ArrayPool<double>.Shared;
        double[] a = pool.Rent(n), b = pool.Rent(n);
        double[]? xRanks = null, yRanks = null;
        try
        {
            double[] xs = x.Values, ys = y.Values;
            if (method == CorrelationMethod.Spearman)
            {
                xs = xRanks = pool.Rent(x.Values.Length);
                ys = yRanks = pool.Rent(y.Values.Length);
                x.RankWithin(both, xs);
                y.RankWithin(both, ys);
            }

            // The rows where both are present, in row order.
            for (int w = 0, c = 0; w < both.Length; w++)
            {
                for (var bits = both[w]; bits != 0; bits &= bits - 1)
                {
                    var row = (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    (a[c], b[c]) = (xs[row], ys[row]);
                    c++;
                }
            }

            return Coefficient(a.AsSpan(0, n), b.AsSpan(0, n), i, j, nameX, nameY);
        }
        finally
        {
            pool.Return(a);
            pool.Return(b);
            if (xRanks is not null)
            {
                pool.Return(xRanks);
                pool.Return(yRanks!);
            }
        }
    }

    /// <summary>Pearson's r of complete pairs (values, or their ranks for Spearman) and its t test.</summary>
    private static CorrelationPair Coefficient(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int i, int j, string nameX, string nameY)
    {
        var n = a.Length;
        // One pass for both sums and one for the three sums of deviations: the same sums as Samples' Mean,
        // SumSquaredDeviations and SumCrossDeviations, taken together (each deviation once), so the same results.
        DoubleDouble suma = DoubleDouble.Zero, sumb = DoubleDouble.Zero;
        for (var row = 0; row < n; row++)
        {
            suma += a[row];
            sumb += b[row];
        }

        DoubleDouble ma = suma / n, mb = sumb / n;
        DoubleDouble ssa = DoubleDouble.Zero, ssb = DoubleDouble.Zero, sxy = DoubleDouble.Zero, da = DoubleDouble.Zero, db = DoubleDouble.Zero;
        for (var row = 0; row < n; row++)
        {
            var dx = (DoubleDouble)a[row] - ma;
            var dy = (DoubleDouble)b[row] - mb;
            ssa += dx * dx;
            ssb += dy * dy;
            sxy += dx * dy;
            da += dx;
            db += dy;
        }

        var saa = (ssa - da * da / n).Value;
        var sbb = (ssb - db * db / n).Value;
        foreach (var (ss, name) in new[] { (saa, nameX), (sbb, nameY) })
        {
            if (!(ss > 0))
            {
                return new CorrelationPair(i, j, n, null, null, null, null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"'{name}' is constant over the {n} rows where '{nameX}' and '{nameY}' are both present, so their correlation is undefined."));
            }
        }

        var sab = (sxy - da * db / n).Value;
        // One square root of the product keeps r exactly ±1 for exactly linear data (survey values cannot overflow it).
        var r = Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1);
        var df = n - 2;
        var t = Math.Abs(r) == 1 ? Math.CopySign(double.PositiveInfinity, r) : r * Math.Sqrt(df / ((1 - r) * (1 + r)));
        return new CorrelationPair(i, j, n, r, double.IsInfinity(t) ? null : t, df, Distributions.StudentTTwoTailed(t, df), null);
    }
}
