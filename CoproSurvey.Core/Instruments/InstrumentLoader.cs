namespace CoproSurvey.Core.Instruments;

/// <summary>Reads instrument JSON files into the <see cref="Instrument"/> model, reporting every problem.</summary>
public static class InstrumentLoader
{
    public static InstrumentLoadResult Load(string json, string fileName) => throw new NotImplementedException();

    public static InstrumentLoadResult LoadFile(string path) => throw new NotImplementedException();
}
