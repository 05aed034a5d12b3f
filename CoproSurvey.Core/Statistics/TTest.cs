using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>Which two-sample t test.</summary>
public enum TTestMethod
{
    /// <summary>Welch's test: unequal variances, Welch-Satterthwaite degrees of freedom (R's default).</summary>
    Welch,

    /// <summary>Student's test: a pooled variance, n1 + n2 - 2 degrees of freedom (R: var.equal = TRUE).</summary>
    Student,
}

/// <summary>One sample of a two-sample t test.</summary>
/// <param name="Group">The group label.</param>
/// <param name="N">Non-missing values.</param>
/// <param name="Mean">The mean (origin added back).</param>
/// <param name="StandardDeviation">Sample SD (n - 1); null for a group of one.</param>
public sealed record TTestGroup(string Group, int N, double Mean, double? StandardDeviation);

/// <summary>A two-sample t test of group 1 - group 2, two-tailed.</summary>
/// <param name="Method">Welch or Student.</param>
/// <param name="Group1">The first group (the minuend).</param>
/// <param name="Group2">The second group.</param>
/// <param name="Missing">Rows excluded: missing value or label, or a label of neither group.</param>
/// <param name="MeanDifference">Mean of group 1 minus mean of group 2.</param>
/// <param name="StandardError">Standard error of the difference.</param>
/// <param name="T">MeanDifference / StandardError.</param>
/// <param name="Df">Degrees of freedom (fractional for Welch).</param>
/// <param name="P">Two-tailed p-value.</param>
/// <param name="ConfidenceLevel">Level of the interval (0.95 unless asked otherwise).</param>
/// <param name="ConfidenceLower">Lower end of the interval for the difference, difference - t(1 - α/2, df)·SE.</param>
/// <param name="ConfidenceUpper">Upper end of the interval.</param>
public sealed record TTestResult(
    TTestMethod Method,
    TTestGroup Group1,
    TTestGroup Group2,
    int Missing,
    double MeanDifference,
    double StandardError,
    double T,
    double Df,
    double P,
    double ConfidenceLevel,
    double ConfidenceLower,
    double ConfidenceUpper);

/// <summary>Two-sample t tests, as R's t.test (two-sided).</summary>
public static class TTest
{
    /// <summary>
    /// Compares the two groups of <paramref name="groups"/>: group 1 is <paramref name="group1"/> if given,
    /// otherwise the first label to appear; group 2 likewise. Rows with a missing value (null, NaN) or label
    /// (null, blank) are excluded and counted. Value i stands for <paramref name="origin"/> + values[i].
    /// </summary>
    /// <param name="values">The response.</param>
    /// <param name="groups">The group label of each row; exactly two labels unless both groups are named.</param>
    /// <param name="method">Welch (default) or Student.</param>
    /// <param name="group1">Optional label of the first group.</param>
    /// <param name="group2">Optional label of the second group.</param>
    /// <param name="origin">The constant the values are measured from (default 0).</param>
    /// <param name="confidenceLevel">Level of the interval, in (0, 1).</param>
    /// <exception cref="ArgumentException">More than two labels and the groups not named, or a named group absent.</exception>
    /// <exception cref="InsufficientDataException">A group is too small (Welch: 2 each; Student: 1 each and 3 in all).</exception>
    /// <exception cref="ConstantVariableException">Both groups are constant, so the standard error is 0.</exception>
    public static TTestResult TwoSample(
        IReadOnlyList<double?> values,
        IReadOnlyList<string?> groups,
        TTestMethod method = TTestMethod.Welch,
        string? group1 = null,
        string? group2 = null,
        double origin = 0,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(groups);
        Descriptives.SameLength(values.Count, groups.Count);
        var (labels, _) = Categories.ByFirstAppearance(groups);
        var others = labels.Where(l => l != group1 && l != group2).ToList();
        var first = group1 ?? others.FirstOrDefault();
        var second = group2 ?? others.FirstOrDefault(l => l != first);
        if (group1 is null || group2 is null)
        {
            if (labels.Count != 2 || first is null || second is null)
            {
                throw new ArgumentException(
                    $"A two-sample t test needs exactly two groups or both groups named; found {labels.Count}: {string.Join(", ", labels)}.");
            }
        }

        var x1 = new List<double?>();
        var x2 = new List<double?>();
        var other = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (groups[i] == first)
            {
                x1.Add(values[i]);
            }
            else if (groups[i] == second)
            {
                x2.Add(values[i]);
            }
            else
            {
                other++;
            }
        }

        return Compute(x1, x2, first!, second!, other, method, origin, confidenceLevel);
    }

    /// <summary>
    /// Compares <paramref name="sample1"/> (group "1") with <paramref name="sample2"/> (group "2"); null or NaN
    /// values are excluded and counted. Value i stands for <paramref name="origin"/> + value.
    /// </summary>
    /// <param name="sample1">First sample.</param>
    /// <param name="sample2">Second sample.</param>
    /// <param name="method">Welch (default) or Student.</param>
    /// <param name="origin">The constant the values are measured from (default 0).</param>
    /// <param name="confidenceLevel">Level of the interval, in (0, 1).</param>
    public static TTestResult TwoSample(
        IReadOnlyList<double?> sample1,
        IReadOnlyList<double?> sample2,
        TTestMethod method = TTestMethod.Welch,
        double origin = 0,
        double confidenceLevel = 0.95) =>
        Compute(sample1, sample2, "1", "2", 0, method, origin, confidenceLevel);

    private static TTestResult Compute(
        IReadOnlyList<double?> sample1,
        IReadOnlyList<double?> sample2,
        string name1,
        string name2,
        int otherMissing,
        TTestMethod method,
        double origin,
        double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1.");
        }

        var (x1, miss1) = Samples.Complete(sample1, $"t test, group '{name1}'");
        var (x2, miss2) = Samples.Complete(sample2, $"t test, group '{name2}'");
        int n1 = x1.Length, n2 = x2.Length;
        var needEach = method == TTestMethod.Welch ? 2 : 1;
        foreach (var (name, size) in new[] { (name1, n1), (name2, n2) })
        {
            if (size < needEach)
            {
                throw new InsufficientDataException(
                    string.Create(CultureInfo.InvariantCulture, $"The {method} t test needs at least {needEach} values in each group; group '{name}' has {size}."),
                    size,
                    needEach);
            }
        }

        if (n1 + n2 < 3)
        {
            throw new InsufficientDataException(
                string.Create(CultureInfo.InvariantCulture, $"The Student t test needs at least 3 values in all; the groups have {n1} and {n2}."),
                n1 + n2,
                3);
        }

        var m1 = Samples.Mean(x1);
        var m2 = Samples.Mean(x2);
        var ss1 = Samples.SumSquaredDeviations(x1, m1);
        var ss2 = Samples.SumSquaredDeviations(x2, m2);
        double se, df;
        if (method == TTestMethod.Welch)
        {
            var a = (ss1 / (n1 - 1) / n1).Value;
            var b = (ss2 / (n2 - 1) / n2).Value;
            se = Math.Sqrt(a + b);
            df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        }
        else
        {
            df = n1 + n2 - 2;
            var pooled = ((ss1 + ss2) / df).Value;
            se = Math.Sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        }

        if (!(se > 0))
        {
            throw new ConstantVariableException(
                $"t test: groups '{name1}' and '{name2}' are both constant, so the standard error of the difference is 0.",
                $"{name1}, {name2}");
        }

        var difference = (m1 - m2).Value;
        var t = difference / se;
        var half = Distributions.StudentTUpperQuantile((1 - level) / 2, df) * se;
        return new TTestResult(
            method,
            new TTestGroup(name1, n1, (origin + m1).Value, n1 >= 2 ? Samples.Sqrt(ss1 / (n1 - 1)) : null),
            new TTestGroup(name2, n2, (origin + m2).Value, n2 >= 2 ? Samples.Sqrt(ss2 / (n2 - 1)) : null),
            miss1 + miss2 + otherMissing,
            difference,
            se,
            t,
            df,
            Distributions.StudentTTwoTailed(t, df),
            level,
            difference - half,
            difference + half);
    }
}
