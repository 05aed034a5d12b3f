namespace CoproSurvey.App.Hosting;

/// <summary>
/// Response headers that keep pages from being framed, sniffed, or leaking their address: respondent addresses
/// carry tokens, so no page sends a Referer. Static respondent and account pages run no inline script at all;
/// researcher pages (<c>/research</c>) get what the interactive server render mode and charts need, no more.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Path prefix of the researcher area.</summary>
    public const string ResearchPrefix = "/research";

    // Components set style attributes for computed values (progress width, scale columns), hence style-src-attr;
    // <style> elements and inline script stay forbidden. The Blazor circuit's WebSocket is same-origin ('self').
    private const string Common =
        "default-src 'self'; script-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Policy of every page outside <see cref="ResearchPrefix"/>.</summary>
    public const string PublicContentSecurityPolicy = Common + "; style-src 'self'; style-src-attr 'unsafe-inline'";

    /// <summary>Policy of researcher pages: charts style elements inline.</summary>
    public const string ResearchContentSecurityPolicy = Common + "; style-src 'self' 'unsafe-inline'";

    /// <summary>Adds the headers to every response, also to error pages (set when the response starts, after any handler cleared it).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Decided on the address asked for: a re-executed error page must not change the policy.
            var research = context.Request.Path.StartsWithSegments(ResearchPrefix, StringComparison.OrdinalIgnoreCase);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = research
                    ? ResearchContentSecurityPolicy
                    : PublicContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
