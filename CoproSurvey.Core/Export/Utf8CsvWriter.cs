using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CoproSurvey.Core.Export;

/// <summary>
/// Writes CSV as UTF-8 bytes into a pooled buffer, byte for byte as CsvHelper writes with <see cref="ExportFormat.Csv"/>:
/// fields separated by commas, records ended by CRLF, a field quoted when it holds a comma, a quote, CR or LF (quotes
/// doubled), and text starting with = @ + - tab, CR or LF given a leading apostrophe and quoted; numbers are written in
/// the invariant culture's shortest round-trip form and keep their sign. (CsvHelper also quotes an empty field that is a
/// record's only field; the records of both files have several.) Used for data.csv and long.csv only: they
/// carry tens of millions of fields, and CsvHelper's per-field string and char handling was a large part of an
/// export's time, where here numbers and the repeated names and times are written as bytes (CsvHelper writes every
/// other file).
/// </summary>
internal sealed class Utf8CsvWriter : IDisposable
{
    /// <summary>The characters the injection guard escapes at the start of a text field, as <see cref="ExportFormat.Csv"/> has CsvHelper do.</summary>
    private const string InjectionCharacters = ExportFormat.FormulaStarts;

    private const int Capacity = 64 * 1024;

    // Integers from -128 to 1023 cover every code, point, option and missing code of a typical instrument: their bytes are kept.
    private const int SmallMin = -128;
    private const int SmallMax = 1023;
    private static readonly byte[][] SmallIntegers = CreateSmallIntegers();

    private readonly Stream destination;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(Capacity);
    private int position;
    private bool firstField = true;

    public Utf8CsvWriter(Stream destination)
    {
        this.destination = destination;
    }

    /// <summary>The field as CsvHelper writes a string (null and empty alike: nothing), escaped and quoted as needed.</summary>
    public void WriteField(string? text) => WriteField(text.AsSpan());

    public void WriteField(ReadOnlySpan<char> text)
    {
        Separate();
        WriteText(text);
    }

    /// <summary>A field that is already CSV as it must appear (from one of the <c>Encode</c> methods).</summary>
    public void WriteEncoded(ReadOnlySpan<byte> field)
    {
        Separate();
        WriteBytes(field);
    }

    public void WriteField(int value)
    {
        Separate();
        Ensure(11);
        Utf8Formatter.TryFormat(value, buffer.AsSpan(position), out var written);
        position += written;
    }

    /// <summary>Null as an empty field.</summary>
    public void WriteField(double? value)
    {
        Separate();
        if (value is { } v)
        {
            WriteNumber(v);
        }
    }

    public void WriteField(double value)
    {
        Separate();
        WriteNumber(value);
    }

    /// <summary>An integer field's bytes, for fields that recur (a response's id).</summary>
    public static byte[] Encode(int value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A text field's CSV bytes, escaped and quoted as <see cref="WriteField(string?)"/> writes it; for fields that recur (variable names, times).</summary>
    public static byte[] Encode(ReadOnlySpan<char> text)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8CsvWriter(stream))
        {
            writer.WriteText(text);
        }

        return stream.ToArray();
    }

    public void EndRecord()
    {
        Ensure(2);
        buffer[position++] = (byte)'\r';
        buffer[position++] = (byte)'\n';
        firstField = true;
    }

    /// <summary>Writes what the buffer holds to the stream.</summary>
    public void Flush()
    {
        if (position > 0)
        {
            destination.Write(buffer, 0, position);
            position = 0;
        }

        destination.Flush();
    }

    public void Dispose()
    {
        if (buffer.Length == 0)
        {
            return;
        }

        Flush();
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void Separate()
    {
        if (firstField)
        {
            firstField = false;
            return;
        }

        Ensure(1);
        buffer[position++] = (byte)',';
    }

    private void WriteNumber(double value)
    {
        // Integral values (every code and most cells) are written as integers: the same digits as the shortest round-trip form below 1e15, without its general algorithm.
        if (value >= SmallMin && value <= SmallMax && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
        {
            WriteBytes(SmallIntegers[(int)value - SmallMin]);
            return;
        }

        Ensure(32);
        if (!value.TryFormat(buffer.AsSpan(position), out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The number {value} does not fit its field.");
        }

        position += written;
    }

    private void WriteText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var escape = InjectionCharacters.Contains(text[0]);
        if (!escape && text.IndexOfAny(",\"\r\n") < 0)
        {
            WriteUtf8(text);
            return;
        }

        Ensure(2);
        buffer[position++] = (byte)'"';
        if (escape)
        {
            buffer[position++] = (byte)'\'';
        }

        while (!text.IsEmpty)
        {
            var quote = text.IndexOf('"');
            if (quote < 0)
            {
                WriteUtf8(text);
                break;
            }

            WriteUtf8(text[..(quote + 1)]);
            Ensure(1);
            buffer[position++] = (byte)'"';
            text = text[(quote + 1)..];
        }

        Ensure(1);
        buffer[position++] = (byte)'"';
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        // At most three bytes per UTF-16 char (a surrogate pair is two chars for four bytes); a long text goes in pieces.
        while (!text.IsEmpty)
        {
            var chars = Math.Min(text.Length, (Capacity / 3) - 1);
            if (chars < text.Length && char.IsHighSurrogate(text[chars - 1]))
            {
                chars--;
            }

            Ensure(chars * 3);
            position += Encoding.UTF8.GetBytes(text[..chars], buffer.AsSpan(position));
            text = text[chars..];
        }
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > buffer.Length - position)
        {
            Drain();
            if (bytes.Length > buffer.Length)
            {
                destination.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(buffer.AsSpan(position));
        position += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (bytes > buffer.Length - position)
        {
            Drain();
        }
    }

    private void Drain()
    {
        destination.Write(buffer, 0, position);
        position = 0;
    }

    private static byte[][] CreateSmallIntegers()
    {
        var values = new byte[SmallMax - SmallMin + 1][];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Encode(i + SmallMin);
        }

        return values;
    }
}
