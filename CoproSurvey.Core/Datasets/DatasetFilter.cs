using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// Which responses of a study a dataset holds. Every criterion left null (or empty) selects everything.
/// </summary>
/// <param name="Audience">One audience, or null for both.</param>
/// <param name="Countries">Country codes (as in the study file), or null/empty for all.</param>
/// <param name="PolicyFields">Policy field codes, or null/empty for all.</param>
/// <param name="IncludePartial">False (the default): completed responses only; true: also responses still in progress or abandoned.</param>
/// <param name="From">
/// Inclusive lower bound on a response's date: <c>CompletedAt</c> for a completed response, <c>StartedAt</c> for a
/// partial one (it has no completion time).
/// </param>
/// <param name="To">Exclusive upper bound on the same date as <paramref name="From"/>.</param>
public sealed record DatasetFilter(
    Audience? Audience = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? PolicyFields = null,
    bool IncludePartial = false,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    /// <summary>Every completed response of both audiences.</summary>
    public static DatasetFilter All { get; } = new();
}
