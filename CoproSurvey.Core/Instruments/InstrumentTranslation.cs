using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoproSurvey.Core.Instruments;

/// <summary>Where a translation stands: translators' drafts are served, and say so, until a reviewer marks them reviewed.</summary>
public enum TranslationStatus
{
    Draft,
    Reviewed,
}

/// <summary>
/// Every text of an instrument in one other language, keyed by the codes of the instrument (never by position), so
/// that codes, values and routing stay the instrument's own and every language exports into the same columns.
/// </summary>
/// <param name="InstrumentKey">The <see cref="Instrument.Key"/> translated.</param>
/// <param name="Language">BCP 47 language tag, e.g. <c>nl</c>.</param>
/// <param name="Texts">Translated text by text key (see <see cref="InstrumentTexts"/>).</param>
/// <param name="Sha256">
/// Lower-case hex SHA-256 of <see cref="ToCanonicalJson"/>: a changed text is a new version of the language's texts,
/// which responses record beside the instrument's own hash. The status is not part of it: reviewing changes no text.
/// </param>
public sealed record InstrumentTranslation(
    string InstrumentKey,
    string Language,
    TranslationStatus Status,
    IReadOnlyDictionary<string, string> Texts,
    string Sha256)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Creates a translation and computes its SHA-256.</summary>
    public static InstrumentTranslation Create(string instrumentKey, string language, TranslationStatus status, IReadOnlyDictionary<string, string> texts)
    {
        var translation = new InstrumentTranslation(instrumentKey, language, status, texts, "");
        return translation with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(translation.ToCanonicalJson()))) };
    }

    /// <summary>Instrument key, language and the texts in ordinal key order, without whitespace: what the hash is taken of and what is stored.</summary>
    public string ToCanonicalJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("instrument", InstrumentKey);
            w.WriteString("language", Language);
            w.WriteStartObject("texts");
            foreach (var (key, text) in Texts.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, text);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads back <see cref="ToCanonicalJson"/> (as stored with a response's instrument version).</summary>
    public static InstrumentTranslation FromCanonicalJson(string json, TranslationStatus status)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var texts = root.GetProperty("texts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return Create(root.GetProperty("instrument").GetString()!, root.GetProperty("language").GetString()!, status, texts);
    }

    /// <summary>
    /// The instrument with its texts in this language; codes, values, conditions, scales and the instrument's
    /// <see cref="Instrument.Sha256"/> unchanged. A text the translation lacks keeps the source wording.
    /// </summary>
    public Instrument Apply(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        string T(string key, string source) => Texts.TryGetValue(key, out var text) ? text : source;
        string? O(string key, string? source) => source is null ? null : T(key, source);

        return instrument with
        {
            Title = T(InstrumentTexts.Title, instrument.Title),
            Introduction = O(InstrumentTexts.Introduction, instrument.Introduction),
            Language = Language,
            Sections = instrument.Sections.Select(s => s with
            {
                Title = T(InstrumentTexts.SectionTitle(s), s.Title),
                Introduction = O(InstrumentTexts.SectionIntroduction(s), s.Introduction),
                Questions = s.Questions.Select(q => q with
                {
                    Text = T(InstrumentTexts.QuestionText(q), q.Text),
                    Help = O(InstrumentTexts.QuestionHelp(q), q.Help),
                    Options = q.Options.Select(o => o with { Label = T(InstrumentTexts.Option(q, o), o.Label) }).ToList(),
                    Rows = q.Rows.Select(r => r with { Text = T(InstrumentTexts.Row(q, r), r.Text) }).ToList(),
                    ResponseScale = q.ResponseScale is { } scale
                        ? new ResponseScale(
                            scale.Points.Select(p => p with { Label = T(InstrumentTexts.Point(q, p), p.Label) }).ToList(),
                            O(InstrumentTexts.DontKnow(q), scale.DontKnowLabel),
                            O(InstrumentTexts.NotApplicable(q), scale.NotApplicableLabel))
                        : null,
                    Numeric = q.Numeric is { } numeric ? numeric with { Unit = O(InstrumentTexts.Unit(q), numeric.Unit) } : null,
                }).ToList(),
            }).ToList(),
        };
    }
}

/// <summary>
/// The respondent-facing texts of an instrument under the keys translations use: <c>title</c>, <c>introduction</c>,
/// <c>sections.CODE.title|introduction</c>, <c>questions.CODE.text|help|unit</c>, <c>questions.CODE.options.OPTION</c>,
/// <c>questions.CODE.rows.ROW</c>, <c>questions.CODE.scale.VALUE</c>, <c>questions.CODE.scale.dontKnow</c> and
/// <c>questions.CODE.scale.notApplicable</c>.
/// Construct scales (names and descriptions) are the researchers' and are not translated.
/// </summary>
public static class InstrumentTexts
{
    public const string Title = "title";
    public const string Introduction = "introduction";

    public static string SectionTitle(Section s) => $"sections.{s.Code}.title";

    public static string SectionIntroduction(Section s) => $"sections.{s.Code}.introduction";

    public static string QuestionText(Question q) => $"questions.{q.Code}.text";

    public static string QuestionHelp(Question q) => $"questions.{q.Code}.help";

    public static string Option(Question q, ChoiceOption o) => $"questions.{q.Code}.options.{o.Code}";

    public static string Row(Question q, MatrixRow r) => $"questions.{q.Code}.rows.{r.Code}";

    public static string Point(Question q, ScalePoint p) => $"questions.{q.Code}.scale.{p.Value}";

    public static string DontKnow(Question q) => $"questions.{q.Code}.scale.dontKnow";

    public static string NotApplicable(Question q) => $"questions.{q.Code}.scale.notApplicable";

    public static string Unit(Question q) => $"questions.{q.Code}.unit";

    /// <summary>Every text of the instrument: its key, the source wording, and where a translation file gives it.</summary>
    public static IEnumerable<TranslatableText> Enumerate(Instrument instrument, SharedScaleNames shared)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(shared);
        yield return new(Title, instrument.Title, "$.title");
        if (instrument.Introduction is not null)
        {
            yield return new(Introduction, instrument.Introduction, "$.introduction");
        }

        foreach (var section in instrument.Sections)
        {
            var sectionPath = ProblemSink.Child("$.sections", section.Code);
            yield return new(SectionTitle(section), section.Title, sectionPath + ".title");
            if (section.Introduction is not null)
            {
                yield return new(SectionIntroduction(section), section.Introduction, sectionPath + ".introduction");
            }

            foreach (var q in section.Questions)
            {
                var path = ProblemSink.Child(sectionPath + ".questions", q.Code);
                yield return new(QuestionText(q), q.Text, path + ".text");
                if (q.Help is not null)
                {
                    yield return new(QuestionHelp(q), q.Help, path + ".help");
                }

                foreach (var o in q.Options)
                {
                    yield return new(Option(q, o), o.Label, ProblemSink.Child(path + ".options", o.Code));
                }

                foreach (var r in q.Rows)
                {
                    yield return new(Row(q, r), r.Text, ProblemSink.Child(path + ".rows", r.Code));
                }

                if (q.ResponseScale is { } scale)
                {
                    // A shared scale is translated once, under its name; every question using it takes that text.
                    var scalePath = shared.ByQuestion.TryGetValue(q.Code, out var name)
                        ? ProblemSink.Child("$.responseScales", name)
                        : path + ".scale";
                    foreach (var p in scale.Points)
                    {
                        yield return new(Point(q, p), p.Label, ProblemSink.Child(scalePath + ".points", p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }

                    if (scale.DontKnowLabel is not null)
                    {
                        yield return new(DontKnow(q), scale.DontKnowLabel, scalePath + ".dontKnow");
                    }

                    if (scale.NotApplicableLabel is not null)
                    {
                        yield return new(NotApplicable(q), scale.NotApplicableLabel, scalePath + ".notApplicable");
                    }
                }

                if (q.Numeric?.Unit is { } unit)
                {
                    yield return new(Unit(q), unit, path + ".unit");
                }
            }
        }
    }
}

/// <summary>One text of an instrument.</summary>
/// <param name="Key">The key translations are stored under.</param>
/// <param name="Source">The wording in the instrument's source language.</param>
/// <param name="FilePath">The JSON path of the text in a translation file.</param>
public sealed record TranslatableText(string Key, string Source, string FilePath);
