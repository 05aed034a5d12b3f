using System.Text.Json.Serialization;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis;

/// <summary>One item of a scale.</summary>
/// <param name="Name">The item.</param>
/// <param name="CorrectedItemTotal">Correlation of the item with the sum of the other items.</param>
/// <param name="AlphaIfDeleted">Alpha of the scale without the item (null with two items).</param>
/// <param name="Mean">The item's mean over the complete rows.</param>
/// <param name="Sd">The item's standard deviation.</param>
public sealed record ReliabilityItem(
    string Name, double CorrectedItemTotal, double? AlphaIfDeleted, [property: JsonIgnore] double Mean, [property: JsonIgnore] double Sd);

/// <summary>The reliability of a scale over the rows where every item is present.</summary>
/// <param name="N">Complete rows.</param>
/// <param name="Alpha">Cronbach's alpha.</param>
/// <param name="StandardizedAlpha">Alpha of the standardised items.</param>
/// <param name="Omega">McDonald's omega total (one-factor ML), or null.</param>
/// <param name="OmegaNote">Why omega is missing, otherwise null.</param>
/// <param name="Items">Item-total statistics.</param>
/// <param name="DroppedRows">Rows left out for a missing item.</param>
public sealed record ReliabilityReport(
    int N,
    double Alpha,
    double StandardizedAlpha,
    double? Omega,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OmegaNote,
    IReadOnlyList<ReliabilityItem> Items,
    int DroppedRows);

/// <summary>Cronbach's alpha, omega total and item-total statistics of a scale whose items are scored in the same direction.</summary>
public static class ReliabilityAnalysis
{
    public static async Task<ReliabilityReport> RunAsync(IAnalysisSource source, IReadOnlyList<string> items, CancellationToken cancellationToken)
    {
        var data = await source.ReadAsync(items.Select(c => new ColumnRequest(c)).ToList(), cancellationToken);
        return Run(data, items);
    }

    /// <summary>The same analysis of variables already read (the dashboards' groups, with reverse-keyed items recoded).</summary>
    /// <param name="data">Holds each item as a numeric column.</param>
    /// <param name="items">The items of the scale, scored in the same direction.</param>
    public static ReliabilityReport Run(AnalysisData data, IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(items);
        var r = Reliability.Analyze(items.Select(c => (IReadOnlyList<double?>)data.Numeric(c)).ToList(), items);
        return new ReliabilityReport(
            r.CompleteCases,
            r.Alpha,
            r.StandardizedAlpha,
            r.Omega?.Value,
            r.OmegaNote,
            r.Items.Select(i => new ReliabilityItem(i.Name, i.CorrectedItemTotalCorrelation, i.AlphaIfDeleted, i.Mean, i.StandardDeviation)).ToList(),
            r.Rows - r.CompleteCases);
    }
}
