namespace CoproSurvey.Core.Dashboards;

/// <summary>Settings of the researcher dashboards (configuration section <c>Dashboards</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>Configuration section the options are read from.</summary>
    public const string SectionName = "Dashboards";

    /// <summary>
    /// Statistical disclosure control: a group of fewer respondents than this (but at least one) is never reported,
    /// in tables, charts or downloads (<c>Dashboards:MinimumCellSize</c>, default 5). A study file may set its own
    /// (<c>"dashboards": {"minimumCellSize": N}</c>), which then applies to that study instead.
    /// </summary>
    public int MinimumCellSize { get; set; } = 5;

    /// <summary>
    /// Memory the dashboards may keep studies' data in (<c>Dashboards:CacheMegabytes</c>, default 512): about
    /// 8 bytes per response and numeric variable, so 100,000 responses of both questionnaires take about 130 MB.
    /// </summary>
    public int CacheMegabytes { get; set; } = 512;

    /// <summary>The rule for a study: its own threshold when its file sets one, else this platform setting (at least 1).</summary>
    public CellRule RuleFor(int? studyMinimumCellSize) => new(Math.Max(1, studyMinimumCellSize ?? MinimumCellSize));
}

/// <summary>The small-cell rule applied to one count.</summary>
public readonly record struct CellRule(int MinimumCellSize)
{
    /// <summary>True for a group too small to report: at least one respondent and fewer than the minimum. Empty groups reveal nobody.</summary>
    public bool Suppresses(int n) => n > 0 && n < MinimumCellSize;

    /// <summary>The count as it may be reported: null when suppressed.</summary>
    public int? Report(int n) => Suppresses(n) ? null : n;
}
