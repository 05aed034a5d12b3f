using System.Text;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// Strings of UTF-8 text read from the database, made once for text that recurs: item codes, option codes and points
/// come back for every response, and a string per answer and column was most of what reading answers allocated.
/// Short text only, and a bounded number of distinct strings, so open answers neither fill it nor are kept.
/// </summary>
internal sealed class Utf8StringPool
{
    /// <summary>Bytes of the longest text kept (codes, points, numbers as entered are shorter).</summary>
    private const int MaxPooledBytes = 64;

    private const int MaxStrings = 8192;

    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public Utf8StringPool()
    {
        lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The text of <paramref name="utf8"/> (decoded as <see cref="Encoding.UTF8"/> decodes it), the same string each time it recurs.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // A byte never decodes to more than one UTF-16 char.
        Span<char> chars = stackalloc char[MaxPooledBytes];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = text.ToString();
        if (strings.Count < MaxStrings)
        {
            strings[made] = made;
        }

        return made;
    }
}
