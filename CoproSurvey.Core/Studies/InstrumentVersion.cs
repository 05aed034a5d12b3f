using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Studies;

/// <summary>
/// One version of a study's instrument for an audience, identified by the SHA-256 of its canonical JSON.
/// Versions are never deleted: responses reference the version they were given.
/// </summary>
public sealed class InstrumentVersion
{
    private InstrumentVersion()
    {
    }

    public int Id { get; private set; }

    public int StudyId { get; private set; }

    public Audience Audience { get; private set; }

    public string Key { get; private set; } = "";

    public string Version { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public string CanonicalJson { get; private set; } = "";

    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>The version new respondents get; at most one per study and audience.</summary>
    public bool IsCurrent { get; private set; }

    public static InstrumentVersion Create(Study study, Instrument instrument, string canonicalJson, DateTimeOffset loadedAt) =>
        new()
        {
            StudyId = study.Id,
            Audience = instrument.Audience,
            Key = instrument.Key,
            Version = instrument.Version,
            Sha256 = instrument.Sha256,
            CanonicalJson = canonicalJson,
            LoadedAt = loadedAt,
            IsCurrent = true,
        };

    public void MakeCurrent() => IsCurrent = true;

    public void Retire() => IsCurrent = false;
}
