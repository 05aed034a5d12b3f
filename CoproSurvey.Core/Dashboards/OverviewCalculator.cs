using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Core.Dashboards;

/// <summary>The overview's figures from projected rows: pure, so its arithmetic is tested without a database.</summary>
public static class OverviewCalculator
{
    /// <summary>Spans of more days than this are charted by week: daily counts of a longer fieldwork are mostly too small to show.</summary>
    public const int DailyUpToDays = 31;

    public static StudyOverview Compute(
        IReadOnlyList<OverviewRow> rows,
        IReadOnlyList<DeclineCount> declines,
        IReadOnlyList<Audience> audiences,
        IReadOnlyList<Country> countries,
        IReadOnlyList<PolicyField> fields,
        CellRule rule)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shown = audiences.Count > 0 ? audiences : rows.Select(r => r.Audience).Distinct().Order().ToList();
        var statuses = new List<StatusCount>();
        foreach (var audience in shown)
        {
            var completed = rows.Count(r => r.Audience == audience && r.CompletedAt is not null);
            var inProgress = rows.Count(r => r.Audience == audience && r.CompletedAt is null);
            var declined = declines.Where(d => d.Audience == audience).Sum(d => d.N);
            statuses.Add(new StatusCount(audience, ResponseStatus.Completed, rule.Report(completed)));
            statuses.Add(new StatusCount(audience, ResponseStatus.InProgress, rule.Report(inProgress)));
            statuses.Add(new StatusCount(audience, ResponseStatus.DeclinedConsent, rule.Report(declined)));
        }

        var countryNames = countries.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        var fieldLabels = fields.ToDictionary(f => f.Code, f => f.Label, StringComparer.Ordinal);
        var countryOrder = countries.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var fieldOrder = fields.Select((f, i) => (f.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var groups = rows
            .GroupBy(r => (Country: r.Country ?? "", Field: r.PolicyField ?? "", r.Audience))
            .OrderBy(g => countryOrder.GetValueOrDefault(g.Key.Country, int.MaxValue)).ThenBy(g => g.Key.Country, StringComparer.Ordinal)
            .ThenBy(g => fieldOrder.GetValueOrDefault(g.Key.Field, int.MaxValue)).ThenBy(g => g.Key.Field, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Audience)
            .Select(g => new GroupCount(
                g.Key.Country,
                g.Key.Country.Length == 0 ? "(not given)" : countryNames.GetValueOrDefault(g.Key.Country, g.Key.Country),
                g.Key.Field,
                g.Key.Field.Length == 0 ? "(not given)" : fieldLabels.GetValueOrDefault(g.Key.Field, g.Key.Field),
                g.Key.Audience,
                rule.Report(g.Count())))
            .ToList();

        var funnel = new List<FunnelStep>();
        var times = new List<CompletionTime>();
        foreach (var audience in shown)
        {
            var ofAudience = rows.Where(r => r.Audience == audience).ToList();
            var pages = ofAudience.Count == 0 ? 0 : ofAudience.Max(r => r.LastPage);
            funnel.Add(new FunnelStep(audience, 0, "Started", rule.Report(ofAudience.Count)));
            for (var page = 1; page <= pages; page++)
            {
                funnel.Add(new FunnelStep(audience, page, $"Page {page}", rule.Report(ofAudience.Count(r => r.LastPage >= page))));
            }

            var minutes = ofAudience
                .Where(r => r.CompletedAt is not null)
                .Select(r => (r.CompletedAt!.Value - r.StartedAt).TotalMinutes)
                .Order()
                .ToArray();
            funnel.Add(new FunnelStep(audience, pages + 1, "Completed", rule.Report(minutes.Length)));
            times.Add(rule.Suppresses(minutes.Length) || minutes.Length == 0
                ? new CompletionTime(audience, rule.Report(minutes.Length), null)
                : new CompletionTime(audience, minutes.Length, Samples.QuantileType7(minutes, 0.5)));
        }

        var (period, overTime) = OverTime(rows, shown, rule);
        return new StudyOverview(
            rule.MinimumCellSize, shown, countries, fields, rule.Report(rows.Count), statuses, groups, funnel, times, period, overTime);
    }

    private static (OverviewPeriod, IReadOnlyList<PeriodCount>) OverTime(IReadOnlyList<OverviewRow> rows, IReadOnlyList<Audience> audiences, CellRule rule)
    {
        if (rows.Count == 0)
        {
            return (OverviewPeriod.Day, []);
        }

        var first = DateOnly.FromDateTime(rows.Min(r => r.StartedAt).UtcDateTime);
        var last = DateOnly.FromDateTime(rows.Max(r => r.StartedAt).UtcDateTime);
        var period = last.DayNumber - first.DayNumber + 1 > DailyUpToDays ? OverviewPeriod.Week : OverviewPeriod.Day;
        DateOnly StartOf(DateOnly day) =>
            period == OverviewPeriod.Day ? day : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

        var counts = rows
            .GroupBy(r => (Start: StartOf(DateOnly.FromDateTime(r.StartedAt.UtcDateTime)), r.Audience))
            .ToDictionary(g => g.Key, g => (Started: g.Count(), Completed: g.Count(r => r.CompletedAt is not null)));
        var result = new List<PeriodCount>();
        var step = period == OverviewPeriod.Day ? 1 : 7;
        for (var start = StartOf(first); start <= last; start = start.AddDays(step))
        {
            foreach (var audience in audiences)
            {
                var (started, completed) = counts.GetValueOrDefault((start, audience));
                // A period's completed count is a subgroup of its started count: both go when either is too small.
                var hide = rule.Suppresses(started) || rule.Suppresses(completed);
                result.Add(new PeriodCount(start, audience, hide ? null : started, hide ? null : completed));
            }
        }

        return (period, result);
    }
}
