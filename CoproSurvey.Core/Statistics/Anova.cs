using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>One group of a one-way analysis of variance.</summary>
/// <param name="Group">The group label.</param>
/// <param name="N">Non-missing values in the group.</param>
/// <param name="Mean">The group mean (origin added back).</param>
/// <param name="StandardDeviation">The group's sample SD (n - 1); null for a group of one.</param>
public sealed record AnovaGroup(string Group, int N, double Mean, double? StandardDeviation);

/// <summary>
/// One-way ANOVA table (fixed effects, groups as given, no weighting): SS total = SS between + SS within.
/// </summary>
/// <param name="Groups">Groups with at least one value, in order of first appearance.</param>
/// <param name="N">Observations used.</param>
/// <param name="Missing">Rows excluded because the value or the group label was missing.</param>
/// <param name="SsBetween">Σ nᵢ(ȳᵢ - ȳ)².</param>
/// <param name="SsWithin">Σ Σ (yᵢⱼ - ȳᵢ)².</param>
/// <param name="SsTotal">SS between + SS within = Σ (yᵢⱼ - ȳ)².</param>
/// <param name="DfBetween">k - 1.</param>
/// <param name="DfWithin">N - k.</param>
/// <param name="DfTotal">N - 1.</param>
/// <param name="MsBetween">SS between / df between.</param>
/// <param name="MsWithin">SS within / df within (the residual variance).</param>
/// <param name="F">MS between / MS within.</param>
/// <param name="P">Upper-tail probability of F with (df between, df within) degrees of freedom.</param>
/// <param name="EtaSquared">SS between / SS total (R² of the one-way model).</param>
/// <param name="ResidualStandardDeviation">√MS within.</param>
public sealed record OneWayAnovaResult(
    IReadOnlyList<AnovaGroup> Groups,
    int N,
    int Missing,
    double SsBetween,
    double SsWithin,
    double SsTotal,
    int DfBetween,
    int DfWithin,
    int DfTotal,
    double MsBetween,
    double MsWithin,
    double F,
    double P,
    double EtaSquared,
    double ResidualStandardDeviation);

/// <summary>Analysis of variance.</summary>
public static class Anova
{
    /// <summary>
    /// One-way ANOVA of <paramref name="values"/> by <paramref name="groups"/> (same length). Rows whose value
    /// (null or NaN) or group label (null or blank) is missing are excluded and counted. Value i stands for
    /// <paramref name="origin"/> + values[i]; only the reported group means depend on the origin. Group means,
    /// deviations and sums of squares are accumulated in double-double, so the table is as accurate as the
    /// input doubles allow (NIST StRD one-way ANOVA, SmLs01t-09t, SiRstvt, AtmWtAgt: every certified value to at
    /// least 14.5 digits when the data are centred exactly; from the raw doubles, at least as many as R).
    /// </summary>
    /// <param name="values">The response.</param>
    /// <param name="groups">The group label of each row.</param>
    /// <param name="origin">The constant the values are measured from (default 0).</param>
    /// <exception cref="InsufficientDataException">Fewer than 2 groups with data, or no more observations than groups.</exception>
    /// <exception cref="ConstantVariableException">Every group is constant (no within-group variance), so F is undefined.</exception>
    public static OneWayAnovaResult OneWay(IReadOnlyList<double?> values, IReadOnlyList<string?> groups, double origin = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(groups);
        Descriptives.SameLength(values.Count, groups.Count);
        var (labels, index) = Categories.ByFirstAppearance(groups);
        var byGroup = labels.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < values.Count; i++)
        {
            if (index[i] >= 0 && !Samples.IsMissing(values[i]))
            {
                byGroup[index[i]].Add(Samples.Finite(values[i]!.Value, "One-way ANOVA", i));
            }
        }

        var present = Enumerable.Range(0, labels.Count).Where(g => byGroup[g].Count > 0).ToList();
        var n = present.Sum(g => byGroup[g].Count);
        var k = present.Count;
        if (k < 2)
        {
            throw new InsufficientDataException(
                string.Create(CultureInfo.InvariantCulture, $"One-way ANOVA needs at least 2 groups with data; found {k} ({n} of {values.Count} rows complete)."),
                k,
                2);
        }

        if (n <= k)
        {
            throw new InsufficientDataException(
                string.Create(CultureInfo.InvariantCulture, $"One-way ANOVA needs more observations than groups; {n} observations in {k} groups."),
                n,
                k + 1);
        }

        var all = present.SelectMany(g => byGroup[g]).ToArray();
        var grand = Samples.Mean(all);
        var ssBetween = DoubleDouble.Zero;
        var ssWithin = DoubleDouble.Zero;
        var result = new List<AnovaGroup>(k);
        foreach (var g in present)
        {
            var x = byGroup[g].ToArray();
            var mean = Samples.Mean(x);
            var ss = Samples.SumSquaredDeviations(x, mean);
            var d = mean - grand;
            ssBetween += d * d * x.Length;
            ssWithin += ss;
            double? sd = x.Length >= 2 ? Samples.Sqrt(ss / (x.Length - 1)) : null;
            result.Add(new AnovaGroup(labels[g], x.Length, (origin + mean).Value, sd));
        }

        if (ssWithin.Value <= 0)
        {
            throw new ConstantVariableException(
                string.Create(CultureInfo.InvariantCulture, $"One-way ANOVA: every one of the {k} groups is constant, so there is no within-group variance and F is undefined."),
                "within-group variation");
        }

        var dfBetween = k - 1;
        var dfWithin = n - k;
        var ssTotal = ssBetween + ssWithin;
        var msBetween = ssBetween / dfBetween;
        var msWithin = ssWithin / dfWithin;
        var f = msBetween / msWithin;
        return new OneWayAnovaResult(
            result,
            n,
            values.Count - n,
            ssBetween.Value,
            ssWithin.Value,
            ssTotal.Value,
            dfBetween,
            dfWithin,
            n - 1,
            msBetween.Value,
            msWithin.Value,
            f.Value,
            Distributions.FisherUpper(f.Value, dfBetween, dfWithin),
            (ssBetween / ssTotal).Value,
            Math.Sqrt(msWithin.Value));
    }
}
