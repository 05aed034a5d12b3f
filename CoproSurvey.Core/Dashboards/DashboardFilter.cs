using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// Which responses a dashboard counts. Empty lists mean "all". The date range (UTC days, both ends included) is on
/// the day a completed response was completed and the day a partial one was started, as in the export's filter, so
/// that every view and the export of the same filter count the same responses.
/// </summary>
public sealed record DashboardFilter(
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> PolicyFields,
    bool CompleteOnly,
    DateOnly? From,
    DateOnly? To)
{
    /// <summary>Every response of the study.</summary>
    public static DashboardFilter All { get; } = new([], [], [], false, null, null);

    /// <summary>The same filter as a stable text, for cache keys.</summary>
    public string Key =>
        string.Join('|',
            string.Join(',', Audiences.Order()),
            string.Join(',', Countries.Order(StringComparer.Ordinal)),
            string.Join(',', PolicyFields.Order(StringComparer.Ordinal)),
            CompleteOnly ? "complete" : "all",
            From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>Whether consent declines, which carry audience, country, field and day but no answers, can be filtered alike.</summary>
    internal bool AppliesToDeclines => !CompleteOnly;

    internal IQueryable<Response> Apply(IQueryable<Response> responses)
    {
        if (Audiences.Count > 0)
        {
            var audiences = Audiences.ToList();
            responses = responses.Where(r => audiences.Contains(r.Audience));
        }

        if (Countries.Count > 0)
        {
            var countries = Countries.ToList();
            responses = responses.Where(r => r.Country != null && countries.Contains(r.Country));
        }

        if (PolicyFields.Count > 0)
        {
            var fields = PolicyFields.ToList();
            responses = responses.Where(r => r.PolicyField != null && fields.Contains(r.PolicyField));
        }

        if (CompleteOnly)
        {
            responses = responses.Where(r => r.CompletedAt != null);
        }

        if (StartOf(From) is { } from)
        {
            responses = responses.Where(r => (r.CompletedAt != null && r.CompletedAt >= from) || (r.CompletedAt == null && r.StartedAt >= from));
        }

        if (EndOf(To) is { } to)
        {
            responses = responses.Where(r => (r.CompletedAt != null && r.CompletedAt < to) || (r.CompletedAt == null && r.StartedAt < to));
        }

        return responses;
    }

    internal IQueryable<ConsentDecline> Apply(IQueryable<ConsentDecline> declines)
    {
        if (Audiences.Count > 0)
        {
            var audiences = Audiences.ToList();
            declines = declines.Where(d => audiences.Contains(d.Audience));
        }

        if (Countries.Count > 0)
        {
            var countries = Countries.ToList();
            declines = declines.Where(d => d.Country != null && countries.Contains(d.Country));
        }

        if (PolicyFields.Count > 0)
        {
            var fields = PolicyFields.ToList();
            declines = declines.Where(d => d.PolicyField != null && fields.Contains(d.PolicyField));
        }

        if (StartOf(From) is { } from)
        {
            declines = declines.Where(d => d.At >= from);
        }

        if (EndOf(To) is { } to)
        {
            declines = declines.Where(d => d.At < to);
        }

        return declines;
    }

    private static DateTimeOffset? StartOf(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private static DateTimeOffset? EndOf(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
