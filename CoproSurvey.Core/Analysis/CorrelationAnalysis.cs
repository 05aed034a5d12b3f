using System.Text.Json.Serialization;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis;

/// <summary>Which variables to correlate, and how.</summary>
/// <param name="Columns">Two or more numeric variables.</param>
/// <param name="Method">Pearson or Spearman.</param>
public sealed record CorrelationRequest(IReadOnlyList<string> Columns, CorrelationMethod Method = CorrelationMethod.Pearson);

/// <summary>A correlation matrix with pairwise deletion.</summary>
/// <param name="Method"><c>pearson</c> or <c>spearman</c>.</param>
/// <param name="Columns">The variables, in the order asked.</param>
/// <param name="R">r per pair; null where undefined (a constant variable, fewer than 2 pairs).</param>
/// <param name="N">Pairwise complete rows.</param>
/// <param name="P">Two-tailed p-value (t approximation, as R's cor.test with exact = FALSE); null on the diagonal.</param>
/// <param name="Notes">Why a pair has no r or p, one line each.</param>
public sealed record CorrelationReport(
    string Method,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<double?>> R,
    IReadOnlyList<IReadOnlyList<int>> N,
    IReadOnlyList<IReadOnlyList<double?>> P,
    [property: JsonIgnore] IReadOnlyList<string> Notes);

/// <summary>Pearson or Spearman correlations, values read centred (r does not depend on a shift).</summary>
public static class CorrelationAnalysis
{
    public static async Task<CorrelationReport> RunAsync(IAnalysisSource source, CorrelationRequest request, CancellationToken cancellationToken)
    {
        var data = await source.ReadAsync(request.Columns.Select(c => new ColumnRequest(c, ColumnKind.Numeric, Centred: true)).ToList(), cancellationToken);
        var m = Correlation.Matrix(request.Columns.Select(c => data.Numeric(c).Offsets).ToList(), request.Columns, request.Method);
        var k = m.Names.Count;
        IReadOnlyList<IReadOnlyList<T>> Matrix<T>(Func<int, int, T> cell) =>
            Enumerable.Range(0, k).Select(i => (IReadOnlyList<T>)Enumerable.Range(0, k).Select(j => cell(i, j)).ToArray()).ToArray();
        return new CorrelationReport(
            m.Method == CorrelationMethod.Pearson ? "pearson" : "spearman",
            m.Names,
            Matrix((i, j) => m[i, j].R),
            Matrix((i, j) => m[i, j].N),
            Matrix((i, j) => i == j ? null : m[i, j].P),
            m.Pairs.Where(p => p.Note is not null).Select(p => $"{m.Names[p.Row]} and {m.Names[p.Column]}: {p.Note}").ToList());
    }
}
