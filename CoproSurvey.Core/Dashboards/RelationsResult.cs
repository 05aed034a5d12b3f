using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Dashboards;

/// <summary>A scale score of the relations view.</summary>
public sealed record RelationsScale(string Variable, string Label);

/// <summary>
/// The correlation of two scale scores (or of a scale with itself, on the diagonal) over the respondents who have both
/// (pairwise deletion). N, R and P are null when the pair is suppressed (fewer respondents than the minimum, but at
/// least one); R and P are null with <see cref="Note"/> saying why when no correlation exists (no common respondent,
/// fewer than 3, or a constant score).
/// </summary>
public sealed record RelationsPair(int Row, int Column, string A, string B, int? N, bool Suppressed, double? R, double? P, string? Note);

/// <summary>Why the relations view has nothing to show.</summary>
public enum RelationsEmptyReason
{
    /// <summary>The questionnaires (of the audience filtered) define no scale.</summary>
    NoScales,

    /// <summary>No response with a scale score matches the filters.</summary>
    NoValues,
}

/// <summary>The relations view: the correlation matrix of the scale scores with pairwise n.</summary>
public sealed record RelationsResult(
    CorrelationMethod Method, int MinimumCellSize, IReadOnlyList<RelationsScale> Scales, IReadOnlyList<RelationsPair> Pairs, IReadOnlyList<RelationsPair> Diagonal, RelationsEmptyReason? Empty)
{
    /// <summary>A result with nothing to show, and why.</summary>
    public static RelationsResult Nothing(CorrelationMethod method, int minimumCellSize, RelationsEmptyReason reason) =>
        new(method, minimumCellSize, [], [], [], reason);

    /// <summary>The pair (i, j) in either order; on the diagonal the scale with itself.</summary>
    public RelationsPair this[int i, int j]
    {
        get
        {
            if (i == j)
            {
                return Diagonal[i];
            }

            var (a, b) = i < j ? (i, j) : (j, i);
            return Pairs[a * Scales.Count - a * (a + 1) / 2 + (b - a - 1)];
        }
    }
}

/// <summary>The relations view's statistics from scale scores: pure, on the certified library.</summary>
public static class RelationsCalculator
{
    /// <summary>
    /// The correlation matrix of <paramref name="scores"/> (one list per scale, one value per respondent, all of the
    /// same length), suppressing every pair, the diagonal included, whose pairwise n is below the minimum.
    /// </summary>
    public static RelationsResult Compute(IReadOnlyList<RelationsScale> scales, IReadOnlyList<IReadOnlyList<double?>> scores, CorrelationMethod method, CellRule rule)
    {
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(scores);
        if (scales.Count == 0)
        {
            return RelationsResult.Nothing(method, rule.MinimumCellSize, RelationsEmptyReason.NoScales);
        }

        if (scores.All(s => !s.Any(v => v is { } x && double.IsFinite(x))))
        {
            return RelationsResult.Nothing(method, rule.MinimumCellSize, RelationsEmptyReason.NoValues);
        }

        var matrix = Correlation.Matrix(scores, scales.Select(s => s.Variable).ToList(), method);
        RelationsPair Report(CorrelationPair p)
        {
            var (a, b) = (scales[p.Row].Variable, scales[p.Column].Variable);
            if (rule.Suppresses(p.N))
            {
                return new RelationsPair(p.Row, p.Column, a, b, null, true, null, null, null);
            }

            var note = p.N == 0 ? "No respondent has both scores." : p.Note;
            return new RelationsPair(p.Row, p.Column, a, b, p.N, false, p.R, p.P, p.R is null ? note : null);
        }

        return new RelationsResult(method, rule.MinimumCellSize, scales, matrix.Pairs.Select(Report).ToList(), matrix.Diagonal.Select(Report).ToList(), null);
    }
}

/// <summary>The relations table as it is downloaded: every pair of scales, once.</summary>
public static class RelationsTables
{
    public static DashboardTable Table(RelationsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var method = result.Method == CorrelationMethod.Pearson ? "pearson" : "spearman";
        return new DashboardTable(
            "relations",
            ["scale_a", "scale_b", "method", "n", "r", "p", "suppressed"],
            result.Pairs.Select(p => (IReadOnlyList<string>)[
                p.A, p.B, method, DashboardTable.Cell(p.N), DashboardTable.Cell(p.R), DashboardTable.Cell(p.P), DashboardTable.Flag(p.Suppressed)]).ToList());
    }
}
