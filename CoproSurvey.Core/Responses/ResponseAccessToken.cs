namespace CoproSurvey.Core.Responses;

/// <summary>
/// One way into a response: the hash of an <see cref="AccessTokens">access token</see>. A response has one per
/// device it was started or resumed on, so resuming elsewhere never breaks the link of the first device.
/// Created through <see cref="Response.IssueAccessToken"/>.
/// </summary>
public sealed class ResponseAccessToken
{
    private ResponseAccessToken()
    {
    }

    public int Id { get; private set; }

    public int ResponseId { get; private set; }

    /// <summary>See <see cref="AccessTokens.Hash"/>.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    internal static ResponseAccessToken Create(string tokenHash, DateTimeOffset at) => new() { TokenHash = tokenHash, CreatedAt = at };
}
