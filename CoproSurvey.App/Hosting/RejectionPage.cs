using System.Net;
using System.Text;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// The answer to a request refused before it reaches a page (too many attempts, too large): a short page in the
/// site's look for browsers, one plain sentence for anything else. It has a body, so the status-code pages do not
/// replace it with "page not found".
/// </summary>
public static class RejectionPage
{
    /// <summary>Writes <paramref name="status"/> with the sentence, as HTML when the client accepts HTML.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string sentence, CancellationToken cancellationToken)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        if (!AcceptsHtml(context.Request))
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(sentence + "\n", Encoding.UTF8, cancellationToken);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Html(title, sentence), Encoding.UTF8, cancellationToken);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    // The layout of MainLayout, without scripts; stylesheets by their unfingerprinted addresses, which the static
    // assets serve as well.
    private static string Html(string title, string sentence) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{WebUtility.HtmlEncode(title)}} - CoproSurvey</title>
            <link rel="stylesheet" href="/lib/bootstrap/dist/css/bootstrap.min.css" />
            <link rel="stylesheet" href="/app.css" />
            <link rel="icon" type="image/png" href="/favicon.png" />
        </head>
        <body>
            <header class="site-header">
                <nav class="navbar navbar-expand bg-white border-bottom" aria-label="Site">
                    <div class="container"><a class="navbar-brand fw-semibold" href="/">CoproSurvey</a></div>
                </nav>
            </header>
            <main class="container py-4" id="main">
                <h1 class="h2">{{WebUtility.HtmlEncode(title)}}</h1>
                <p>{{WebUtility.HtmlEncode(sentence)}}</p>
                <p>Answers you saved before are not lost.</p>
            </main>
        </body>
        </html>
        """;
}
