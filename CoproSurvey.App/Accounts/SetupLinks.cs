using CoproSurvey.App.Hosting;
using CoproSurvey.Core.Accounts;

namespace CoproSurvey.App.Accounts;

/// <summary>Absolute addresses of one-time setup links, on the platform's public address (<see cref="PublicUrls"/>).</summary>
public sealed class SetupLinks(PublicUrls urls)
{
    public static string PathOf(SetupLinkToken token) => $"/account/setup?token={Uri.EscapeDataString(token.Token)}";

    /// <summary>
    /// The link of <paramref name="token"/>: on <c>CoproSurvey:PublicUrl</c> when configured, else on
    /// <paramref name="seenAt"/> (the address an administrator's browser uses, or the one the server listens on),
    /// else on the address from the <c>urls</c> setting.
    /// </summary>
    public string For(SetupLinkToken token, string? seenAt = null) =>
        (urls.Configured is null && seenAt is not null && Uri.TryCreate(seenAt.TrimEnd('/') + "/", UriKind.Absolute, out var seen)
            ? new Uri(seen, PathOf(token).TrimStart('/'))
            : urls.Absolute(PathOf(token))).ToString();
}
