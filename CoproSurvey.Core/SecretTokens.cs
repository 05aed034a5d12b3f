using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CoproSurvey.Core;

/// <summary>
/// Random URL-safe secrets (respondents' access tokens, researchers' setup links) that are stored only as their
/// SHA-256, so that a copy of the database opens nothing.
/// </summary>
public static class SecretTokens
{
    /// <summary>A new secret of <paramref name="bytes"/> random bytes, in base64url without padding.</summary>
    public static string New(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>The number of characters of a secret of <paramref name="bytes"/> bytes.</summary>
    public static int LengthOf(int bytes) => (bytes * 8 + 5) / 6;

    /// <summary>The stored form of a secret: its SHA-256 in lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>True when <paramref name="token"/> has the shape of a secret of <paramref name="bytes"/> bytes (it may still be unknown).</summary>
    public static bool IsWellFormed(string? token, int bytes) =>
        token is not null && token.Length == LengthOf(bytes) && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
