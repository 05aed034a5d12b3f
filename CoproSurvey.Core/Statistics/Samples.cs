using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// How values are read and centred. A value of <c>null</c> or NaN is missing: it is excluded and counted.
/// Infinite values are rejected. Sums are double-double; sums of squared deviations are two-pass (mean first,
/// then deviations from the double-double mean, with the usual correction term for the residual sum).
/// </summary>
internal static class Samples
{
    public static bool IsMissing(double? value) => value is null || double.IsNaN(value.Value);

    /// <summary>The non-missing values, in order, and how many were missing.</summary>
    public static (double[] Values, int Missing) Complete(IReadOnlyList<double?> values, string what)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new List<double>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (IsMissing(values[i]))
            {
                continue;
            }

            result.Add(Finite(values[i]!.Value, what, i));
        }

        return (result.ToArray(), values.Count - result.Count);
    }

    public static double Finite(double value, string what, int index)
    {
        if (double.IsInfinity(value))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{what}: value at position {index + 1} is infinite."));
        }

        return value;
    }

    public static DoubleDouble Sum(ReadOnlySpan<double> x)
    {
        var sum = DoubleDouble.Zero;
        foreach (var v in x)
        {
            sum += v;
        }

        return sum;
    }

    public static DoubleDouble Mean(ReadOnlySpan<double> x) => Sum(x) / x.Length;

    /// <summary>Σ(x - mean)² with the correction term (Σ(x - mean))²/n, all in double-double.</summary>
    public static DoubleDouble SumSquaredDeviations(ReadOnlySpan<double> x, DoubleDouble mean)
    {
        var ss = DoubleDouble.Zero;
        var sd = DoubleDouble.Zero;
        foreach (var v in x)
        {
            var d = (DoubleDouble)v - mean;
            ss += d * d;
            sd += d;
        }

        return ss - sd * sd / x.Length;
    }

    /// <summary>Σ(x - mx)(y - my) with the correction term, in double-double.</summary>
    public static DoubleDouble SumCrossDeviations(ReadOnlySpan<double> x, DoubleDouble mx, ReadOnlySpan<double> y, DoubleDouble my)
    {
        var sxy = DoubleDouble.Zero;
        var sx = DoubleDouble.Zero;
        var sy = DoubleDouble.Zero;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = (DoubleDouble)x[i] - mx;
            var dy = (DoubleDouble)y[i] - my;
            sxy += dx * dy;
            sx += dx;
            sy += dy;
        }

        return sxy - sx * sy / x.Length;
    }

    /// <summary>
    /// <see cref="SumCrossDeviations(ReadOnlySpan{double}, DoubleDouble, ReadOnlySpan{double}, DoubleDouble)"/> of every
    /// pair of columns (the diagonal included), in one pass that takes each deviation once: the same sums, in the same
    /// order, so the same results. Only the upper triangle (i &lt;= j) is filled.
    /// </summary>
    /// <param name="columns">The columns, each of <paramref name="rows"/> values at least.</param>
    /// <param name="means">Each column's mean.</param>
    /// <param name="rows">The rows to use, from the first.</param>
    public static DoubleDouble[,] SumCrossDeviations(IReadOnlyList<double[]> columns, IReadOnlyList<DoubleDouble> means, int rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(means);
        var k = columns.Count;
        var products = new DoubleDouble[k, k];
        var sums = new DoubleDouble[k];
        var d = new DoubleDouble[k];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < k; i++)
            {
                d[i] = (DoubleDouble)columns[i][r] - means[i];
                sums[i] += d[i];
            }

            for (var i = 0; i < k; i++)
            {
                for (var j = i; j < k; j++)
                {
                    products[i, j] += d[i] * d[j];
                }
            }
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = i; j < k; j++)
            {
                products[i, j] = products[i, j] - sums[i] * sums[j] / rows;
            }
        }

        return products;
    }

    public static double Sqrt(DoubleDouble x) => Math.Sqrt(Math.Max(x.Value, 0));

    /// <summary>Sample quantile of sorted data, R's type 7: x[h] interpolated at h = (n - 1)p.</summary>
    public static double QuantileType7(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Ranks 1..n with ties given the average of the ranks they span.</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> x)
    {
        var order = new int[x.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Sorting the values with their positions as items keeps the primitive sort (no comparison delegate); ties get
        // one rank whatever order the sort leaves them in.
        var sorted = x.ToArray();
        Array.Sort(sorted, order);
        var ranks = new double[x.Length];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && sorted[end + 1] == sorted[start])
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
