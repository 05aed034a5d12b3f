using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Dashboards;

/// <summary>How the compare view groups respondents.</summary>
public enum CompareBy
{
    Country,
    PolicyField,
}

/// <summary>
/// One group of the compare view (a country or policy field, one audience): n, mean, SD and the 95% t interval of the
/// mean (mean ± t(0.975, n-1)·SD/√n), and the five numbers of its box plot (quartiles as R's quantile type 7). Every
/// statistic is null when the group is suppressed (n below the minimum).
/// </summary>
public sealed record CompareGroup(
    string Group,
    string Label,
    Audience Audience,
    int? N,
    bool Suppressed,
    double? Mean,
    double? StandardDeviation,
    double? Lower,
    double? Upper,
    double? Minimum = null,
    double? FirstQuartile = null,
    double? Median = null,
    double? ThirdQuartile = null,
    double? Maximum = null);

/// <summary>One-way ANOVA across the reported groups of one audience (null when fewer than two groups can be compared).</summary>
public sealed record CompareTest(Audience Audience, int Groups, int DfBetween, int DfWithin, double F, double P, double EtaSquared);

/// <summary>The compare view of one variable: groups, ANOVA per audience, and Welch's t test of professionals minus citizens.</summary>
public sealed record CompareResult(
    string Variable,
    string VariableLabel,
    CompareBy By,
    int MinimumCellSize,
    IReadOnlyList<CompareGroup> Groups,
    IReadOnlyList<CompareTest> Anova,
    TTestResult? Welch)
{
    public bool IsEmpty => Groups.Count == 0;
}

/// <summary>One respondent's value of the compared variable with the facts it is grouped by.</summary>
public readonly record struct CompareValue(Audience Audience, string? Group, double? Value);

/// <summary>The compare view's statistics from values: pure, on the certified library.</summary>
public static class CompareCalculator
{
    public static CompareResult Compute(
        string variable, string label, CompareBy by, IReadOnlyList<CompareValue> values, IReadOnlyList<(string Code, string Label)> groupOrder, CellRule rule)
    {
        ArgumentNullException.ThrowIfNull(values);
        var labels = groupOrder.ToDictionary(g => g.Code, g => g.Label, StringComparer.Ordinal);
        var order = groupOrder.Select((g, i) => (g.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var valid = values.Where(v => v.Value is { } x && double.IsFinite(x) && v.Group is not null).ToList();
        var groups = valid
            .GroupBy(v => (Group: v.Group!, v.Audience))
            .OrderBy(g => order.GetValueOrDefault(g.Key.Group, int.MaxValue)).ThenBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Audience)
            .Select(g => Summarise(g.Key.Group, labels.GetValueOrDefault(g.Key.Group, g.Key.Group), g.Key.Audience, g.Select(v => v.Value!.Value).ToList(), rule))
            .ToList();

        var reported = groups.Where(g => !g.Suppressed).Select(g => (g.Group, g.Audience)).ToHashSet();
        var tests = new List<CompareTest>();
        foreach (var audience in groups.Select(g => g.Audience).Distinct().Order())
        {
            // Only reported groups enter the test: a suppressed group must not be recoverable from the statistics.
            var rows = valid.Where(v => v.Audience == audience && reported.Contains((v.Group!, audience))).ToList();
            if (rows.Select(r => r.Group).Distinct().Count() < 2)
            {
                continue;
            }

            try
            {
                var anova = Statistics.Anova.OneWay(rows.Select(r => r.Value).ToList(), rows.Select(r => r.Group).ToList());
                tests.Add(new CompareTest(audience, anova.Groups.Count, anova.DfBetween, anova.DfWithin, anova.F, anova.P, anova.EtaSquared));
            }
            catch (StatisticsException)
            {
                // Constant values or groups of one: no test to show, the table still stands.
            }
        }

        TTestResult? welch = null;
        var byAudience = valid.Where(v => reported.Contains((v.Group!, v.Audience))).ToList();
        if (byAudience.Count(v => v.Audience == Audience.Professional) >= 2 && byAudience.Count(v => v.Audience == Audience.Citizen) >= 2)
        {
            try
            {
                welch = TTest.TwoSample(
                    byAudience.Select(v => v.Value).ToList(),
                    byAudience.Select(v => (string?)v.Audience.ToString()).ToList(),
                    TTestMethod.Welch,
                    nameof(Audience.Professional),
                    nameof(Audience.Citizen));
            }
            catch (StatisticsException)
            {
            }
        }

        return new CompareResult(variable, label, by, rule.MinimumCellSize, groups, tests, welch);
    }

    private static CompareGroup Summarise(string group, string label, Audience audience, IReadOnlyList<double> values, CellRule rule)
    {
        if (rule.Suppresses(values.Count))
        {
            return new CompareGroup(group, label, audience, null, true, null, null, null, null);
        }

        var stats = Descriptives.Compute(values.Select(v => (double?)v).ToList());
        return new CompareGroup(
            group, label, audience, stats.N, false, stats.Mean, stats.StandardDeviation, stats.ConfidenceLower, stats.ConfidenceUpper,
            stats.Minimum, stats.FirstQuartile, stats.Median, stats.ThirdQuartile, stats.Maximum);
    }
}

/// <summary>The compare view's table as it is downloaded.</summary>
public static class CompareTables
{
    public static DashboardTable Table(CompareResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DashboardTable(
            "compare",
            [result.By == CompareBy.Country ? "country" : "policy_field", "audience", "variable", "n", "mean", "sd", "ci95_lower", "ci95_upper", "suppressed"],
            result.Groups.Select(g => (IReadOnlyList<string>)[
                g.Group, g.Audience.ToString().ToLowerInvariant(), result.Variable, DashboardTable.Cell(g.N), DashboardTable.Cell(g.Mean),
                DashboardTable.Cell(g.StandardDeviation), DashboardTable.Cell(g.Lower), DashboardTable.Cell(g.Upper), DashboardTable.Flag(g.Suppressed)]).ToList());
    }
}
