using System.Globalization;
using CoproSurvey.App.Components.Pages.Survey;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CoproSurvey.App.Localization;

/// <summary>The language a respondent page is shown in and those the page's switcher offers (the source first).</summary>
public sealed record RespondentLanguage(string Current, IReadOnlyList<string> Offered)
{
    /// <summary>Whether the page's text runs right to left (the culture's <see cref="TextInfo.IsRightToLeft"/>).</summary>
    public bool IsRightToLeft => RespondentLanguages.IsRightToLeft(Current);
}

/// <summary>
/// Chooses the language of every respondent page before it renders, and sets <see cref="CultureInfo.CurrentUICulture"/>
/// (texts only: numbers and dates keep the invariant formats the forms post back) for the localizer, the
/// <c>lang</c> and <c>dir</c> of the page and its language switcher.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The study link (<c>/s/{study}/{audience}</c>): <c>?lang=</c> among the questionnaire's languages, else the
/// language of the response this device holds for the study (its resume cookie), else the browser's Accept-Language
/// among them, else the instrument's source language. The consent form posts back to the
/// same address, so the response starts in the language shown.</item>
/// <item>A response (<c>/r/{token}/...</c>): the language it is answered in. The switcher's link (<c>?lang=nl</c>)
/// changes it and redirects to the same page without the parameter, so the answers saved stay and a reload or the
/// next page keeps the language. A completed response's language is fixed; there the link only shows the page.</item>
/// <item>Resume and withdrawal by code: the platform's languages, chosen as for a study link.</item>
/// </list>
/// </remarks>
public static class RespondentCulture
{
    /// <summary>The languages the platform's own respondent texts exist in (the resx files of <see cref="RespondentTexts"/>).</summary>
    public static readonly IReadOnlyList<string> PlatformLanguages = ["en", "nl", "fr", "de", "et", "he"];

    /// <summary>The query parameter of study links and of the language switcher.</summary>
    public const string QueryParameter = "lang";

    public static IApplicationBuilder UseRespondentCulture(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
            {
                await next(context);
                return;
            }

            var language = await ChooseAsync(context, mayChangeResponse: true);
            if (context.Response.HasStarted || context.Response.Headers.Location.Count > 0)
            {
                // The language switcher's redirect.
                return;
            }

            if (language is not null)
            {
                context.Features.Set(language);
            }

            // Pages outside the respondent's path are English (App.razor gives them lang="en"), whatever the
            // server's own culture, so that the shared layout's texts agree with the page.
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language?.Current ?? SourceLanguage);
            try
            {
                await next(context);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        });

    /// <summary>The address of this page in another language: the same path and query, with <c>lang</c> replaced.</summary>
    public static string LinkTo(HttpRequest request, string language)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, QueryParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>(QueryParameter, language));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    /// <summary>
    /// The language of a request answered before it reaches a page (too many attempts, too large, unreadable): the
    /// one the respondent culture already chose, else chosen as for the page it was sent to, without changing the
    /// response's stored language or redirecting; null where the request is not a respondent's.
    /// </summary>
    public static async Task<RespondentLanguage?> OfRefusedRequestAsync(HttpContext context) =>
        context.Features.Get<RespondentLanguage>() ?? await ChooseAsync(context, mayChangeResponse: false);

    /// <summary>The language of the platform's neutral texts (<c>RespondentTexts.resx</c>) and of every page outside the respondent's path.</summary>
    public const string SourceLanguage = "en";

    private static async Task<RespondentLanguage?> ChooseAsync(HttpContext context, bool mayChangeResponse)
    {
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var requested = context.Request.Query[QueryParameter].FirstOrDefault();
        var responses = context.RequestServices.GetRequiredService<ResponseService>();
        var ct = context.RequestAborted;
        switch (segments)
        {
            case ["s", var study, var audienceSegment, ..] when SurveyPaths.TryParseAudience(audienceSegment, out var audience):
            {
                var studyKey = Uri.UnescapeDataString(study);
                var offered = await responses.GetLanguagesAsync(studyKey, audience, ct) ?? PlatformLanguages;
                var ofCookie = await CookieResponseLanguageAsync(context, responses, studyKey, audience, offered);
                return new RespondentLanguage(
                    RespondentLanguages.Match(offered, requested) ?? ofCookie ?? RespondentLanguages.Choose(offered, null, Preferred(context.Request)),
                    offered);
            }

            case ["r", var token, ..]:
            {
                var state = await responses.GetLanguageAsync(Uri.UnescapeDataString(token), ct);
                if (state is null)
                {
                    return new RespondentLanguage(RespondentLanguages.Choose(PlatformLanguages, requested, Preferred(context.Request)), PlatformLanguages);
                }

                var asked = RespondentLanguages.Match(state.Languages, requested);
                if (mayChangeResponse && asked is not null && !state.Completed && HttpMethods.IsGet(context.Request.Method))
                {
                    if (asked != state.Language)
                    {
                        await responses.ChangeLanguageAsync(Uri.UnescapeDataString(token), asked, ct);
                    }

                    // Post-redirect-get without the parameter: the stored language is what later pages follow.
                    var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value)
                        .Where(p => !string.Equals(p.Key, QueryParameter, StringComparison.OrdinalIgnoreCase))
                        .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
                    context.Response.Redirect(QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, query));
                    return null;
                }

                return new RespondentLanguage(asked ?? state.Language, state.Languages);
            }

            case ["resume" or "withdraw" or "withdrawn", ..]:
                return new RespondentLanguage(RespondentLanguages.Choose(PlatformLanguages, requested, Preferred(context.Request)), PlatformLanguages);

            default:
                return null;
        }
    }

    // The device's response to this study and audience (its resume cookie) was answered in a language the study
    // still offers: the study link, opened again, speaks it.
    private static async Task<string?> CookieResponseLanguageAsync(
        HttpContext context, ResponseService responses, string studyKey, Audience audience, IReadOnlyList<string> offered)
    {
        var name = SurveyPaths.ResumeCookie(studyKey, audience);
        var token = context.Request.Cookies.FirstOrDefault(c => string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var state = await responses.GetLanguageAsync(token, context.RequestAborted);
        return state is null ? null : RespondentLanguages.Match(offered, state.Language);
    }

    private static IEnumerable<string> Preferred(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .Where(v => v.Length > 0);
}
