using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;

namespace CoproSurvey.App.Components.Pages.Survey;

/// <summary>
/// Base of the respondent pages. They are rendered statically on the server (no render mode), post plain HTML
/// forms and answer every successful post with a redirect, so they work without JavaScript and a refresh never
/// posts twice.
/// </summary>
/// <remarks>
/// Pages with forms opt out of the endpoint's automatic antiforgery check
/// (<c>[RequireAntiforgeryToken(required: false)]</c>) and call <see cref="IsAntiforgeryValidAsync"/> in their
/// handler instead: a failed check (a tab restored after its cookie expired) then re-shows the page with what
/// was typed, a fresh token and <see cref="ExpiredMessage"/>, rather than the framework's bare 400 page.
/// <para>
/// Their forms post <c>multipart/form-data</c>: a URL-encoded body with a NUL character (<c>%00</c>) cannot be read
/// at all (the framework's form reader throws before any page code runs, and the answers are lost), whereas in a
/// multipart body the NUL arrives as a character and the answer validator rejects it with a field error.
/// </para>
/// </remarks>
public abstract class RespondentPage : ComponentBase
{
    public const string ExpiredMessage =
        "Your answers were not saved yet because the page had expired; please check them and press Next again.";

    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    [Inject] protected ResponseService Responses { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] private IAntiforgery Antiforgery { get; set; } = default!;

    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;

    /// <summary>True while handling a form post (the page renders again before its form handler runs).</summary>
    protected bool IsPost => HttpMethods.IsPost(HttpContext?.Request.Method ?? "");

    /// <summary>True for a GET: the page is about to be displayed, not re-displayed after a post.</summary>
    protected bool IsGet => HttpMethods.IsGet(HttpContext?.Request.Method ?? "");

    /// <summary>Whether the posted form carries a valid antiforgery token (see the remarks on the class).</summary>
    protected async Task<bool> IsAntiforgeryValidAsync() =>
        HttpContext is not null && await Antiforgery.IsRequestValidAsync(HttpContext);

    /// <summary>Remembers on this device the response started or resumed here (the cookie holds its access token).</summary>
    protected void RememberResponse(string studyKey, Audience audience, string accessToken) =>
        HttpContext?.Response.Cookies.Append(SurveyPaths.ResumeCookie(studyKey, audience), accessToken, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = HttpContext.Request.IsHttps,
            IsEssential = true,
            Expires = DateTimeOffset.UtcNow.AddDays(180),
        });

    /// <summary>Forgets a withdrawn response on this device.</summary>
    protected void ForgetResponse(string studyKey, Audience audience) =>
        HttpContext?.Response.Cookies.Delete(SurveyPaths.ResumeCookie(studyKey, audience), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = HttpContext.Request.IsHttps,
        });

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

    /// <summary>Where a respondent younger than the study's minimum age is thanked; nothing is stored.</summary>
    public static string BelowMinimumAge(string studyKey, Audience audience) => Entry(studyKey, audience) + "/age";

    public const string Resume = "/resume";

    /// <summary>Withdrawal with the resume code.</summary>
    public const string WithdrawWithCode = "/withdraw";

    /// <summary>Where both ways of withdrawing end: the deletion confirmed.</summary>
    public const string Withdrawn = "/withdrawn";

    public static string Response(string accessToken) => $"/r/{Uri.EscapeDataString(accessToken)}";

    public static string Page(string accessToken, int page) => $"{Response(accessToken)}/{page}";

    public static string Done(string accessToken) => $"{Response(accessToken)}/done";

    public static string Withdraw(string accessToken) => $"{Response(accessToken)}/withdraw";

    /// <summary>One cookie per study and audience, holding the access token of the response started or resumed there.</summary>
    public static string ResumeCookie(string studyKey, Audience audience) =>
        "coprosurvey-" + new string(studyKey.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + "-" + Segment(audience);

    /// <summary>Posted form fields keyed by item code; framework fields and empty values are left out (an empty field is no answer).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Answers(IFormCollection form) =>
        form.Where(f => !f.Key.StartsWith('_'))
            .Select(f => (f.Key, Values: (IReadOnlyList<string>)f.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray()))
            .Where(f => f.Values.Count > 0)
            .ToDictionary(f => f.Key, f => f.Values, StringComparer.Ordinal);
}
