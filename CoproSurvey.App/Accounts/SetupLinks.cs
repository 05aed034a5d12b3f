using CoproSurvey.Core.Accounts;

namespace CoproSurvey.App.Accounts;

/// <summary>
/// Absolute addresses of one-time setup links. The base is <c>CoproSurvey:PublicUrl</c> when set (the address people
/// reach the platform at, behind a proxy), else the address the server listens on, else the development default.
/// </summary>
public sealed class SetupLinks(IConfiguration configuration)
{
    public const string PublicUrlKey = "CoproSurvey:PublicUrl";
    public const string DefaultUrl = "http://localhost:5003";

    /// <summary>The setup page of <paramref name="token"/>, absolute, based on <paramref name="serverUrl"/> when no public address is configured.</summary>
    public string For(SetupLinkToken token, string? serverUrl = null) =>
        $"{BaseUrl(serverUrl)}/account/setup?token={Uri.EscapeDataString(token.Token)}";

    public string BaseUrl(string? serverUrl = null)
    {
        var configured = configuration[PublicUrlKey];
        var listening = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var url = configured is { Length: > 0 } ? configured : serverUrl ?? listening ?? DefaultUrl;
        // A wildcard binding is not an address anyone can open.
        url = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return url.TrimEnd('/');
    }
}
