namespace CoproSurvey.Core.Instruments;

/// <summary>
/// Reads instrument JSON (format in <c>docs/instruments.md</c>) into the <see cref="Instrument"/> model. Never throws
/// for bad content: every problem is reported with file, JSON path and reason, and the instrument is returned only
/// when there is none. A valid instrument carries the SHA-256 of its canonical form.
/// </summary>
public static class InstrumentLoader
{
    /// <summary>Loads instrument JSON text; <paramref name="fileName"/> is only used to name the file in problems.</summary>
    public static InstrumentLoadResult Load(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var sink = new ProblemSink(fileName);
        using var document = sink.Parse(json);
        if (document is null)
        {
            return new InstrumentLoadResult(null, sink.Problems);
        }

        var reader = new InstrumentReader(sink);
        var instrument = reader.Read(document.RootElement);
        if (instrument is not null)
        {
            new InstrumentValidator(sink, reader).Validate(instrument);
        }

        if (instrument is null || sink.Problems.Count > 0)
        {
            return new InstrumentLoadResult(null, sink.Problems);
        }

        return new InstrumentLoadResult(instrument with { Sha256 = InstrumentCanonicalizer.ComputeSha256(instrument) }, [])
        {
            SharedScales = new SharedScaleNames(reader.NamedScales.ToHashSet(StringComparer.Ordinal), reader.ScaleRefs),
        };
    }

    /// <summary>Reads and loads a file; an unreadable file is reported as a problem, not thrown.</summary>
    public static InstrumentLoadResult LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new InstrumentLoadResult(null, [new InstrumentProblem(path, "$", $"cannot read the file: {e.Message}")]);
        }

        return Load(json, path);
    }
}
