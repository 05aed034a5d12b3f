namespace CoproSurvey.Core.Studies;

/// <summary>
/// The lawful basis for processing the answers under Article 6(1) GDPR that a study names in its consent information.
/// </summary>
public enum LegalBasis
{
    /// <summary>Article 6(1)(a): the respondent's consent.</summary>
    Consent,

    /// <summary>Article 6(1)(e): a task in the public interest (research by a public university, for example).</summary>
    PublicTask,

    /// <summary>Article 6(1)(f): the legitimate interests of the controller.</summary>
    LegitimateInterests,
}

/// <summary>The consent information of a study in one language: what a respondent reads before agreeing.</summary>
/// <param name="Purpose">Why the study is done.</param>
/// <param name="WhatIsAsked">What the questionnaire asks and how long it takes.</param>
/// <param name="Voluntary">That taking part is voluntary.</param>
/// <param name="Withdrawal">How a respondent stops and takes their answers back.</param>
/// <param name="DataUse">What is stored, who sees it and how results are published.</param>
public sealed record ConsentWording(string Purpose, string WhatIsAsked, string Voluntary, string Withdrawal, string DataUse);

/// <summary>
/// What a study tells respondents before they agree to take part, from the <c>consent</c> object of its study file.
/// Every response stores the <see cref="Version"/> it was given, so a change of wording needs a new version.
/// </summary>
/// <param name="Version">The version of the consent information, e.g. a date; stored with every response.</param>
/// <param name="SourceLanguage">The language the study wrote its wording in; <see cref="Wordings"/> always holds it.</param>
/// <param name="Wordings">The wording by language code (<c>en</c>, <c>nl</c>, ...).</param>
/// <param name="Controller">The researcher or institution responsible for the data (the GDPR controller).</param>
/// <param name="ContactEmail">Where respondents ask questions or exercise their rights.</param>
/// <param name="EthicsReference">The reference of the ethics approval.</param>
/// <param name="RetentionYears">How many years after data collection ends the answers are kept before they are deleted.</param>
/// <param name="MinimumAge">Respondents confirm that they are at least this old before they start.</param>
public sealed record StudyConsent(
    string Version,
    string SourceLanguage,
    IReadOnlyDictionary<string, ConsentWording> Wordings,
    string Controller,
    string ContactEmail,
    string EthicsReference,
    LegalBasis LegalBasis,
    int RetentionYears,
    int MinimumAge)
{
    /// <summary>The wording in <paramref name="language"/>, else in the source language.</summary>
    public ConsentWording WordingFor(string? language) =>
        language is not null && Wordings.TryGetValue(language, out var wording) ? wording : Wordings[SourceLanguage];

    public bool Equals(StudyConsent? other) =>
        other is not null
        && Version == other.Version
        && SourceLanguage == other.SourceLanguage
        && Controller == other.Controller
        && ContactEmail == other.ContactEmail
        && EthicsReference == other.EthicsReference
        && LegalBasis == other.LegalBasis
        && RetentionYears == other.RetentionYears
        && MinimumAge == other.MinimumAge
        && Wordings.Count == other.Wordings.Count
        && Wordings.All(w => other.Wordings.TryGetValue(w.Key, out var o) && o == w.Value);

    public override int GetHashCode() => HashCode.Combine(Version, SourceLanguage, Controller, EthicsReference, MinimumAge, Wordings.Count);
}
