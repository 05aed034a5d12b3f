using System.Security.Cryptography;
using System.Text;

namespace CoproSurvey.Core.Accounts;

/// <summary>Random URL-safe tokens that are stored only as their SHA-256.</summary>
public static class SecretTokens
{
    /// <summary>A new token of <paramref name="bytes"/> random bytes (default 32: 256 bits) in base64url, without padding.</summary>
    public static string New(int bytes = 32) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>The stored form of a token: its SHA-256 in lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True when <paramref name="token"/> can be a token of this kind (base64url characters only, sensible length).</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: >= 16 and <= 128 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
