using System.Security.Cryptography;

namespace CoproSurvey.Core.Responses;

/// <summary>Resume codes: eight characters without look-alikes (no 0/O, 1/I/L), shown as <c>XXXX-XXXX</c>.</summary>
public static class ResumeCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int Length = 8;

    /// <summary>A fresh random code in stored (normalised) form.</summary>
    public static string NewCode() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>The code as shown to respondents: <c>ABCD-EFGH</c>.</summary>
    public static string Format(string normalized) => $"{normalized[..4]}-{normalized[4..]}";

    /// <summary>Accepts any case, with or without the dash and surrounding spaces; null when it cannot be a code.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var trimmed = code.Trim().ToUpperInvariant();
        if (trimmed.Length == Length + 1 && trimmed[4] == '-')
        {
            trimmed = trimmed.Remove(4, 1);
        }

        return IsNormalized(trimmed) ? trimmed : null;
    }

    public static bool IsNormalized(string code) => code.Length == Length && code.All(c => Alphabet.Contains(c));
}
