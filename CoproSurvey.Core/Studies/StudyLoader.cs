using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Studies;

/// <summary>The outcome of loading a study file and the instruments it names.</summary>
public sealed record StudyLoadResult(
    StudyDefinition? Study,
    IReadOnlyDictionary<Audience, Instrument> Instruments,
    IReadOnlyList<InstrumentProblem> Problems)
{
    public bool IsValid => Study is not null && Problems.Count == 0;
}

/// <summary>Loads <c>data/studies/*.json</c> and the instruments it names (paths relative to the data directory).</summary>
public static class StudyLoader
{
    public static StudyLoadResult LoadFile(string path) => throw new NotImplementedException();
}
