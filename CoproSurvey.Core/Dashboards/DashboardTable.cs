using System.Globalization;
using CsvHelper;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// A dashboard table as it is downloaded: long format, one row per group, counts and statistics as invariant-culture
/// numbers. A suppressed value is an empty cell, and the row says so in its <c>suppressed</c> column (1).
/// </summary>
public sealed record DashboardTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Writes the table as CSV (RFC 4180, a header row, cells a spreadsheet would run as formulas escaped).</summary>
    public async Task WriteCsvAsync(TextWriter output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Export.ExportFormat.Csv, true);
        csv.WriteRecord(Columns.ToArray());
        foreach (var row in Rows)
        {
            csv.WriteRecord(row.ToArray());
        }

        await csv.FlushAsync(ct);
    }

    internal static string Cell(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    internal static string Cell(double? x, string format = "R") =>
        x is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    internal static string Flag(bool suppressed) => suppressed ? "1" : "0";
}

/// <summary>The overview's tables by the names the download addresses use.</summary>
public static class OverviewTables
{
    public const string Status = "status";
    public const string Groups = "groups";
    public const string Funnel = "funnel";
    public const string CompletionTime = "completion-time";
    public const string OverTime = "over-time";

    /// <summary>The names, in the order the page shows the tables; the first is the default download.</summary>
    public static IReadOnlyList<string> Names { get; } = [Groups, Status, Funnel, CompletionTime, OverTime];

    /// <summary>The named table of an overview, or null for an unknown name.</summary>
    public static DashboardTable? Table(StudyOverview overview, string name)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return name switch
        {
            Status => new DashboardTable(name, ["audience", "status", "n", "suppressed"],
                overview.Statuses.Select(s => Row(Code(s.Audience), Code(s.Status), DashboardTable.Cell(s.N), DashboardTable.Flag(s.N is null))).ToList()),
            Groups => new DashboardTable(name, ["country", "policy_field", "audience", "n", "suppressed"],
                overview.Groups.Select(g => Row(g.Country, g.PolicyField, Code(g.Audience), DashboardTable.Cell(g.N), DashboardTable.Flag(g.N is null))).ToList()),
            Funnel => new DashboardTable(name, ["audience", "step", "label", "n", "suppressed"],
                overview.Funnel.Select(f => Row(Code(f.Audience), f.Step.ToString(CultureInfo.InvariantCulture), f.Label, DashboardTable.Cell(f.N), DashboardTable.Flag(f.N is null))).ToList()),
            CompletionTime => new DashboardTable(name, ["audience", "n", "median_minutes", "suppressed"],
                overview.CompletionTimes.Select(c => Row(Code(c.Audience), DashboardTable.Cell(c.N), DashboardTable.Cell(c.MedianMinutes, "0.##"), DashboardTable.Flag(c.N is null))).ToList()),
            OverTime => new DashboardTable(name, ["period_start", "period", "audience", "started", "completed", "suppressed"],
                overview.OverTime.Select(p => Row(
                    p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), overview.Period == OverviewPeriod.Day ? "day" : "week", Code(p.Audience),
                    DashboardTable.Cell(p.Started), DashboardTable.Cell(p.Completed), DashboardTable.Flag(p.Started is null))).ToList()),
            _ => null,
        };
    }

    private static IReadOnlyList<string> Row(params string[] cells) => cells;

    private static string Code(Enum value) => value switch
    {
        ResponseStatus.InProgress => "in_progress",
        ResponseStatus.DeclinedConsent => "declined_consent",
        _ => value.ToString().ToLowerInvariant(),
    };
}
