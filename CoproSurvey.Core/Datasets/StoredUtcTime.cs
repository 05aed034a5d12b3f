using System.Globalization;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// A UTC time as a dataset reads it: either the instant, or the text SQLite stores (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>,
/// the form the DateTime converter writes), kept as text because writing it in ISO 8601 is then a copy that changes
/// two characters, where parsing and formatting it again was a large part of exporting an answer.
/// </summary>
internal readonly struct StoredUtcTime
{
    /// <summary>Characters of the longest ISO 8601 form: <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    public const int MaxIsoLength = 28;

    private const string StoredFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private readonly string? text;
    private readonly DateTimeOffset instant;

    private StoredUtcTime(string? text, DateTimeOffset instant)
    {
        this.text = text;
        this.instant = instant;
    }

    public static StoredUtcTime Of(DateTimeOffset instant) => new(null, instant);

    /// <summary>The time of stored text: kept as text when it is in the stored form exactly, else null (the caller reads it as a date).</summary>
    public static StoredUtcTime? FromStoredText(string text) => IsStoredForm(text) ? new StoredUtcTime(text, default) : null;

    public DateTimeOffset Instant => text is null
        ? instant
        : new DateTimeOffset(DateTime.SpecifyKind(DateTime.ParseExact(text, StoredFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc));

    /// <summary>
    /// True when both are the same time read once (the same stored text, or equal instants): a response's answers of one
    /// page share their time, and a writer formats it once for all of them.
    /// </summary>
    public bool IsSameReading(in StoredUtcTime other) => ReferenceEquals(text, other.text) && instant == other.instant;

    /// <summary>
    /// Writes the time as <c>yyyy-MM-ddTHH:mm:ss.FFFFFFFZ</c> (UTC, ISO 8601, trailing zeros of the fraction left out),
    /// the form of <c>ExportFormat.Time</c>; returns the number of characters (at most <see cref="MaxIsoLength"/>).
    /// </summary>
    public int FormatIso(Span<char> destination)
    {
        if (text is null)
        {
            instant.UtcDateTime.TryFormat(destination, out var written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
            return written;
        }

        text.CopyTo(destination);
        destination[10] = 'T';
        destination[text.Length] = 'Z';
        return text.Length + 1;
    }

    /// <summary>
    /// True for text in the stored form exactly, a valid date and time: <c>yyyy-MM-dd HH:mm:ss</c>, then nothing or a
    /// point and one to seven digits of which the last is not 0 (the form FFFFFFF writes).
    /// </summary>
    internal static bool IsStoredForm(ReadOnlySpan<char> s)
    {
        if (s.Length != 19 && (s.Length < 21 || s.Length > 27))
        {
            return false;
        }

        if (s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)
            || !TryDigits(s, 11, 2, out var hour) || !TryDigits(s, 14, 2, out var minute) || !TryDigits(s, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        if (s.Length == 19)
        {
            return true;
        }

        return s[19] == '.' && TryDigits(s, 20, s.Length - 20, out _) && s[^1] != '0';
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
