namespace CoproSurvey.Core.Responses;

/// <summary>
/// The secret in the addresses a respondent moves through (<c>/r/{token}/...</c>): 128 random bits as 22
/// base64url characters. Only its SHA-256 is stored (<see cref="SecretTokens"/>).
/// </summary>
public static class AccessTokens
{
    public const int ByteLength = 16;

    /// <summary>Characters of a token: base64url without padding.</summary>
    public const int Length = 22;

    public static string NewToken() => SecretTokens.New(ByteLength);

    /// <summary>True when <paramref name="token"/> has the shape of a token (it may still be unknown).</summary>
    public static bool IsWellFormed(string? token) => SecretTokens.IsWellFormed(token, ByteLength);

    /// <summary>The stored form: lower-case hex SHA-256 of the token's characters.</summary>
    public static string Hash(string token) => SecretTokens.Hash(token);
}
