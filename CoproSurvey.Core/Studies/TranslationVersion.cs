using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Studies;

/// <summary>
/// One version of an instrument version's texts in one language, identified by the SHA-256 of the translation's
/// canonical JSON. Like instrument versions, never deleted: a response records the translation it was shown.
/// </summary>
public sealed class TranslationVersion
{
    private TranslationVersion()
    {
    }

    public int Id { get; private set; }

    public int InstrumentVersionId { get; private set; }

    public string Language { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public TranslationStatus Status { get; private set; }

    public string CanonicalJson { get; private set; } = "";

    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>The texts new pages in this language are shown with; at most one per instrument version and language.</summary>
    public bool IsCurrent { get; private set; }

    public static TranslationVersion Create(InstrumentVersion version, InstrumentTranslation translation, DateTimeOffset loadedAt) =>
        new()
        {
            InstrumentVersionId = version.Id,
            Language = translation.Language,
            Sha256 = translation.Sha256,
            Status = translation.Status,
            CanonicalJson = translation.ToCanonicalJson(),
            LoadedAt = loadedAt,
            IsCurrent = true,
        };

    /// <summary>Current again, with the status the file now gives (reviewing a draft changes no text, so no new version).</summary>
    public void MakeCurrent(TranslationStatus status)
    {
        IsCurrent = true;
        Status = status;
    }

    public void Retire() => IsCurrent = false;
}
