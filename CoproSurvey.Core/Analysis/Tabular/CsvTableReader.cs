using System.Text;
using CoproSurvey.Core.Statistics;
using CsvHelper;

namespace CoproSurvey.Core.Analysis.Tabular;

/// <summary>
/// Reads chosen columns of a CSV file into an <see cref="AnalysisData"/>: a header row, comma-separated fields, RFC 4180 quoting, numbers in
/// the invariant culture (a decimal point). A file separated by semicolons or tabs is not guessed at: asking it for a
/// column says what the file seems to be. An empty cell, or the text <c>NA</c> (as R writes a missing value), is missing.
/// </summary>
/// <remarks>
/// Cells are parsed from the UTF-8 bytes of the parser's buffer, so a numeric cell costs no allocation; text
/// levels are allocated once per distinct value. Numbers are read as doubles correctly rounded from the text
/// (exponent notation allowed); NaN and infinite values are refused as "not a number".
/// </remarks>
public static class CsvTableReader
{
    /// <summary>Reads <paramref name="columns"/> from the file at <paramref name="path"/> (a column asked for as <see cref="ColumnKind.Declared"/> is numeric: a CSV file declares nothing).</summary>
    /// <exception cref="CsvDataException">
    /// The file is missing or unreadable, a column is not in the header (the message lists those that are), the file
    /// is malformed, or a numeric column holds text that is not a number (the message names row, line and column).
    /// </exception>
    public static AnalysisData Read(string path, IReadOnlyList<ColumnRequest> columns, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CsvDataException(path, "file not found.");
        }

        return ReadPass(path, columns, cancellationToken);
    }

    /// <summary>The header names of the file at <paramref name="path"/>.</summary>
    /// <exception cref="CsvDataException">The file is missing, unreadable or malformed.</exception>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        if (!File.Exists(path))
        {
            throw new CsvDataException(path, "file not found.");
        }

        return Guard(path, () =>
        {
            using var reader = CsvReader.FromFile(path, Options());
            reader.ReadHeader();
            return reader.Headers.ToList();
        });
    }

    /// <summary>Line counting slows reading down; it is switched on only to name the line of an error.</summary>
    private static CsvReaderOptions Options(bool trackLines = false) => new()
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = trackLines,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    private static AnalysisData ReadPass(string path, IReadOnlyList<ColumnRequest> requests, CancellationToken cancellationToken) =>
        Guard(path, () =>
        {
            using var reader = CsvReader.FromFile(path, Options());
            reader.ReadHeader();
            var headers = reader.Headers;
            var builders = requests.Select(r => ColumnBuilder.Create(r, IndexOf(path, headers, r.Name))).ToArray();
            var fileLength = new FileInfo(path).Length;
            var capacity = 1024;
            foreach (var b in builders)
            {
                b.Grow(capacity);
            }

            var rows = 0;
            while (reader.Read())
            {
                if (rows == capacity)
                {
                    capacity = NextCapacity(rows, reader.ByteOffset, fileLength);
                    foreach (var b in builders)
                    {
                        b.Grow(capacity);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                }

                foreach (var b in builders)
                {
                    if (!b.Add(rows, b.IsMissingCode(reader.GetSpan(b.FieldIndex)) ? default : reader.GetSpan(b.FieldIndex)))
                    {
                        throw CsvDataException.NotANumber(
                            path, reader.RowNumber, LineOf(path, reader.RowNumber), b.Request.Name, Encoding.UTF8.GetString(reader.GetSpan(b.FieldIndex)));
                    }
                }

                rows++;
            }

            return builders.Aggregate(new AnalysisData(), (data, b) => data.With(b.Build(rows)));
        });

    /// <summary>After the first rows, the rest is estimated from the bytes they took, so the arrays grow about once.</summary>
    private static int NextCapacity(int rows, long bytesSoFar, long fileLength)
    {
        var estimate = bytesSoFar > 0 ? (long)(fileLength * (double)rows / bytesSoFar * 1.02) + 64 : 0;
        return (int)Math.Clamp(Math.Max(estimate, 2L * rows), rows + 1, Array.MaxLength);
    }

    private static int IndexOf(string path, IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new CsvDataException(path, $"no column \"{name}\"; {ColumnsOrSeparatorHint(headers)}", column: name);
    }

    /// <summary>
    /// The header's columns, or, when the whole header is one column holding semicolons or tabs, what the file seems to
    /// be. Such files are not read as they are: a file separated by ';' usually has decimal commas, and guessing the
    /// decimal mark could read "1.234" as 1.234 where it meant 1234, silently; converting the file is one line.
    /// </summary>
    private static string ColumnsOrSeparatorHint(IReadOnlyList<string> headers)
    {
        var (separator, rReader) = headers.Count != 1 ? (null, null)
            : headers[0].Contains(';', StringComparison.Ordinal) ? ("';' (semicolons)", "read.csv2")
            : headers[0].Contains('\t', StringComparison.Ordinal) ? ("tabs", "read.delim")
            : ((string?)null, (string?)null);
        return separator is null
            ? $"the columns are: {string.Join(", ", headers)}."
            : $"the header is the single column \"{headers[0]}\", so the file seems to be separated by {separator}. " +
              "Files are read comma-separated, with a decimal point in numbers (as R's write.csv writes them); " +
              $"save it comma-separated, e.g. in R: write.csv({rReader}(\"in.csv\"), \"out.csv\", row.names = FALSE).";
    }

    /// <summary>The file line where data row <paramref name="row"/> starts, found by reading again with line counting.</summary>
    internal static long? LineOf(string path, long row)
    {
        try
        {
            using var reader = CsvReader.FromFile(path, Options(trackLines: true));
            while (reader.Read())
            {
                if (reader.RowNumber == row)
                {
                    return reader.LineNumber;
                }
            }

            return null;
        }
        catch (CsvFormatException e)
        {
            return e.LineNumber > 0 ? e.LineNumber : null;
        }
    }

    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e)
        {
            long? row = e.RecordNumber > 1 ? e.RecordNumber - 1 : null;
            throw new CsvDataException(path, $"malformed CSV: {e.Message}", row, row is null ? null : LineOf(path, row.Value));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CsvDataException(path, $"cannot be read: {e.Message}");
        }
    }

    internal static bool IsMissing(ReadOnlySpan<byte> cell)
    {
        var trimmed = cell.Trim(" \t"u8);
        return trimmed.IsEmpty || trimmed.SequenceEqual("NA"u8);
    }


    private abstract class ColumnBuilder(ColumnRequest request, int fieldIndex)
    {
        public ColumnRequest Request { get; } = request;

        public int FieldIndex { get; } = fieldIndex;

        public static ColumnBuilder Create(ColumnRequest request, int fieldIndex) =>
            request.Kind == ColumnKind.Categorical
                ? new TextBuilder(request, fieldIndex)
                : new NumberBuilder(request, fieldIndex);

        public abstract void Grow(int capacity);

        /// <summary>True for a cell holding one of the column's missing codes: it is stored as an empty (missing) cell.</summary>
        public bool IsMissingCode(ReadOnlySpan<byte> cell) =>
            Request.MissingCodes is { Count: > 0 } codes && NumberText.TryParse(cell.Trim(" \t"u8), out var value) && codes.Contains(value);

        /// <summary>Stores the cell of <paramref name="row"/>; false when a numeric column meets text that is not a number.</summary>
        public abstract bool Add(int row, ReadOnlySpan<byte> cell);

        public abstract DataColumn Build(int rows);
    }

    private sealed class NumberBuilder(ColumnRequest request, int fieldIndex) : ColumnBuilder(request, fieldIndex)
    {
        private double[] values = [];
        private double[]? offsets = request.Centred ? [] : null;
        private decimal exactOrigin;
        private double origin;
        private bool hasOrigin;

        public override void Grow(int capacity)
        {
            Array.Resize(ref values, capacity);
            if (offsets is not null)
            {
                Array.Resize(ref offsets, capacity);
            }
        }

        public override bool Add(int row, ReadOnlySpan<byte> cell)
        {
            if (IsMissing(cell))
            {
                values[row] = double.NaN;
                if (offsets is not null)
                {
                    offsets[row] = double.NaN;
                }

                return true;
            }

            if (!NumberText.TryParse(cell, out var value))
            {
                return false;
            }

            values[row] = value;
            if (offsets is not null)
            {
                offsets[row] = Offset(cell, value);
            }

            return true;
        }

        /// <summary>The value minus the origin, subtracted exactly in decimal where the text is a plain decimal number.</summary>
        private double Offset(ReadOnlySpan<byte> cell, double value)
        {
            var isDecimal = NumberText.TryParseExact(cell, out var exact);
            if (!hasOrigin)
            {
                hasOrigin = true;
                exactOrigin = isDecimal ? exact : Math.Abs(value) < 7.9e28 ? (decimal)value : 0m;
                origin = (double)exactOrigin;
            }

            if (isDecimal)
            {
                try
                {
                    return (double)(exact - exactOrigin);
                }
                catch (OverflowException)
                {
                    // Values of opposite sign near decimal's limit: the double difference is as good as it gets.
                }
            }

            return value - origin;
        }

        public override DataColumn Build(int rows)
        {
            Array.Resize(ref values, rows);
            CentredValues? centred = null;
            if (offsets is not null)
            {
                Array.Resize(ref offsets, rows);
                centred = new CentredValues(origin, exactOrigin, offsets);
            }

            return new NumericColumn(Request.Name, values, centred);
        }
    }

    private sealed class TextBuilder(ColumnRequest request, int fieldIndex) : ColumnBuilder(request, fieldIndex)
    {
        private readonly Dictionary<string, int> codesByText = new(StringComparer.Ordinal);
        private readonly List<string> levels = [];
        private int[] codes = [];
        private char[] scratch = new char[256];

        public override void Grow(int capacity) => Array.Resize(ref codes, capacity);

        public override bool Add(int row, ReadOnlySpan<byte> cell)
        {
            if (IsMissing(cell))
            {
                codes[row] = -1;
                return true;
            }

            var trimmed = cell.Trim(" \t"u8);
            if (scratch.Length < trimmed.Length)
            {
                scratch = new char[trimmed.Length * 2];
            }

            var length = Encoding.UTF8.GetChars(trimmed, scratch);
            var text = scratch.AsSpan(0, length);
            var lookup = codesByText.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(text, out var code))
            {
                code = levels.Count;
                var level = text.ToString();
                levels.Add(level);
                codesByText.Add(level, code);
            }

            codes[row] = code;
            return true;
        }

        public override DataColumn Build(int rows)
        {
            Array.Resize(ref codes, rows);
            return new CategoricalColumn(Request.Name, codes, levels);
        }
    }
}
