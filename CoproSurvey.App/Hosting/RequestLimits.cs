using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// Request size caps for every endpoint, sized on the largest legitimate page: the longest answer is a 2,000
/// character text (at most 4 UTF-8 bytes a character, each percent-encoded: 24,000 bytes), and the busiest page
/// posts a few dozen fields plus the antiforgery token. Kestrel enforces the body cap on the wire; a declared
/// Content-Length over it is refused here before anything is read, also where Kestrel is not the server.
/// </summary>
public static class RequestLimits
{
    /// <summary>Largest request body accepted (256 KB).</summary>
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>Longest single form value (32 KB).</summary>
    public const int MaxFormValueLength = 32 * 1024;

    /// <summary>Most form fields in one post.</summary>
    public const int MaxFormValueCount = 400;

    /// <summary>Longest form field name (item codes and framework field names are far shorter).</summary>
    public const int MaxFormKeyLength = 128;

    public static IServiceCollection AddCoproSurveyRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.Configure<FormOptions>(options =>
        {
            options.BufferBodyLengthLimit = MaxBodyBytes;
            options.MultipartBodyLengthLimit = MaxBodyBytes;
            options.ValueLengthLimit = MaxFormValueLength;
            options.ValueCountLimit = MaxFormValueCount;
            options.KeyLengthLimit = MaxFormKeyLength;
        });
        return services;
    }

    /// <summary>
    /// The body cap of the request's endpoint: <see cref="MaxBodyBytes"/>, unless the endpoint declares its own
    /// (<c>[RequestSizeLimit]</c>, <c>IRequestSizeLimitMetadata</c>; routing applies the same to Kestrel), as a
    /// file import would. Null means no cap.
    /// </summary>
    public static long? BodyCapFor(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared
            ? declared.MaxRequestBodySize
            : MaxBodyBytes;

    /// <summary>
    /// Answers 413 to a request whose declared body is over its cap (<see cref="BodyCapFor"/>), without reading it, and
    /// 400 to a form that cannot be read.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyCap(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > BodyCapFor(context))
            {
                // The unread body is not drained: the connection closes instead of receiving it.
                context.Response.Headers.Connection = "close";
                await RejectionPage.WriteAsync(
                    context,
                    StatusCodes.Status413PayloadTooLarge,
                    "Refused.TooLarge.Title",
                    "Refused.TooLarge.Text",
                    context.RequestAborted);
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception e) when (e is InvalidDataException or Microsoft.AspNetCore.Http.BadHttpRequestException && !context.Response.HasStarted)
            {
                // A form that cannot be read (a NUL character in a URL-encoded value, more fields or longer values than
                // any page has): a styled 400, not an error page. Browsers post the respondent forms as multipart, where
                // such characters reach the page's own validation instead.
                await RejectionPage.WriteAsync(
                    context,
                    StatusCodes.Status400BadRequest,
                    "Refused.Unreadable.Title",
                    "Refused.Unreadable.Text",
                    context.RequestAborted);
            }
        });
}
