using System.Text.Json.Serialization;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis;

/// <summary>Pearson's chi-square test of independence of two categorical variables.</summary>
/// <param name="ChiSquare">X², without continuity correction.</param>
/// <param name="Warnings">Small expected counts, one line each.</param>
/// <param name="N">Rows where both are present.</param>
/// <param name="Missing">Rows left out for a missing value.</param>
/// <param name="RowLevels">The row variable's levels, in the levels' order.</param>
/// <param name="ColLevels">The column variable's levels.</param>
/// <param name="Observed">Counts, Observed[row][column].</param>
/// <param name="RowColumn">The row variable.</param>
/// <param name="ColColumn">The column variable.</param>
public sealed record ChiSquareReport(
    double ChiSquare,
    int Df,
    double PValue,
    double CramersV,
    IReadOnlyList<string> Warnings,
    int N,
    int Missing,
    IReadOnlyList<string> RowLevels,
    IReadOnlyList<string> ColLevels,
    IReadOnlyList<IReadOnlyList<int>> Observed,
    [property: JsonIgnore] string RowColumn,
    [property: JsonIgnore] string ColColumn);

/// <summary>The chi-square test of independence, with Cramér's V.</summary>
public static class ChiSquareAnalysis
{
    public static async Task<ChiSquareReport> RunAsync(IAnalysisSource source, string row, string column, CancellationToken cancellationToken)
    {
        var data = await source.ReadAsync([new ColumnRequest(row, ColumnKind.Categorical), new ColumnRequest(column, ColumnKind.Categorical)], cancellationToken);
        var rows = data.Categorical(row);
        var cols = data.Categorical(column);
        var r = ChiSquare.Independence(rows, cols, LevelOrder.Sort(rows.Levels), LevelOrder.Sort(cols.Levels));
        return new ChiSquareReport(r.ChiSquare, r.Df, r.P, r.CramersV, r.Warnings, r.N, r.Missing, r.RowLabels, r.ColumnLabels, r.Observed, row, column);
    }
}
