using System.Collections.Concurrent;
using System.Globalization;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Responses;

/// <summary>
/// Which of a study's languages a respondent gets: the one the link asks for (<c>?lang=nl</c>), else the first of the
/// browser's preferred languages (Accept-Language, best first) the study offers, else the source language.
/// </summary>
public static class RespondentLanguages
{
    /// <param name="offered">The languages offered, the source language first; never empty.</param>
    /// <param name="requested">The language the link or switcher asks for, if any.</param>
    /// <param name="preferred">The browser's languages, best first.</param>
    public static string Choose(IReadOnlyList<string> offered, string? requested, IEnumerable<string> preferred)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(preferred);
        if (offered.Count == 0)
        {
            throw new ArgumentException("A study offers at least its source language.", nameof(offered));
        }

        return Match(offered, requested)
            ?? preferred.Select(p => Match(offered, p)).FirstOrDefault(m => m is not null)
            ?? offered[0];
    }

    /// <summary>
    /// The offered language for a tag: the same tag (any case), else its parent (<c>nl-BE</c> → <c>nl</c>), else
    /// an offered regional variant of it (<c>fr</c> → <c>fr-BE</c>); null when none.
    /// </summary>
    public static string? Match(IReadOnlyList<string> offered, string? tag)
    {
        ArgumentNullException.ThrowIfNull(offered);
        if (string.IsNullOrWhiteSpace(tag) || tag == "*")
        {
            return null;
        }

        tag = tag.Trim();
        var exact = offered.FirstOrDefault(o => string.Equals(o, tag, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var dash = tag.IndexOf('-');
        var primary = dash > 0 ? tag[..dash] : tag;
        return offered.FirstOrDefault(o => string.Equals(o, primary, StringComparison.OrdinalIgnoreCase))
            ?? offered.FirstOrDefault(o => o.StartsWith(primary + "-", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether text in this language runs right to left (from the culture's <see cref="TextInfo.IsRightToLeft"/>).</summary>
    public static bool IsRightToLeft(string language) =>
        TranslationLoader.IsKnownLanguage(language) && CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;
}

/// <summary>
/// Translations read back from their stored canonical JSON, and instruments with a translation applied. Keyed by
/// SHA-256, so nothing needs invalidating: changed texts are a different key.
/// </summary>
internal static class TranslationSnapshots
{
    private static readonly ConcurrentDictionary<(string Instrument, string Translation), Instrument> Translated = new();

    public static Instrument? TryGet(string instrumentSha256, string translationSha256) =>
        Translated.TryGetValue((instrumentSha256, translationSha256), out var instrument) ? instrument : null;

    public static Instrument Get(Instrument instrument, string translationSha256, string canonicalJson) =>
        Translated.GetOrAdd(
            (instrument.Sha256, translationSha256),
            static (_, arg) => InstrumentTranslation.FromCanonicalJson(arg.Json, TranslationStatus.Draft).Apply(arg.Instrument),
            (Instrument: instrument, Json: canonicalJson));
}
