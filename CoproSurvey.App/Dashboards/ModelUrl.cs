using CoproSurvey.Core.Dashboards;

namespace CoproSurvey.App.Dashboards;

/// <summary>
/// The model view's choices in the address, after the filter: <c>?outcome=c_col&amp;x=c_eff_int&amp;x=country&amp;se=hc3</c>,
/// so that a model can be shared and reloaded.
/// </summary>
public static class ModelUrl
{
    public const string OutcomeKey = "outcome";
    public const string PredictorKey = "x";
    public const string ErrorsKey = "se";

    /// <summary>The standard errors by their code in the address, with the form's titles.</summary>
    public static IReadOnlyList<(string Code, string Title)> StandardErrors { get; } =
    [
        ("classical", "Classical"),
        ("hc3", "Robust (HC3)"),
        ("cluster-country", "Clustered by country"),
        ("cluster-unit", "Clustered by service unit"),
    ];

    public static string Code(ModelStandardErrors errors) => errors switch
    {
        ModelStandardErrors.HC3 => "hc3",
        ModelStandardErrors.ClusterCountry => "cluster-country",
        ModelStandardErrors.ClusterServiceUnit => "cluster-unit",
        _ => "classical",
    };

    /// <summary>The standard errors a code names; classical for anything else.</summary>
    public static ModelStandardErrors Parse(string? code) => code switch
    {
        "hc3" => ModelStandardErrors.HC3,
        "cluster-country" => ModelStandardErrors.ClusterCountry,
        "cluster-unit" => ModelStandardErrors.ClusterServiceUnit,
        _ => ModelStandardErrors.Classical,
    };

    /// <summary>The choice in the address, or null when it names no outcome.</summary>
    public static ModelChoice? Parse(string? outcome, IEnumerable<string?>? predictors, string? errors) =>
        string.IsNullOrWhiteSpace(outcome)
            ? null
            : new ModelChoice(
                outcome.Trim(),
                [.. (predictors ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.Ordinal)],
                Parse(errors));

    /// <summary>The address of the model view with the filter and the choice.</summary>
    public static string ViewUrl(string studyKey, DashboardFilter filter, ModelChoice? choice)
    {
        var url = DashboardQuery.ViewUrl(studyKey, "model", filter);
        if (choice is null)
        {
            return url;
        }

        var pairs = new List<KeyValuePair<string, string?>> { new(OutcomeKey, choice.Outcome) };
        pairs.AddRange(choice.Predictors.Select(p => new KeyValuePair<string, string?>(PredictorKey, p)));
        pairs.Add(new(ErrorsKey, Code(choice.StandardErrors)));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", pairs);
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" + query[1..] : query);
    }
}
