namespace CoproSurvey.App.Localization;

/// <summary>
/// The platform's own texts on respondent pages (consent frame, buttons, errors, progress, resume, withdrawal,
/// thank-you), in <c>RespondentTexts.resx</c> (English, the neutral culture) and one <c>RespondentTexts.{lang}.resx</c> per
/// language of <see cref="RespondentCulture.PlatformLanguages"/>. Pages read them through
/// <c>IStringLocalizer&lt;RespondentTexts&gt;</c>; the instruments' texts come from their translation files instead.
/// </summary>
public sealed class RespondentTexts;
