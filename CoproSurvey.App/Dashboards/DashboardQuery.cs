using System.Globalization;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CoproSurvey.App.Dashboards;

/// <summary>
/// The dashboard filter in the address, so that a view can be shared and reloaded:
/// <c>?audience=citizen&amp;country=BE&amp;country=DE&amp;field=health&amp;complete=1&amp;from=2026-01-01&amp;to=2026-03-31</c>.
/// Values that name nothing (an unknown audience, a malformed date) are ignored rather than refused.
/// </summary>
public static class DashboardQuery
{
    public const string AudienceKey = "audience";
    public const string CountryKey = "country";
    public const string FieldKey = "field";
    public const string CompleteKey = "complete";
    public const string FromKey = "from";
    public const string ToKey = "to";

    /// <summary>The views of a study's dashboard, in the order of its tabs: route segment and tab title.</summary>
    public static IReadOnlyList<(string Segment, string Title)> Views { get; } =
    [
        ("", "Overview"),
        ("compare", "Compare"),
        ("gap", "Citizens vs professionals"),
        ("relations", "Relations"),
        ("measurement", "Measurement"),
        ("model", "Model"),
    ];

    /// <summary>The filter named by a query string (with or without its leading '?').</summary>
    public static DashboardFilter Parse(string queryString) => Parse(QueryHelpers.ParseQuery(queryString));

    /// <summary>The filter named by parsed query values.</summary>
    public static DashboardFilter Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
        return Parse(
            Values(values, AudienceKey), Values(values, CountryKey), Values(values, FieldKey),
            Values(values, CompleteKey).FirstOrDefault(), Values(values, FromKey).FirstOrDefault(), Values(values, ToKey).FirstOrDefault());
    }

    /// <summary>The filter from its query values as a page receives them.</summary>
    public static DashboardFilter Parse(
        IEnumerable<string?>? audiences, IEnumerable<string?>? countries, IEnumerable<string?>? fields, string? complete, string? from, string? to)
    {
        var audienceList = (audiences ?? [])
            .Select(a => Enum.TryParse<Audience>(a, ignoreCase: true, out var audience) && Enum.IsDefined(audience) && !int.TryParse(a, out _) ? audience : (Audience?)null)
            .OfType<Audience>()
            .Distinct()
            .Order()
            .ToList();
        return new DashboardFilter(
            audienceList,
            Clean(countries),
            Clean(fields),
            complete is "1" or "true" or "on",
            Day(from),
            Day(to));
    }

    /// <summary>The query string of a filter ("" for no filter, else starting with '?').</summary>
    public static string ToQueryString(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pairs = new List<KeyValuePair<string, string?>>();
        pairs.AddRange(filter.Audiences.Select(a => new KeyValuePair<string, string?>(AudienceKey, a.ToString().ToLowerInvariant())));
        pairs.AddRange(filter.Countries.Select(c => new KeyValuePair<string, string?>(CountryKey, c)));
        pairs.AddRange(filter.PolicyFields.Select(f => new KeyValuePair<string, string?>(FieldKey, f)));
        if (filter.CompleteOnly)
        {
            pairs.Add(new(CompleteKey, "1"));
        }

        if (filter.From is { } from)
        {
            pairs.Add(new(FromKey, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (filter.To is { } to)
        {
            pairs.Add(new(ToKey, to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString("", pairs);
    }

    /// <summary>The address of a dashboard view (<paramref name="view"/> "" for the overview) with the filter.</summary>
    public static string ViewUrl(string studyKey, string view, DashboardFilter filter) =>
        $"/research/studies/{Uri.EscapeDataString(studyKey)}/dashboard{(view.Length == 0 ? "" : "/" + view)}{ToQueryString(filter)}";

    /// <summary>The download address of one table of a view, with the filter.</summary>
    public static string CsvUrl(string studyKey, string view, string table, DashboardFilter filter)
    {
        var query = ToQueryString(filter);
        return $"/research/studies/{Uri.EscapeDataString(studyKey)}/dashboard/{view}.csv{query}{(query.Length == 0 ? "?" : "&")}table={Uri.EscapeDataString(table)}";
    }

    private static IEnumerable<string?> Values(Dictionary<string, StringValues> values, string key) =>
        values.TryGetValue(key, out var found) ? found.AsEnumerable() : [];

    private static List<string> Clean(IEnumerable<string?>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
