using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CoproSurvey.Core.Responses;

/// <summary>
/// The secret in the addresses a respondent moves through (<c>/r/{token}/...</c>): 128 random bits as 22
/// base64url characters. Only its SHA-256 is stored, so a copy of the database opens no response.
/// </summary>
public static class AccessTokens
{
    public const int ByteLength = 16;

    /// <summary>Characters of a token: base64url without padding.</summary>
    public const int Length = 22;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));

    /// <summary>True when <paramref name="token"/> has the shape of a token (it may still be unknown).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The stored form: lower-case hex SHA-256 of the token's characters.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
