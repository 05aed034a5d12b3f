using System.Globalization;
using System.Net;
using System.Text;
using CoproSurvey.App.Localization;
using Microsoft.Extensions.Localization;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// The answer to a request refused before it reaches a page (too many attempts, too large, unreadable): a short
/// static page in the site's look for browsers, one plain sentence for anything else, both in the respondent's
/// language where the request is a respondent's (<see cref="RespondentCulture.OfRefusedRequestAsync"/>), else in
/// English. It has a body, so the status-code pages do not replace it with "page not found".
/// </summary>
public static class RejectionPage
{
    /// <summary>
    /// Writes <paramref name="status"/> with the texts <paramref name="titleKey"/> and <paramref name="textKey"/> of
    /// <see cref="RespondentTexts"/> (the latter formatted with <paramref name="arguments"/>), as HTML when the
    /// client accepts HTML.
    /// </summary>
    public static async Task WriteAsync(
        HttpContext context, int status, string titleKey, string textKey, CancellationToken cancellationToken, params object[] arguments)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        var language = await RespondentCulture.OfRefusedRequestAsync(context);
        var current = language?.Current ?? RespondentCulture.SourceLanguage;
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<RespondentTexts>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(current);
        string title, sentence, saved, site;
        try
        {
            title = localizer[titleKey];
            sentence = localizer[textKey, arguments];
            saved = localizer["Refused.Saved"];
            site = localizer["Header.Site"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentLanguage = current;
        if (!AcceptsHtml(context.Request))
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(sentence + "\n", Encoding.UTF8, cancellationToken);
            return;
        }

        var direction = language?.IsRightToLeft == true ? "rtl" : "ltr";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Html(current, direction, title, sentence, saved, site), Encoding.UTF8, cancellationToken);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    // The layout of MainLayout, without scripts; stylesheets by their unfingerprinted addresses, which the static
    // assets serve as well.
    private static string Html(string language, string direction, string title, string sentence, string saved, string site) => $$"""
        <!DOCTYPE html>
        <html lang="{{WebUtility.HtmlEncode(language)}}" dir="{{direction}}">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{WebUtility.HtmlEncode(title)}} - CoproSurvey</title>
            <link rel="stylesheet" href="/lib/bootstrap/dist/css/{{(direction == "rtl" ? "bootstrap.rtl.min.css" : "bootstrap.min.css")}}" />
            <link rel="stylesheet" href="/app.css" />
            <link rel="icon" type="image/png" href="/favicon.png" />
        </head>
        <body>
            <header class="site-header">
                <nav class="navbar navbar-expand bg-white border-bottom" aria-label="{{WebUtility.HtmlEncode(site)}}">
                    <div class="container"><a class="navbar-brand fw-semibold" href="/">CoproSurvey</a></div>
                </nav>
            </header>
            <main class="container py-4" id="main">
                <h1 class="h2">{{WebUtility.HtmlEncode(title)}}</h1>
                <p>{{WebUtility.HtmlEncode(sentence)}}</p>
                <p>{{WebUtility.HtmlEncode(saved)}}</p>
            </main>
        </body>
        </html>
        """;
}
