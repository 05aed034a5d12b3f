using System.Globalization;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.App.Components.Dashboards;

/// <summary>How the dashboards write numbers and names: one place, so tables, charts and notes agree.</summary>
public static class DashboardFormat
{
    /// <summary>What a suppressed cell shows.</summary>
    public const string Suppressed = "–";

    public static string Count(int? n) => n?.ToString("N0", CultureInfo.InvariantCulture) ?? Suppressed;

    public static string Number(double? x, string format = "0.00") =>
        x is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : Suppressed;

    /// <summary>A p-value as APA writes it: three decimals, "&lt; .001" below that.</summary>
    public static string P(double p) => p < 0.001 ? "< .001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Audience(Audience audience) => audience switch
    {
        Core.Instruments.Audience.Citizen => "Citizens",
        Core.Instruments.Audience.Professional => "Professionals",
        _ => audience.ToString(),
    };

    /// <summary>Colours of the audiences in every chart.</summary>
    public static string Colour(Audience audience) => audience == Core.Instruments.Audience.Citizen ? "#1b6ca8" : "#d9822b";
}
