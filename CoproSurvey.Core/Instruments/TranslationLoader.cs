using System.Globalization;
using System.Text.Json;

namespace CoproSurvey.Core.Instruments;

/// <summary>The outcome of loading a translation file: the translation when it is complete and has nothing extra, and every problem.</summary>
public sealed record TranslationLoadResult(InstrumentTranslation? Translation, IReadOnlyList<InstrumentProblem> Problems)
{
    public bool IsValid => Translation is not null && Problems.Count == 0;
}

/// <summary>
/// Reads a translation file (<c>data/instruments/citizen.nl.json</c> beside <c>citizen.json</c>; format in
/// <c>docs/instruments.md</c>) against the instrument it translates. Reports every text of the instrument the file
/// lacks (or leaves blank) and every text the file has that the instrument does not, each with its JSON path in the
/// file; never throws for bad content.
/// </summary>
public static class TranslationLoader
{
    private static readonly string[] HeaderProperties = ["$schema", "instrument", "language", "status"];
    private static readonly string[] TextRoots = ["title", "introduction", "responseScales", "sections"];

    /// <summary>The file that holds an instrument's texts in a language: <c>citizen.json</c> → <c>citizen.nl.json</c>, in the same folder.</summary>
    public static string FileFor(string instrumentPath, string language) =>
        Path.Combine(Path.GetDirectoryName(instrumentPath) ?? "", $"{Path.GetFileNameWithoutExtension(instrumentPath)}.{language}.json");

    /// <summary>Reads and loads a translation file; an unreadable file is reported as a problem.</summary>
    public static TranslationLoadResult LoadFile(string path, Instrument instrument, SharedScaleNames shared, string language)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new TranslationLoadResult(null, [new InstrumentProblem(path, "$", $"cannot read the translation into '{language}': {e.Message}")]);
        }

        return Load(json, path, instrument, shared, language);
    }

    /// <summary>Loads translation JSON; <paramref name="fileName"/> only names the file in problems.</summary>
    /// <param name="language">The language the file must be in (the study lists it; the file name carries it).</param>
    public static TranslationLoadResult Load(string json, string fileName, Instrument instrument, SharedScaleNames shared, string language)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(shared);
        var sink = new ProblemSink(fileName);
        using var document = sink.Parse(json);
        if (document is null)
        {
            return new TranslationLoadResult(null, sink.Problems);
        }

        var root = document.RootElement;
        var o = JsonObjectReader.Open(sink, root, "$", [.. HeaderProperties, .. TextRoots]);
        if (o is null)
        {
            return new TranslationLoadResult(null, sink.Problems);
        }

        var key = o.String("instrument", required: true)!;
        if (key.Length > 0 && key != instrument.Key)
        {
            sink.Add("$.instrument", $"translates instrument '{key}', but the instrument here is '{instrument.Key}'");
        }

        var fileLanguage = o.String("language", required: true)!;
        if (fileLanguage.Length > 0 && fileLanguage != language)
        {
            sink.Add("$.language", $"the file is in '{fileLanguage}', but it is the translation into '{language}'");
        }

        if (language == instrument.Language)
        {
            sink.Add("$.language", $"'{language}' is the instrument's source language; its texts are the instrument's own");
        }

        var status = ReadStatus(sink, o);

        // Every string in the file by its JSON path; objects are walked, anything else is not a text.
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in TextRoots)
        {
            if (o.Raw(name) is { } element)
            {
                Collect(sink, element, o.PathOf(name), given);
            }
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in InstrumentTexts.Enumerate(instrument, shared))
        {
            if (!expected.Add(text.FilePath) && !given.ContainsKey(text.FilePath))
            {
                // A shared scale's point already reported once, for the first question that uses it.
                continue;
            }

            if (given.TryGetValue(text.FilePath, out var translated) && !string.IsNullOrWhiteSpace(translated))
            {
                texts[text.Key] = translated;
            }
            else
            {
                sink.Add(text.FilePath, $"untranslated text (source: \"{Shorten(text.Source)}\")");
            }
        }

        // Shared scales that no question uses are not shown to anyone; a translation of them is harmless.
        var unusedShared = shared.Names.Except(shared.ByQuestion.Values).Select(n => ProblemSink.Child("$.responseScales", n)).ToList();
        foreach (var path in given.Keys.Where(p => !expected.Contains(p)))
        {
            if (!unusedShared.Any(prefix => path.StartsWith(prefix + ".", StringComparison.Ordinal) || path.StartsWith(prefix + "[", StringComparison.Ordinal)))
            {
                sink.Add(path, $"extra text: instrument '{instrument.Key}' has no text here (a code that is not the instrument's, or a text it does not have)");
            }
        }

        return sink.Problems.Count > 0
            ? new TranslationLoadResult(null, sink.Problems)
            : new TranslationLoadResult(InstrumentTranslation.Create(instrument.Key, language, status, texts), []);
    }

    /// <summary>Whether <paramref name="language"/> names a culture .NET knows (its texts, direction and formats come from it).</summary>
    public static bool IsKnownLanguage(string language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(language, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static TranslationStatus ReadStatus(ProblemSink sink, JsonObjectReader o)
    {
        var text = o.String("status", required: true)!;
        switch (text)
        {
            case "draft":
            case "":
                return TranslationStatus.Draft;
            case "reviewed":
                return TranslationStatus.Reviewed;
            default:
                sink.Add(o.PathOf("status"), $"unknown status '{text}' (expected draft or reviewed)");
                return TranslationStatus.Draft;
        }
    }

    private static void Collect(ProblemSink sink, JsonElement element, string path, Dictionary<string, string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into[path] = element.GetString()!;
                break;
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var child = ProblemSink.Child(path, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        sink.Add(child, $"duplicate property '{property.Name}'");
                        continue;
                    }

                    Collect(sink, property.Value, child, into);
                }

                break;
            default:
                sink.Add(path, $"must be a text or an object of texts keyed by code, found {JsonObjectReader.Describe(element)}");
                break;
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
