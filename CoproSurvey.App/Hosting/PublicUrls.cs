namespace CoproSurvey.App.Hosting;

/// <summary>
/// Absolute addresses of the platform, for links that leave the browser (a setup link printed by the command
/// line, a link in a message). Built from <c>CoproSurvey:PublicUrl</c> when set (e.g.
/// <c>https://survey.example.org</c>), never from a request's Host header alone.
/// </summary>
public sealed class PublicUrls
{
    /// <summary>Configuration key of the public base address.</summary>
    public const string ConfigurationKey = "CoproSurvey:PublicUrl";

    // Kestrel's own default when neither PublicUrl nor urls is given.
    private static readonly Uri KestrelDefault = new("http://localhost:5000/");
    private readonly IConfiguration configuration;

    public PublicUrls(IConfiguration configuration)
    {
        this.configuration = configuration;
        Configured = configuration[ConfigurationKey] is { Length: > 0 } text ? Parse(text) : null;
    }

    /// <summary>The configured public base address (ending in '/'), or null when not configured.</summary>
    public Uri? Configured { get; }

    /// <summary>
    /// The base address links are made from: <see cref="Configured"/>; else, with a request, its scheme and host
    /// (the host has passed <c>AllowedHosts</c>); else the first address the server listens on (<c>urls</c>,
    /// wildcard hosts read as localhost); else <c>http://localhost:5000/</c>.
    /// </summary>
    public Uri BaseUrl(HttpRequest? request = null)
    {
        if (Configured is not null)
        {
            return Configured;
        }

        if (request is not null && request.Host.HasValue)
        {
            return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }

        var listen = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (listen is null)
        {
            return KestrelDefault;
        }

        var local = listen.Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(local.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : KestrelDefault;
    }

    /// <summary>The absolute address of an app-relative path such as <c>/account/setup?token=...</c>.</summary>
    public Uri Absolute(string pathAndQuery, HttpRequest? request = null) =>
        new(BaseUrl(request), pathAndQuery.TrimStart('/'));

    private static Uri Parse(string text) =>
        Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? uri
            : throw new InvalidOperationException($"{ConfigurationKey} must be an absolute http or https address without query, such as https://survey.example.org, not '{text}'.");
}
