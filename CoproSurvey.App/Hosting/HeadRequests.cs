using Microsoft.AspNetCore.Routing;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// Pages answer HEAD as they answer GET (RFC 9110: same status and headers, no body): link checkers, proxies and
/// the preview of a messaging app ask with HEAD before anyone opens an invitation link.
/// </summary>
/// <remarks>
/// The page endpoints take HEAD besides GET and POST, and the server sends no body for it. A HEAD is not a GET to
/// the pages: a questionnaire page records that it was shown only for a GET, so a preview leaves no paradata.
/// </remarks>
public static class HeadRequests
{
    /// <summary>
    /// Sends no body for HEAD, whatever the page writes: Kestrel drops it too, but not every server in front of the
    /// pipeline (the test server among them) does.
    /// </summary>
    public static IApplicationBuilder UseHeadWithoutBody(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Response.Body;
            context.Response.Body = Stream.Null;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }
        });

    public static TBuilder AnswerHeadLikeGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault();
            if (methods is null || !methods.HttpMethods.Contains(HttpMethods.Get) || methods.HttpMethods.Contains(HttpMethods.Head))
            {
                return;
            }

            endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
        });
        return builder;
    }
}
