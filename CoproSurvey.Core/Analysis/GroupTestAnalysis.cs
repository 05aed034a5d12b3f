using System.Text.Json.Serialization;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis;

/// <summary>A numeric outcome compared across the levels of a grouping variable.</summary>
/// <param name="Value">The numeric outcome.</param>
/// <param name="Group">The categorical variable whose levels form the groups.</param>
public sealed record GroupComparisonRequest(string Value, string Group);

/// <summary>One group of a t test.</summary>
public sealed record TTestGroupReport(string Group, int N, double Mean, double? Sd);

/// <summary>A two-sample t test, the first group (in the levels' order) minus the second, two-tailed, with a 95% interval.</summary>
/// <param name="Method"><c>welch</c> or <c>student</c>.</param>
/// <param name="Missing">Rows left out for a missing value or group.</param>
/// <param name="GroupColumn">The grouping variable.</param>
public sealed record TTestReport(
    string Method,
    double T,
    double Df,
    double PValue,
    double MeanDifference,
    double CiLower,
    double CiUpper,
    IReadOnlyList<TTestGroupReport> Groups,
    int Missing,
    [property: JsonIgnore] string GroupColumn);

/// <summary>A one-way analysis of variance.</summary>
/// <param name="GroupColumn">The grouping variable.</param>
public sealed record AnovaReport(
    int DfBetween,
    int DfWithin,
    double SsBetween,
    double SsWithin,
    double MsBetween,
    double MsWithin,
    double F,
    double PValue,
    double EtaSquared,
    int N,
    int Missing,
    [property: JsonIgnore] string GroupColumn);

/// <summary>
/// Tests of a numeric outcome between groups: the outcome read centred (both tests are shift invariant), the groups as
/// the levels of a categorical variable.
/// </summary>
public static class GroupTestAnalysis
{
    /// <summary>Welch's (default) or Student's two-sample t test between the two levels of the group, in the levels' order.</summary>
    /// <exception cref="AnalysisInputException">The group has other than two levels.</exception>
    public static async Task<TTestReport> TTestAsync(
        IAnalysisSource source, GroupComparisonRequest request, TTestMethod method, CancellationToken cancellationToken)
    {
        var (values, groups) = await ReadAsync(source, request, cancellationToken);
        var levels = groups.LevelsPresent();
        if (levels.Count != 2)
        {
            throw new AnalysisInputException(
                source.Name, $"a two-sample t test needs exactly 2 groups; found {levels.Count}: {string.Join(", ", levels)}.", column: groups.Name);
        }

        var r = TTest.TwoSample(values.Offsets, groups, method, levels[0], levels[1], values.Origin);
        return new TTestReport(
            r.Method == TTestMethod.Welch ? "welch" : "student",
            r.T,
            r.Df,
            r.P,
            r.MeanDifference,
            r.ConfidenceLower,
            r.ConfidenceUpper,
            [.. new[] { r.Group1, r.Group2 }.Select(g => new TTestGroupReport(g.Group, g.N, g.Mean, g.StandardDeviation))],
            r.Missing,
            groups.Name);
    }

    /// <summary>One-way ANOVA of the value by group, with eta squared.</summary>
    public static async Task<AnovaReport> AnovaAsync(IAnalysisSource source, GroupComparisonRequest request, CancellationToken cancellationToken)
    {
        var (values, groups) = await ReadAsync(source, request, cancellationToken);
        var r = Anova.OneWay(values.Offsets, groups, values.Origin);
        return new AnovaReport(
            r.DfBetween, r.DfWithin, r.SsBetween, r.SsWithin, r.MsBetween, r.MsWithin, r.F, r.P, r.EtaSquared, r.N, r.Missing, groups.Name);
    }

    private static async Task<(NumericColumn Values, CategoricalColumn Groups)> ReadAsync(
        IAnalysisSource source, GroupComparisonRequest request, CancellationToken cancellationToken)
    {
        var data = await source.ReadAsync(
            [new ColumnRequest(request.Value, ColumnKind.Numeric, Centred: true), new ColumnRequest(request.Group, ColumnKind.Categorical)], cancellationToken);
        return (data.Numeric(request.Value), data.Categorical(request.Group));
    }
}
