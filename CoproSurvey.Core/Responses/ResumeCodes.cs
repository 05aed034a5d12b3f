using System.Security.Cryptography;

namespace CoproSurvey.Core.Responses;

/// <summary>
/// Resume codes: ten characters without look-alikes (no 0/O, 1/I/L), shown as <c>XXXXX-XXXXX</c>. Responses
/// started before codes grew keep their eight-character code (<c>XXXX-XXXX</c>), which is still accepted.
/// </summary>
/// <remarks>
/// A code is what a person can copy by hand; it never appears in a URL. It opens a response only through the
/// rate-limited resume and withdraw forms, which exchange it for an <see cref="AccessTokens">access token</see>.
/// </remarks>
public static class ResumeCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int Length = 10;

    /// <summary>The length of the codes issued before codes grew to <see cref="Length"/>.</summary>
    public const int LegacyLength = 8;

    /// <summary>A fresh random code in stored (normalised) form.</summary>
    public static string NewCode() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>The code as shown to respondents: <c>ABCDE-FGHJK</c> (or <c>ABCD-EFGH</c> for a legacy code).</summary>
    public static string Format(string normalized)
    {
        var half = normalized.Length / 2;
        return $"{normalized[..half]}-{normalized[half..]}";
    }

    /// <summary>Accepts any case, with or without the dash and surrounding spaces; null when it cannot be a code.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var trimmed = code.Trim().ToUpperInvariant();
        if (trimmed.Length is Length + 1 or LegacyLength + 1 && trimmed[trimmed.Length / 2] == '-')
        {
            trimmed = trimmed.Remove(trimmed.Length / 2, 1);
        }

        return IsNormalized(trimmed) ? trimmed : null;
    }

    public static bool IsNormalized(string code) =>
        code.Length is Length or LegacyLength && code.All(c => Alphabet.Contains(c));
}
