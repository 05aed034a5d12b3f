using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// Summary statistics of one variable. A statistic that needs more cases than the data have is <c>null</c>
/// rather than an error, so that small groups can still be described: the standard deviation, standard error
/// and confidence interval need n &gt;= 2, the skewness n &gt;= 3 and the kurtosis n &gt;= 4 (both also need a
/// non-zero variance). An empty variable raises <see cref="InsufficientDataException"/>.
/// </summary>
/// <param name="N">Non-missing values used.</param>
/// <param name="Missing">Values that were missing (null or NaN) and excluded.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Variance">Sample variance with denominator n - 1.</param>
/// <param name="StandardDeviation">Sample standard deviation, denominator n - 1.</param>
/// <param name="StandardError">Standard error of the mean, SD / √n.</param>
/// <param name="ConfidenceLevel">Level of the interval for the mean (0.95).</param>
/// <param name="ConfidenceLower">Lower end of the t-based interval for the mean (n - 1 df).</param>
/// <param name="ConfidenceUpper">Upper end of the t-based interval for the mean.</param>
/// <param name="Minimum">Smallest value.</param>
/// <param name="FirstQuartile">25th percentile, R's quantile type 7 (the default of R and of Excel's PERCENTILE.INC).</param>
/// <param name="Median">Median.</param>
/// <param name="ThirdQuartile">75th percentile, type 7.</param>
/// <param name="Maximum">Largest value.</param>
/// <param name="Skewness">Sample-adjusted skewness G1 = g1·√(n(n-1))/(n-2), as SPSS, SAS, e1071 type 2 and psych::describe(type = 2).</param>
/// <param name="ExcessKurtosis">Sample-adjusted excess kurtosis G2 = ((n+1)g2 + 6)(n-1)/((n-2)(n-3)), same sources; 0 for a normal population.</param>
public sealed record DescriptiveStatistics(
    int N,
    int Missing,
    double Mean,
    double? Variance,
    double? StandardDeviation,
    double? StandardError,
    double ConfidenceLevel,
    double? ConfidenceLower,
    double? ConfidenceUpper,
    double Minimum,
    double FirstQuartile,
    double Median,
    double ThirdQuartile,
    double Maximum,
    double? Skewness,
    double? ExcessKurtosis);

/// <summary>The description of one group; <see cref="Statistics"/> is null where every value of the group is missing.</summary>
/// <param name="Group">The group label.</param>
/// <param name="Missing">Rows of the group whose value is missing.</param>
/// <param name="Statistics">The group's statistics, or null when it has no value.</param>
public sealed record GroupDescriptives(string Group, int Missing, DescriptiveStatistics? Statistics);

/// <summary>Descriptives per group, groups in order of first appearance.</summary>
/// <param name="Groups">One entry per group label.</param>
/// <param name="MissingGroup">Rows excluded because their group label was missing (null or blank).</param>
public sealed record GroupedDescriptives(IReadOnlyList<GroupDescriptives> Groups, int MissingGroup);

/// <summary>Descriptive statistics (see <see cref="DescriptiveStatistics"/> for the conventions).</summary>
public static class Descriptives
{
    private const double Level = 0.95;

    /// <summary>
    /// Describes one variable. Value i stands for <paramref name="origin"/> + values[i]: a caller that read
    /// decimal text can subtract a constant exactly and pass small centred numbers. Location statistics (mean,
    /// interval, quantiles, extremes) add the origin back; dispersion and shape statistics do not depend on it.
    /// </summary>
    /// <param name="values">The values; null or NaN is missing (excluded and counted).</param>
    /// <param name="origin">The constant the values are measured from (default 0).</param>
    /// <exception cref="InsufficientDataException">No value is present.</exception>
    public static DescriptiveStatistics Compute(IReadOnlyList<double?> values, double origin = 0)
    {
        var (x, missing) = Samples.Complete(values, "Descriptives");
        if (x.Length == 0)
        {
            throw new InsufficientDataException(
                string.Create(CultureInfo.InvariantCulture, $"Descriptive statistics need at least 1 value; all {missing} values are missing."),
                0,
                1);
        }

        return Describe(x, missing, origin);
    }

    /// <summary>
    /// Describes <paramref name="values"/> separately for each label of <paramref name="groups"/> (same length),
    /// groups in order of first appearance; rows with a missing label are excluded and counted.
    /// </summary>
    /// <param name="values">The values; null or NaN is missing.</param>
    /// <param name="groups">The group label of each row; null or blank is missing.</param>
    /// <param name="origin">As in <see cref="Compute"/>.</param>
    public static GroupedDescriptives ByGroup(IReadOnlyList<double?> values, IReadOnlyList<string?> groups, double origin = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(groups);
        SameLength(values.Count, groups.Count);
        var (labels, index) = Categories.ByFirstAppearance(groups);
        var result = new List<GroupDescriptives>(labels.Count);
        for (var g = 0; g < labels.Count; g++)
        {
            var rows = Enumerable.Range(0, values.Count).Where(i => index[i] == g).Select(i => values[i]).ToList();
            var (x, missing) = Samples.Complete(rows, $"Descriptives of group '{labels[g]}'");
            result.Add(new GroupDescriptives(labels[g], missing, x.Length == 0 ? null : Describe(x, missing, origin)));
        }

        return new GroupedDescriptives(result, index.Count(i => i < 0));
    }

    internal static void SameLength(int values, int groups)
    {
        if (values != groups)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The values ({values} rows) and the group labels ({groups} rows) must have the same length."));
        }
    }

    private static DescriptiveStatistics Describe(double[] x, int missing, double origin)
    {
        var n = x.Length;
        var mean = Samples.Mean(x);
        var sorted = (double[])x.Clone();
        Array.Sort(sorted);

        double? variance = null, sd = null, se = null, lower = null, upper = null, skew = null, kurt = null;
        if (n >= 2)
        {
            var ss = Samples.SumSquaredDeviations(x, mean);
            variance = (ss / (n - 1)).Value;
            sd = Math.Sqrt(Math.Max(variance.Value, 0));
            se = sd / Math.Sqrt(n);
            var half = Distributions.StudentTUpperQuantile((1 - Level) / 2, n - 1) * se.Value;
            lower = (origin + mean).Value - half;
            upper = (origin + mean).Value + half;
            (skew, kurt) = Shape(x, mean, ss);
        }

        return new DescriptiveStatistics(
            n,
            missing,
            (origin + mean).Value,
            variance,
            sd,
            se,
            Level,
            lower,
            upper,
            origin + sorted[0],
            origin + Samples.QuantileType7(sorted, 0.25),
            origin + Samples.QuantileType7(sorted, 0.5),
            origin + Samples.QuantileType7(sorted, 0.75),
            origin + sorted[^1],
            skew,
            kurt);
    }

    private static (double? Skewness, double? Kurtosis) Shape(double[] x, DoubleDouble mean, DoubleDouble ss)
    {
        var n = x.Length;
        if (n < 3 || ss.Value <= 0)
        {
            return (null, null);
        }

        var s3 = DoubleDouble.Zero;
        var s4 = DoubleDouble.Zero;
        foreach (var v in x)
        {
            var d = (DoubleDouble)v - mean;
            var d2 = d * d;
            s3 += d2 * d;
            s4 += d2 * d2;
        }

        var m2 = (ss / n).Value;
        var m3 = (s3 / n).Value;
        var m4 = (s4 / n).Value;
        var g1 = m3 / Math.Pow(m2, 1.5);
        double skew = g1 * Math.Sqrt(n * (n - 1.0)) / (n - 2);
        if (n < 4)
        {
            return (skew, null);
        }

        var g2 = m4 / (m2 * m2) - 3;
        double kurt = ((n + 1) * g2 + 6) * (n - 1) / ((n - 2.0) * (n - 3));
        return (skew, kurt);
    }
}
