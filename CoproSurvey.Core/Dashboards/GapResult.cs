using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Dashboards;

/// <summary>How the citizens-versus-professionals view groups respondents.</summary>
public enum GapBy
{
    Country,
    PolicyField,
    ServiceUnit,
}

/// <summary>A mirror scale: a scale score both audiences' questionnaires carry (the same scale code, so the same column of the dataset).</summary>
public sealed record GapScale(string Variable, string Label);

/// <summary>
/// The perception gap on one mirror scale in one group (or, with <see cref="Group"/> null, over all reported groups):
/// each side's n and mean, and professionals minus citizens with the 95% Welch interval and two-tailed p. Every
/// figure is null when the group is suppressed (either side has fewer respondents than the minimum); the gap is null
/// with <see cref="Note"/> saying why when a side has no values or Welch's test is undefined.
/// </summary>
public sealed record GapEstimate(
    string Scale,
    string ScaleLabel,
    string? Group,
    string GroupLabel,
    bool Suppressed,
    int? CitizenN,
    double? CitizenMean,
    int? ProfessionalN,
    double? ProfessionalMean,
    double? Gap,
    double? Lower,
    double? Upper,
    double? Df,
    double? P,
    string? Note)
{
    public bool IsOverall => Group is null;
}

/// <summary>Why the view has nothing to show.</summary>
public enum GapEmptyReason
{
    /// <summary>The study's questionnaires are for one audience only.</summary>
    OneAudience,

    /// <summary>The two questionnaires share no scale.</summary>
    NoMirrorScales,

    /// <summary>No response with a mirror scale score matches the filters.</summary>
    NoValues,
}

/// <summary>The citizens-versus-professionals view: the gap on each mirror scale, overall and per group.</summary>
public sealed record GapResult(GapBy By, int MinimumCellSize, IReadOnlyList<GapScale> Scales, IReadOnlyList<GapEstimate> Estimates, GapEmptyReason? Empty)
{
    /// <summary>A result with nothing to show, and why.</summary>
    public static GapResult Nothing(GapBy by, int minimumCellSize, GapEmptyReason reason, IReadOnlyList<GapScale>? scales = null) =>
        new(by, minimumCellSize, scales ?? [], [], reason);
}

/// <summary>One respondent: audience, the code of the group (country, field or unit) and a score per mirror scale (in the scales' order).</summary>
public readonly record struct GapRow(Audience Audience, string? Group, IReadOnlyList<double?> Scores);

/// <summary>The citizens-versus-professionals statistics from scores: pure, on the certified library.</summary>
public static class GapCalculator
{
    public const string OverallLabel = "All reported groups";

    /// <summary>
    /// The gap per scale: first over every reported group, then group by group in <paramref name="groupOrder"/> (codes
    /// it does not name after, by code). Rows without a group code belong to no group and so to no estimate. The
    /// overall estimate pools only the reported groups, so that a suppressed group cannot be recovered from it.
    /// </summary>
    public static GapResult Compute(
        IReadOnlyList<GapScale> scales, GapBy by, IReadOnlyList<GapRow> rows, IReadOnlyList<(string Code, string Label)> groupOrder, CellRule rule)
    {
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(groupOrder);
        if (scales.Count == 0)
        {
            return GapResult.Nothing(by, rule.MinimumCellSize, GapEmptyReason.NoMirrorScales);
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, label) in groupOrder)
        {
            labels.TryAdd(code, label);
        }

        var order = groupOrder.Select((g, i) => (g.Code, i)).DistinctBy(x => x.Code).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var estimates = new List<GapEstimate>();
        for (var s = 0; s < scales.Count; s++)
        {
            var scale = scales[s];
            var valid = rows
                .Where(r => r.Group is not null && r.Scores[s] is { } x && double.IsFinite(x))
                .Select(r => (r.Audience, Group: r.Group!, Value: r.Scores[s]!.Value))
                .ToList();
            if (valid.Count == 0)
            {
                continue;
            }

            var groups = valid
                .GroupBy(v => v.Group, StringComparer.Ordinal)
                .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Estimate(scale, g.Key, labels.GetValueOrDefault(g.Key, g.Key), Side(g, Audience.Citizen), Side(g, Audience.Professional), rule))
                .ToList();
            var reported = groups.Where(g => !g.Suppressed).Select(g => g.Group!).ToHashSet(StringComparer.Ordinal);
            var pooled = valid.Where(v => reported.Contains(v.Group)).ToList();
            if (pooled.Count > 0)
            {
                estimates.Add(Estimate(scale, null, OverallLabel, Side(pooled, Audience.Citizen), Side(pooled, Audience.Professional), rule));
            }

            estimates.AddRange(groups);
        }

        return estimates.Count == 0
            ? GapResult.Nothing(by, rule.MinimumCellSize, GapEmptyReason.NoValues, scales)
            : new GapResult(by, rule.MinimumCellSize, scales, estimates, null);
    }

    private static List<double?> Side(IEnumerable<(Audience Audience, string Group, double Value)> values, Audience audience) =>
        values.Where(v => v.Audience == audience).Select(v => (double?)v.Value).ToList();

    private static GapEstimate Estimate(GapScale scale, string? group, string label, IReadOnlyList<double?> citizens, IReadOnlyList<double?> professionals, CellRule rule)
    {
        if (rule.Suppresses(citizens.Count) || rule.Suppresses(professionals.Count))
        {
            return new GapEstimate(scale.Variable, scale.Label, group, label, true, null, null, null, null, null, null, null, null, null, null);
        }

        double? citizenMean = citizens.Count > 0 ? Descriptives.Compute(citizens).Mean : null;
        double? professionalMean = professionals.Count > 0 ? Descriptives.Compute(professionals).Mean : null;
        var estimate = new GapEstimate(
            scale.Variable, scale.Label, group, label, false, citizens.Count, citizenMean, professionals.Count, professionalMean, null, null, null, null, null, null);
        if (citizens.Count == 0 || professionals.Count == 0)
        {
            return estimate with { Note = citizens.Count == 0 ? "No citizen answered this scale here." : "No professional answered this scale here." };
        }

        try
        {
            var welch = TTest.TwoSample(professionals, citizens, TTestMethod.Welch);
            return estimate with { Gap = welch.MeanDifference, Lower = welch.ConfidenceLower, Upper = welch.ConfidenceUpper, Df = welch.Df, P = welch.P };
        }
        catch (StatisticsException e)
        {
            // Too few values on a side, or both sides constant: the means stand, the interval does not exist.
            return estimate with { Gap = professionalMean - citizenMean, Note = e is InsufficientDataException ? "Too few values for an interval." : "Both sides are constant: no interval." };
        }
    }
}

/// <summary>The citizens-versus-professionals table as it is downloaded.</summary>
public static class GapTables
{
    /// <summary>What the group column of the overall rows holds.</summary>
    public const string OverallCode = "all";

    public static DashboardTable Table(GapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var groupColumn = result.By switch
        {
            GapBy.Country => "country",
            GapBy.PolicyField => "policy_field",
            _ => "service_unit",
        };
        return new DashboardTable(
            "gap",
            ["scale", groupColumn, "n_citizen", "mean_citizen", "n_professional", "mean_professional", "gap", "ci95_lower", "ci95_upper", "df", "p", "suppressed"],
            result.Estimates.Select(e => (IReadOnlyList<string>)[
                e.Scale, e.Group ?? OverallCode, DashboardTable.Cell(e.CitizenN), DashboardTable.Cell(e.CitizenMean), DashboardTable.Cell(e.ProfessionalN),
                DashboardTable.Cell(e.ProfessionalMean), DashboardTable.Cell(e.Gap), DashboardTable.Cell(e.Lower), DashboardTable.Cell(e.Upper),
                DashboardTable.Cell(e.Df), DashboardTable.Cell(e.P), DashboardTable.Flag(e.Suppressed)]).ToList());
    }
}
