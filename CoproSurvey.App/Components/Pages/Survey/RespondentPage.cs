using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using Microsoft.AspNetCore.Components;

namespace CoproSurvey.App.Components.Pages.Survey;

/// <summary>
/// Base of the respondent pages. They are rendered statically on the server (no render mode), post plain HTML
/// forms and answer every successful post with a redirect, so they work without JavaScript and a refresh never
/// posts twice.
/// </summary>
public abstract class RespondentPage : ComponentBase
{
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    [Inject] protected ResponseService Responses { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;

    /// <summary>True while handling a form post (the page renders again before its form handler runs).</summary>
    protected bool IsPost => HttpMethods.IsPost(HttpContext?.Request.Method ?? "");

    /// <summary>The current path without query or fragment, for links into the page itself.</summary>
    protected string CurrentPath => new Uri(Navigation.Uri).AbsolutePath;
}

/// <summary>Addresses of the respondent pages and the cookie that remembers a started response.</summary>
public static class SurveyPaths
{
    public static string Segment(Audience audience) => audience.ToString().ToLowerInvariant();

    public static bool TryParseAudience(string segment, out Audience audience)
    {
        foreach (var candidate in Enum.GetValues<Audience>())
        {
            if (string.Equals(Segment(candidate), segment, StringComparison.OrdinalIgnoreCase))
            {
                audience = candidate;
                return true;
            }
        }

        audience = default;
        return false;
    }

    public static string Entry(string studyKey, Audience audience) => $"/s/{Uri.EscapeDataString(studyKey)}/{Segment(audience)}";

    public static string Declined(string studyKey, Audience audience) => Entry(studyKey, audience) + "/declined";

    public static string Response(string resumeCode) => $"/r/{Uri.EscapeDataString(resumeCode)}";

    public static string Page(string resumeCode, int page) => $"{Response(resumeCode)}/{page}";

    public static string Done(string resumeCode) => $"{Response(resumeCode)}/done";

    /// <summary>One cookie per study and audience, holding the resume code of the response started there.</summary>
    public static string ResumeCookie(string studyKey, Audience audience) =>
        "coprosurvey-" + new string(studyKey.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + "-" + Segment(audience);

    /// <summary>Posted form fields keyed by item code; framework fields and empty values are left out (an empty field is no answer).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Answers(IFormCollection form) =>
        form.Where(f => !f.Key.StartsWith('_'))
            .Select(f => (f.Key, Values: (IReadOnlyList<string>)f.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray()))
            .Where(f => f.Values.Count > 0)
            .ToDictionary(f => f.Key, f => f.Values, StringComparer.Ordinal);
}
