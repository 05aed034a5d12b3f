using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// The overview dashboard of a study for one filter. Every count of a group smaller than
/// <see cref="MinimumCellSize"/> (but not empty) is null ("suppressed"), and so is every statistic computed from one.
/// </summary>
/// <param name="Countries">The study's countries, for labels and the filter bar.</param>
/// <param name="PolicyFields">The study's policy fields, for labels and the filter bar.</param>
/// <param name="Responses">Responses that pass the filter (reported only when not suppressed).</param>
/// <param name="Period">The width of a bar of <see cref="OverTime"/>: one day, or one week (from Monday) for spans beyond 31 days.</param>
public sealed record StudyOverview(
    int MinimumCellSize,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<PolicyField> PolicyFields,
    int? Responses,
    IReadOnlyList<StatusCount> Statuses,
    IReadOnlyList<GroupCount> Groups,
    IReadOnlyList<FunnelStep> Funnel,
    IReadOnlyList<CompletionTime> CompletionTimes,
    OverviewPeriod Period,
    IReadOnlyList<PeriodCount> OverTime)
{
    /// <summary>No response passes the filter.</summary>
    public bool IsEmpty => Responses == 0;

    /// <summary>How many reported groups, across all of the overview's tables, are suppressed.</summary>
    public int SuppressedGroups =>
        (Responses is null ? 1 : 0)
        + Statuses.Count(s => s.N is null)
        + Groups.Count(g => g.N is null)
        + Funnel.Count(f => f.N is null)
        + CompletionTimes.Count(c => c.N is null)
        + OverTime.Count(p => p.Started is null || p.Completed is null);
}

/// <summary>The status a response is in, as the overview counts it.</summary>
public enum ResponseStatus
{
    Completed,
    InProgress,
    DeclinedConsent,
}

/// <summary>Responses of one audience in one status (declines are counted by audience, country, field and day only).</summary>
public sealed record StatusCount(Audience Audience, ResponseStatus Status, int? N);

/// <summary>Responses of one country, policy field and audience; <see cref="Country"/> and <see cref="PolicyField"/> are "" where not given.</summary>
public sealed record GroupCount(string Country, string CountryName, string PolicyField, string PolicyFieldLabel, Audience Audience, int? N);

/// <summary>
/// One step of the completion funnel of an audience: <see cref="Step"/> 0 is "started", 1..n "submitted page k"
/// (the visible page number, which routing can make differ between respondents), and n+1 "completed".
/// </summary>
public sealed record FunnelStep(Audience Audience, int Step, string Label, int? N);

/// <summary>Median minutes from start to completion of the completed responses of an audience.</summary>
public sealed record CompletionTime(Audience Audience, int? N, double? MedianMinutes);

/// <summary>Width of a bar of the responses-over-time chart.</summary>
public enum OverviewPeriod
{
    Day,
    Week,
}

/// <summary>Responses of an audience started in a period (day or week, UTC), and how many of those are completed.</summary>
public sealed record PeriodCount(DateOnly Start, Audience Audience, int? Started, int? Completed);

/// <summary>One response as the overview reads it: a projection, never the whole response.</summary>
public readonly record struct OverviewRow(
    Audience Audience,
    string? Country,
    string? PolicyField,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    int LastPage);

/// <summary>Consent declines of one audience.</summary>
public readonly record struct DeclineCount(Audience Audience, int N);
