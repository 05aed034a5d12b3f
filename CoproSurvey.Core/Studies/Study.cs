using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Studies;

/// <summary>A study as stored: the persisted form of a <see cref="StudyDefinition"/>, refreshed from its file at start-up.</summary>
public sealed class Study
{
    private Study()
    {
    }

    public int Id { get; private set; }

    public string Key { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public StudyStatus Status { get; private set; }

    public IReadOnlyList<Country> Countries { get; private set; } = [];

    public IReadOnlyList<PolicyField> PolicyFields { get; private set; } = [];

    /// <summary>The audiences the study has an instrument for, in enum order.</summary>
    public IReadOnlyList<Audience> Audiences { get; private set; } = [];

    /// <summary>What respondents are told before they agree; null for a study that has none, which takes no responses.</summary>
    public StudyConsent? Consent { get; private set; }

    /// <summary>The study's own small-cell threshold for dashboards; null takes the platform's setting.</summary>
    public int? MinimumCellSize { get; private set; }

    /// <summary>The languages respondents may answer in, the instruments' source language first (see <see cref="StudyDefinition.Languages"/>).</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>The title and description in each of the study's languages but the source.</summary>
    public IReadOnlyList<StudyTranslation> Translations { get; private set; } = [];

    public bool IsOpen => Status == StudyStatus.Open;

    /// <summary>The title as a respondent in <paramref name="language"/> reads it (the source title where there is no translation).</summary>
    public string TitleIn(string? language) => TranslationIn(language)?.Title ?? Title;

    /// <summary>The description as a respondent in <paramref name="language"/> reads it (the source description where there is no translation).</summary>
    public string DescriptionIn(string? language) => TranslationIn(language)?.Description ?? Description;

    private StudyTranslation? TranslationIn(string? language) =>
        language is null ? null : Translations.FirstOrDefault(t => t.Language == language);

    public static Study Create(StudyDefinition definition)
    {
        var study = new Study { Key = definition.Key };
        study.UpdateFrom(definition);
        return study;
    }

    /// <summary>Takes over everything but the key from the study file; returns whether anything changed.</summary>
    public bool UpdateFrom(StudyDefinition definition)
    {
        if (definition.Key != Key)
        {
            throw new InvalidOperationException($"Study '{Key}' cannot take the definition of study '{definition.Key}'.");
        }

        var audiences = definition.InstrumentFiles.Keys.Order().ToList();
        var changed = Title != definition.Title
            || Description != definition.Description
            || Status != definition.Status
            || !Countries.SequenceEqual(definition.Countries)
            || !PolicyFields.SequenceEqual(definition.PolicyFields)
            || !Audiences.SequenceEqual(audiences)
            || !Equals(Consent, definition.Consent)
            || MinimumCellSize != definition.MinimumCellSize
            || !Languages.SequenceEqual(definition.Languages)
            || !Translations.SequenceEqual(definition.Translations);
        Title = definition.Title;
        Description = definition.Description;
        Status = definition.Status;
        Countries = [.. definition.Countries];
        PolicyFields = [.. definition.PolicyFields];
        Audiences = audiences;
        Consent = definition.Consent;
        MinimumCellSize = definition.MinimumCellSize;
        Languages = [.. definition.Languages];
        Translations = [.. definition.Translations];
        return changed;
    }
}
