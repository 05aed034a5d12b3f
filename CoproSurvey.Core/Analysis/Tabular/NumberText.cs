using System.Globalization;

namespace CoproSurvey.Core.Analysis.Tabular;

/// <summary>
/// Number parsing from the UTF-8 text of a cell. Plain decimals (sign, digits that make an integer below 2^53, a
/// point, no exponent) take a fast exact path: the digits as an integer divided by a power of ten,
/// both exact in double, which IEEE division rounds correctly (Clinger's fast path). Everything else goes to
/// <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>, which is also
/// correctly rounded but several times slower on UTF-8 input.
/// </summary>
internal static class NumberText
{
    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses a finite number; NaN, infinities and overflow are refused.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value) =>
        TryParsePlain(text, out var mantissa, out var scale, out var negative)
            ? Finish(mantissa, scale, negative, out value)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Parses the text as an exact decimal (no exponent); false when it is not a plain decimal that fits.</summary>
    public static bool TryParseExact(ReadOnlySpan<byte> text, out decimal value)
    {
        if (TryParsePlain(text, out var mantissa, out var scale, out var negative))
        {
            value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
            return true;
        }

        return decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value);
    }

    private static bool Finish(ulong mantissa, int scale, bool negative, out double value)
    {
        var magnitude = (double)mantissa / PowersOfTen[scale];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>Reads <c>[+-]digits[.digits]</c> whose digits make an integer below 2^53 and at most 22 decimals.</summary>
    private static bool TryParsePlain(ReadOnlySpan<byte> text, out ulong mantissa, out int scale, out bool negative)
    {
        mantissa = 0;
        scale = 0;
        negative = false;
        var i = 0;
        if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        var digits = 0;
        var point = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.' && !point)
            {
                point = true;
                continue;
            }

            var d = (uint)(c - (byte)'0');
            if (d > 9)
            {
                return false;
            }

            mantissa = mantissa * 10 + d;
            digits++;
            if (point)
            {
                scale++;
            }

            if (mantissa >= MaxExactMantissa)
            {
                return false;
            }
        }

        return digits > 0 && scale < PowersOfTen.Length;
    }
}
