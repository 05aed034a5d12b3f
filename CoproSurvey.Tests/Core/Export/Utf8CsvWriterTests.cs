using System.Text;
using CoproSurvey.Core.Export;
using CsvHelper;

namespace CoproSurvey.Tests.Core.Export;

/// <summary>data.csv and long.csv are written by <see cref="Utf8CsvWriter"/>, every other file by CsvHelper: the same fields must give the same bytes.</summary>
public sealed class Utf8CsvWriterTests
{
    private static readonly string[] Tricky =
    [
        "plain", "", "a,b", "q\"x", "\"", "line\nbreak", "cr\rbreak", "\r\n", " lead", "trail ", "=1+1", "+x", "-x", "-1", "@SUM(A1)",
        "\tx", "\rx", "\nx", "'=x", " =x", "x=", "=a,b", "\"=x\"", "slow; rude staff", "é ü 漢字", "emoji 😀 pair", "😀", "\uFEFF=x", "x\ty",
    ];

    [Fact]
    public void WriteField_WritesWhatCsvHelperWrites_ForTextsThatNeedQuotingOrTheInjectionGuard()
    {
        // Arrange: the hand-picked cases, then random texts of the characters that matter; two fields a record, as in
        // the bundle's files (CsvHelper quotes an empty field that is a record's only one, which they never have).
        var random = new Random(7);
        const string alphabet = "ab ,\"\r\n=+-@\t';é漢";
        var texts = Tricky.Concat(Enumerable.Range(0, 2000).Select(_ =>
            new string([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => alphabet[random.Next(alphabet.Length)])]))).ToList();

        // Act
        var ours = Write(csv => texts.ForEach(t => { csv.WriteField(t); csv.WriteField(t); csv.EndRecord(); }));
        var theirs = WriteWithCsvHelper(csv => texts.ForEach(t => { csv.WriteField(t); csv.WriteField(t); csv.EndRecord(); }));

        // Assert
        Assert.Equal(Encoding.UTF8.GetString(theirs), Encoding.UTF8.GetString(ours));
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void WriteField_WritesWhatCsvHelperWrites_ForNumbersAndNulls()
    {
        // Arrange: codes, points and scores, the bounds of the integer shortcut, and any double at all.
        var random = new Random(11);
        var numbers = new List<double?> { null, 0, -0.0, 1, -1, -5, 2.5, 1.0 / 3, 2.0 / 3, 3.3333333333333335, 1e15, 1e16, 1e20, 1e-7, -1e-300, 123456789.123 };
        numbers.AddRange(new double?[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon, -128, -129, 1023, 1024, 1023.5, -127.5 });
        numbers.AddRange(Enumerable.Range(-2000, 4001).Select(i => (double?)i));
        numbers.AddRange(Enumerable.Range(0, 3000).Select(_ => (double?)Math.Round((random.NextDouble() * 200) - 100, random.Next(0, 16))));
        numbers.AddRange(Enumerable.Range(0, 3000).Select(_ => (double?)BitConverter.Int64BitsToDouble(random.NextInt64())));

        // Act
        var ours = Write(csv => numbers.ForEach(n => { csv.WriteField(n); csv.WriteField(42); csv.EndRecord(); }));
        var theirs = WriteWithCsvHelper(csv => numbers.ForEach(n => { csv.WriteField(n); csv.WriteField(42); csv.EndRecord(); }));

        // Assert
        Assert.Equal(Encoding.UTF8.GetString(theirs), Encoding.UTF8.GetString(ours));
    }

    [Fact]
    public void WriteField_WritesWhatCsvHelperWrites_ForTextLongerThanTheBuffer()
    {
        // Arrange: a quoted text of 300,000 characters with surrogate pairs and quotes across every buffer boundary.
        var text = string.Concat(Enumerable.Repeat("ab😀\"é,", 50_000));

        // Act
        var ours = Write(csv => { csv.WriteField("=" + text); csv.WriteField(text); csv.EndRecord(); });
        var theirs = WriteWithCsvHelper(csv => { csv.WriteField("=" + text); csv.WriteField(text); csv.EndRecord(); });

        // Assert
        Assert.Equal(theirs, ours);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+x")]
    [InlineData("-x")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    [InlineData("\nx")]
    public void WriteField_PutsAnApostropheBeforeAPossibleFormula_OnOwaspsWholeList(string text)
    {
        // Act
        var ours = Encoding.UTF8.GetString(Write(csv => { csv.WriteField(text); csv.WriteField(-5); csv.EndRecord(); }));
        var theirs = Encoding.UTF8.GetString(WriteWithCsvHelper(csv => { csv.WriteField(text); csv.WriteField(-5); csv.EndRecord(); }));

        // Assert: the text is protected, the negative number stays a number.
        Assert.Equal($"\"'{text}\",-5\r\n", ours);
        Assert.Equal(ours, theirs);
    }

    [Fact]
    public void Encode_GivesTheBytesWriteFieldWrites()
    {
        // Arrange
        var texts = Tricky.ToList();

        // Act
        var encoded = Write(csv => texts.ForEach(t => { csv.WriteEncoded(Utf8CsvWriter.Encode(t)); csv.WriteEncoded(Utf8CsvWriter.Encode(-17)); csv.EndRecord(); }));
        var written = Write(csv => texts.ForEach(t => { csv.WriteField(t); csv.WriteField(-17); csv.EndRecord(); }));

        // Assert
        Assert.Equal(written, encoded);
    }

    private static byte[] Write(Action<Utf8CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = new Utf8CsvWriter(stream))
        {
            write(csv);
        }

        return stream.ToArray();
    }

    /// <summary>What CsvHelper writes with the bundle's options (field counts vary here, which CsvHelper checks by default).</summary>
    private static byte[] WriteWithCsvHelper(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, ExportFormat.Csv with { ValidateFieldCount = false }, leaveOpen: true))
        {
            write(csv);
        }

        return stream.ToArray();
    }
}
