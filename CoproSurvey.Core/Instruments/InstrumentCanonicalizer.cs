namespace CoproSurvey.Core.Instruments;

/// <summary>Canonical JSON of the parsed model and its SHA-256, independent of file formatting.</summary>
public static class InstrumentCanonicalizer
{
    public static string ToCanonicalJson(Instrument instrument) => throw new NotImplementedException();

    public static string ComputeSha256(Instrument instrument) => throw new NotImplementedException();
}
