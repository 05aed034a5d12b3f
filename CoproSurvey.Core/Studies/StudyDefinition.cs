using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Studies;

/// <summary>Lifecycle of a study: only open studies accept responses.</summary>
public enum StudyStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>A policy field a study covers, e.g. <c>public-safety</c>.</summary>
public sealed record PolicyField(string Code, string Label)
{
    /// <summary>The label in the study's other languages, by language (the study file's <c>translations</c>).</summary>
    public IReadOnlyDictionary<string, string> Translations { get; init; } = StudyTexts.None;

    /// <summary>The field as a respondent in <paramref name="language"/> reads it (the source label where there is no translation).</summary>
    public PolicyField In(string? language) => this with { Label = StudyTexts.In(Translations, language, Label), Translations = StudyTexts.None };

    public bool Equals(PolicyField? other) =>
        other is not null && Code == other.Code && Label == other.Label && StudyTexts.Same(Translations, other.Translations);

    public override int GetHashCode() => HashCode.Combine(Code, Label, Translations.Count);
}

/// <summary>A country a study covers (ISO 3166-1 alpha-2 code), with the service units it lists there, if any.</summary>
/// <remarks>
/// The units travel inside the country (and so inside the study's stored list of countries): a unit belongs to one
/// country, and the study's table keeps its columns.
/// </remarks>
public sealed record Country(string Code, string Name)
{
    /// <summary>
    /// The service units of the study in this country. When a study lists units anywhere, a respondent's unit must be
    /// one listed for their country; otherwise any well-formed code (<see cref="ServiceUnit.IsWellFormed"/>) is taken.
    /// </summary>
    public IReadOnlyList<ServiceUnit> ServiceUnits { get; init; } = [];

    /// <summary>The name in the study's other languages, by language (the study file's <c>translations</c>).</summary>
    public IReadOnlyDictionary<string, string> Translations { get; init; } = StudyTexts.None;

    /// <summary>The country and its units as a respondent in <paramref name="language"/> reads them (source texts where there is no translation).</summary>
    public Country In(string? language) => this with
    {
        Name = StudyTexts.In(Translations, language, Name),
        Translations = StudyTexts.None,
        ServiceUnits = [.. ServiceUnits.Select(u => u.In(language))],
    };

    public bool Equals(Country? other) =>
        other is not null && Code == other.Code && Name == other.Name && ServiceUnits.SequenceEqual(other.ServiceUnits)
        && StudyTexts.Same(Translations, other.Translations);

    public override int GetHashCode() => HashCode.Combine(Code, Name, ServiceUnits.Count, Translations.Count);
}

/// <summary>
/// A service unit or organisation (e.g. <c>BE-H-01</c>): the code that links the citizens and the professionals of
/// the same service. The label is what a respondent chooses from.
/// </summary>
public sealed partial record ServiceUnit(string Code, string Label)
{
    /// <summary>The label in the study's other languages, by language (the study file's <c>translations</c>).</summary>
    public IReadOnlyDictionary<string, string> Translations { get; init; } = StudyTexts.None;

    /// <summary>The unit as a respondent in <paramref name="language"/> reads it (the source label where there is no translation).</summary>
    public ServiceUnit In(string? language) => this with { Label = StudyTexts.In(Translations, language, Label), Translations = StudyTexts.None };

    public bool Equals(ServiceUnit? other) =>
        other is not null && Code == other.Code && Label == other.Label && StudyTexts.Same(Translations, other.Translations);

    public override int GetHashCode() => HashCode.Combine(Code, Label, Translations.Count);

    /// <summary>At most 64 letters, digits, hyphens or underscores: no dots, spaces or control characters.</summary>
    public static bool IsWellFormed(string? code) => code is not null && CodePattern().IsMatch(code);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();
}

/// <summary>
/// A study as described by <c>data/studies/*.json</c>: what it is, where it runs, and the instrument file per audience.
/// </summary>
public sealed record StudyDefinition(
    string Key,
    string Title,
    string Description,
    StudyStatus Status,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<PolicyField> PolicyFields,
    IReadOnlyDictionary<Audience, string> InstrumentFiles)
{
    /// <summary>What respondents are told before they agree; every study file has it (null only for studies made in code).</summary>
    public StudyConsent? Consent { get; init; }

    /// <summary>
    /// The study's own small-cell threshold for dashboards (<c>dashboards.minimumCellSize</c>); null takes the platform's
    /// <c>Dashboards:MinimumCellSize</c>.
    /// </summary>
    public int? MinimumCellSize { get; init; }

    /// <summary>
    /// The languages respondents may answer in (BCP 47 tags, e.g. <c>en</c>, <c>nl</c>), the instruments' source
    /// language first; every other one has a translation file beside each instrument. Empty: the source language only.
    /// </summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>The study's title and description in each of its languages but the source (the study file's <c>translations</c>).</summary>
    public IReadOnlyList<StudyTranslation> Translations { get; init; } = [];
}

/// <summary>The study's title and description in one of its languages other than the source.</summary>
/// <param name="Language">The language (BCP 47 tag, e.g. <c>nl</c>).</param>
/// <param name="Title">The title in <paramref name="Language"/>.</param>
/// <param name="Description">The description in <paramref name="Language"/>; empty when the study has none.</param>
/// <param name="Status">Whether the study's translators have reviewed the language's texts.</param>
public sealed record StudyTranslation(string Language, string Title, string Description, TranslationStatus Status);

/// <summary>A study's own texts in its other languages (names of countries, policy fields and service units), by language.</summary>
public static class StudyTexts
{
    /// <summary>No translations: the study speaks its source language only.</summary>
    public static IReadOnlyDictionary<string, string> None { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The text in <paramref name="language"/>, else the source text.</summary>
    public static string In(IReadOnlyDictionary<string, string> translations, string? language, string source) =>
        language is not null && translations.TryGetValue(language, out var text) ? text : source;

    /// <summary>Whether two sets of translations hold the same texts (a changed translation is a change of the study).</summary>
    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(t => b.TryGetValue(t.Key, out var other) && other == t.Value);
}
