using System.Text.Json;
using System.Text.RegularExpressions;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Studies;

/// <summary>The outcome of loading a study file and the instruments it names; the study is set only when there is no problem.</summary>
public sealed record StudyLoadResult(
    StudyDefinition? Study,
    IReadOnlyDictionary<Audience, Instrument> Instruments,
    IReadOnlyList<InstrumentProblem> Problems)
{
    public bool IsValid => Study is not null && Problems.Count == 0;

    /// <summary>The translations of each audience's instrument, one per study language other than the source.</summary>
    public IReadOnlyDictionary<Audience, IReadOnlyList<InstrumentTranslation>> Translations { get; init; } =
        new Dictionary<Audience, IReadOnlyList<InstrumentTranslation>>();
}

/// <summary>
/// Loads a study file (<c>data/studies/*.json</c>) and every instrument it names. Instrument paths are relative to
/// the data directory, the parent of the study file's folder: <c>data/studies/x.json</c> naming
/// <c>instruments/citizen.json</c> loads <c>data/instruments/citizen.json</c>. Reports every problem of the study
/// file and of its instruments; never throws for bad content.
/// </summary>
public static partial class StudyLoader
{
    private static readonly string[] StudyProperties = ["$schema", "key", "title", "description", "status", "countries", "policyFields", "languages", "instruments", "consent", "dashboards", "translations"];
    private static readonly string[] TranslationProperties = ["status", "title", "description", "countries", "policyFields", "serviceUnits"];
    private static readonly string[] ConsentProperties =
        ["version", "sourceLanguage", "text", "controller", "contactEmail", "ethicsReference", "legalBasis", "retentionYears", "minimumAge"];
    private static readonly string[] WordingProperties = ["purpose", "whatIsAsked", "voluntary", "withdrawal", "dataUse"];
    private static readonly string[] DashboardProperties = ["minimumCellSize"];
    private static readonly Dictionary<string, LegalBasis> LegalBases = new(StringComparer.Ordinal)
    {
        ["consent"] = LegalBasis.Consent,
        ["public-task"] = LegalBasis.PublicTask,
        ["legitimate-interests"] = LegalBasis.LegitimateInterests,
    };
    private static readonly string[] CountryProperties = ["code", "name", "serviceUnits"];
    private static readonly string[] ServiceUnitProperties = ["code", "label"];
    private static readonly string[] PolicyFieldProperties = ["code", "label"];
    private static readonly string[] AudienceNames = ["citizen", "professional"];

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex KeyPattern();

    // BCP 47 as far as the platform uses it: a language, optionally with a region or script (en, nl, pt-BR, sr-Latn).
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();

    // One @, something on each side, a dot in the domain, no spaces: enough to catch a typo without rejecting real addresses.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    /// <summary>
    /// Loads every study file in <c>studies/</c> under <paramref name="dataDirectory"/> (ordinal file-name order)
    /// with the instruments each names; empty when there is no such folder.
    /// </summary>
    public static IReadOnlyList<StudyLoadResult> LoadDirectory(string dataDirectory)
    {
        var studies = Path.Combine(dataDirectory, "studies");
        return Directory.Exists(studies)
            ? Directory.EnumerateFiles(studies, "*.json").Order(StringComparer.Ordinal).Select(LoadFile).ToList()
            : [];
    }

    /// <summary>Loads the study file at <paramref name="path"/> and every instrument it names.</summary>
    public static StudyLoadResult LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed([new InstrumentProblem(path, "$", $"cannot read the file: {e.Message}")]);
        }

        var sink = new ProblemSink(path);
        using var document = sink.Parse(json);
        var o = document is null ? null : JsonObjectReader.Open(sink, document.RootElement, "$", StudyProperties);
        if (o is null)
        {
            return Failed(sink.Problems);
        }

        var key = o.String("key", required: true)!;
        if (key.Length > 0 && !KeyPattern().IsMatch(key))
        {
            sink.Add(o.PathOf("key"), $"study key '{key}' must match ^[a-z][a-z0-9-]{{0,63}}$ (it appears in survey addresses)");
        }

        var title = o.String("title", required: true)!;
        var description = o.String("description", required: true)!;
        var status = ReadStatus(sink, o);
        // Unit codes are unique across the study: a response stores the code alone.
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        var countries = ReadCodedList(sink, o, "countries", CountryProperties, "name", code =>
            IsoCountryCodes.All.Contains(code) ? null : $"'{code}' is not an ISO 3166-1 alpha-2 country code (e.g. GB, not UK)",
            (code, name, item) => new Country(code, name) { ServiceUnits = ReadServiceUnits(sink, item, units) });
        var policyFields = ReadCodedList(sink, o, "policyFields", PolicyFieldProperties, "label", code =>
            KeyPattern().IsMatch(code) ? null : $"policy field code '{code}' must match ^[a-z][a-z0-9-]{{0,63}}$",
            (code, label, _) => new PolicyField(code, label));

        var languages = ReadLanguages(sink, o);
        var studyTexts = new List<StudyTranslation>();
        (countries, policyFields) = ReadTranslations(sink, o, languages, countries, policyFields, (title, description), studyTexts);
        var files = ReadInstrumentFiles(sink, o);
        var consent = ReadConsent(sink, o, languages);
        var minimumCellSize = ReadMinimumCellSize(sink, o);
        var problems = sink.Problems.ToList();
        var instruments = new Dictionary<Audience, Instrument>();
        var translations = new Dictionary<Audience, IReadOnlyList<InstrumentTranslation>>();
        var dataDirectory = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? ".";
        foreach (var (audience, relative) in files)
        {
            var instrumentPath = Path.Combine(dataDirectory, relative);
            var result = InstrumentLoader.LoadFile(instrumentPath);
            problems.AddRange(result.Problems);
            if (result.Instrument is { } instrument)
            {
                if (instrument.Audience != audience)
                {
                    problems.Add(new InstrumentProblem(path, $"$.instruments.{Name(audience)}",
                        $"'{relative}' is a {Name(instrument.Audience)} instrument, listed for {Name(audience)}"));
                }

                if (languages.Count > 0 && languages[0] != instrument.Language)
                {
                    problems.Add(new InstrumentProblem(path, "$.languages[0]",
                        $"the first language is the instruments' source language: '{relative}' is written in '{instrument.Language}', not '{languages[0]}'"));
                }

                instruments[audience] = instrument;
                var translated = new List<InstrumentTranslation>();
                foreach (var language in languages.Where(l => l != instrument.Language))
                {
                    var translation = TranslationLoader.LoadFile(TranslationLoader.FileFor(instrumentPath, language), instrument, result.SharedScales, language);
                    problems.AddRange(translation.Problems);
                    if (translation.Translation is { } t)
                    {
                        translated.Add(t);
                    }
                }

                translations[audience] = translated;
            }
        }

        if (problems.Count > 0)
        {
            return Failed(problems);
        }

        var sourceLanguages = instruments.Values.Select(i => i.Language).Distinct().ToList();
        var study = new StudyDefinition(key, title, description, status, countries, policyFields, files)
        {
            Languages = languages.Count > 0 ? languages : sourceLanguages,
            Consent = consent,
            MinimumCellSize = minimumCellSize,
            Translations = studyTexts,
        };
        return new StudyLoadResult(study, instruments, []) { Translations = translations };
    }

    private static StudyLoadResult Failed(IReadOnlyList<InstrumentProblem> problems) =>
        new(null, new Dictionary<Audience, Instrument>(), problems);

    private static string Name(Audience audience) => audience == Audience.Citizen ? "citizen" : "professional";

    private static StudyStatus ReadStatus(ProblemSink sink, JsonObjectReader o)
    {
        var text = o.String("status", required: true)!;
        switch (text)
        {
            case "draft":
                return StudyStatus.Draft;
            case "open":
                return StudyStatus.Open;
            case "closed":
                return StudyStatus.Closed;
            case "":
                return StudyStatus.Draft;
            default:
                sink.Add(o.PathOf("status"), $"unknown status '{text}' (expected draft, open or closed)");
                return StudyStatus.Draft;
        }
    }

    private static List<T> ReadCodedList<T>(
        ProblemSink sink,
        JsonObjectReader o,
        string name,
        string[] properties,
        string labelProperty,
        Func<string, string?> checkCode,
        Func<string, string, JsonObjectReader, T> create)
    {
        var result = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, itemPath) in o.Array(name, required: true))
        {
            var item = JsonObjectReader.Open(sink, element, itemPath, properties);
            if (item is null)
            {
                continue;
            }

            var code = item.String("code", required: true)!;
            var label = item.String(labelProperty, required: true)!;
            if (code.Length > 0 && checkCode(code) is { } reason)
            {
                sink.Add(item.PathOf("code"), reason);
            }
            else if (code.Length > 0 && !seen.Add(code))
            {
                sink.Add(item.PathOf("code"), $"duplicate code '{code}'");
            }

            result.Add(create(code, label, item));
        }

        return result;
    }

    private static List<ServiceUnit> ReadServiceUnits(ProblemSink sink, JsonObjectReader country, Dictionary<string, string> seen)
    {
        var result = new List<ServiceUnit>();
        foreach (var (element, path) in country.Array("serviceUnits", required: false))
        {
            var item = JsonObjectReader.Open(sink, element, path, ServiceUnitProperties);
            if (item is null)
            {
                continue;
            }

            var code = item.String("code", required: true)!;
            var label = item.String("label", required: true)!;
            if (code.Length > 0 && !ServiceUnit.IsWellFormed(code))
            {
                sink.Add(item.PathOf("code"), $"service unit code '{code}' must match ^[A-Za-z0-9_-]{{1,64}}$ (it travels in invitation links)");
            }
            else if (code.Length > 0 && !seen.TryAdd(code, item.PathOf("code")))
            {
                sink.Add(item.PathOf("code"), $"duplicate service unit code '{code}' (first used at {seen[code]})");
            }

            result.Add(new ServiceUnit(code, label));
        }

        return result;
    }

    /// <summary>
    /// The study's own texts in each of its languages but the source (<c>translations.{language}</c>): its title and
    /// description (added to <paramref name="studyTexts"/>), and the names of its countries, policy fields and service
    /// units, keyed by their codes. Every untranslated title, description, country or field and every extra text is a
    /// problem with its JSON path, as in an instrument's translation; a unit may keep its label.
    /// </summary>
    private static (List<Country> Countries, List<PolicyField> PolicyFields) ReadTranslations(
        ProblemSink sink,
        JsonObjectReader o,
        List<string> languages,
        List<Country> countries,
        List<PolicyField> policyFields,
        (string Title, string Description) source,
        List<StudyTranslation> studyTexts)
    {
        var others = languages.Skip(1).ToList();
        var path = o.PathOf("translations");
        var blocks = new Dictionary<string, JsonObjectReader>(StringComparer.Ordinal);
        if (o.Raw("translations") is { } raw)
        {
            if (raw.ValueKind != JsonValueKind.Object)
            {
                sink.Add(path, $"must be an object of texts by language, found {JsonObjectReader.Describe(raw)}");
                return (countries, policyFields);
            }

            foreach (var language in raw.EnumerateObject())
            {
                var languagePath = ProblemSink.Child(path, language.Name);
                if (!others.Contains(language.Name))
                {
                    sink.Add(languagePath, languages.Count > 0 && language.Name == languages[0]
                        ? $"extra texts: '{language.Name}' is the source language, whose texts are the study file's own"
                        : $"extra texts: '{language.Name}' is not one of the study's other languages ({(others.Count > 0 ? string.Join(", ", others) : "none are listed")})");
                }
                else if (JsonObjectReader.Open(sink, language.Value, languagePath, TranslationProperties) is { } block)
                {
                    blocks[language.Name] = block;
                }
            }
        }

        var units = countries.SelectMany(c => c.ServiceUnits).ToList();
        var countryNames = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var fieldLabels = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var unitLabels = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var language in others)
        {
            if (!blocks.TryGetValue(language, out var block))
            {
                if (!sink.Problems.Any(p => p.JsonPath.StartsWith(ProblemSink.Child(path, language), StringComparison.Ordinal)))
                {
                    sink.Add(ProblemSink.Child(path, language), "required field is missing (the study's title and description and the names of its countries, policy fields and service units in this language)");
                }

                continue;
            }

            var title = ReadText(sink, block, "title", source.Title, required: true);
            // A study without a description has nothing to translate; one with it is read in every language.
            var description = ReadText(sink, block, "description", source.Description, required: source.Description.Length > 0);
            studyTexts.Add(new StudyTranslation(language, title ?? "", description ?? "", ReadTranslationStatus(sink, block)));
            ReadTexts(sink, block, "countries", "country", countries.Select(c => (c.Code, c.Name)), language, countryNames);
            ReadTexts(sink, block, "policyFields", "policy field", policyFields.Select(f => (f.Code, f.Label)), language, fieldLabels);
            // Units are mostly the names of organisations, often written in their own country's language: a unit
            // without a translation keeps its label.
            ReadTexts(sink, block, "serviceUnits", "service unit", units.Select(u => (u.Code, u.Label)), language, unitLabels, required: false);
        }

        IReadOnlyDictionary<string, string> Of(Dictionary<string, Dictionary<string, string>> texts, string code) =>
            texts.TryGetValue(code, out var byLanguage) ? byLanguage : StudyTexts.None;
        return (
            [.. countries.Select(c => c with
            {
                Translations = Of(countryNames, c.Code),
                ServiceUnits = [.. c.ServiceUnits.Select(u => u with { Translations = Of(unitLabels, u.Code) })],
            })],
            [.. policyFields.Select(f => f with { Translations = Of(fieldLabels, f.Code) })]);
    }

    /// <summary>
    /// One of the study's own texts in a language: untranslated when missing or blank and <paramref name="required"/>,
    /// extra when given for a text the study does not have.
    /// </summary>
    private static string? ReadText(ProblemSink sink, JsonObjectReader block, string name, string source, bool required)
    {
        var path = block.PathOf(name);
        if (block.Raw(name) is not { } value)
        {
            if (required)
            {
                sink.Add(path, $"untranslated text (source: \"{source}\")");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            sink.Add(path, $"must be a string, found {JsonObjectReader.Describe(value)}");
            return null;
        }

        var text = value.GetString()!;
        if (!required)
        {
            sink.Add(path, $"extra text: the study has no {name}");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            sink.Add(path, $"untranslated text (source: \"{source}\")");
            return null;
        }

        return text;
    }

    /// <summary>Whether a language's texts are reviewed; texts that do not say are drafts.</summary>
    private static TranslationStatus ReadTranslationStatus(ProblemSink sink, JsonObjectReader block)
    {
        var text = block.String("status", required: false);
        switch (text)
        {
            case null or "draft":
                return TranslationStatus.Draft;
            case "reviewed":
                return TranslationStatus.Reviewed;
            default:
                sink.Add(block.PathOf("status"), $"unknown status '{text}' (expected draft or reviewed)");
                return TranslationStatus.Draft;
        }
    }

    /// <summary>One map of a language's texts, keyed by code: each code's text is added to <paramref name="into"/> (code, then language).</summary>
    private static void ReadTexts(
        ProblemSink sink,
        JsonObjectReader block,
        string name,
        string what,
        IEnumerable<(string Code, string Source)> expected,
        string language,
        Dictionary<string, Dictionary<string, string>> into,
        bool required = true)
    {
        var path = block.PathOf(name);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var malformed = new HashSet<string>(StringComparer.Ordinal);
        if (block.Raw(name) is { } map)
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                sink.Add(path, $"must be an object of texts by {what} code, found {JsonObjectReader.Describe(map)}");
                return;
            }

            foreach (var text in map.EnumerateObject())
            {
                if (text.Value.ValueKind != JsonValueKind.String)
                {
                    sink.Add(ProblemSink.Child(path, text.Name), $"must be a string, found {JsonObjectReader.Describe(text.Value)}");
                    malformed.Add(text.Name);
                }
                else if (!string.IsNullOrWhiteSpace(text.Value.GetString()))
                {
                    given[text.Name] = text.Value.GetString()!;
                }
            }
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, source) in expected)
        {
            codes.Add(code);
            if (given.TryGetValue(code, out var text))
            {
                if (!into.TryGetValue(code, out var byLanguage))
                {
                    into[code] = byLanguage = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                byLanguage[language] = text;
            }
            else if (required && !malformed.Contains(code))
            {
                sink.Add(ProblemSink.Child(path, code), $"untranslated text (source: \"{source}\")");
            }
        }

        foreach (var code in given.Keys.Concat(malformed).Where(c => !codes.Contains(c)))
        {
            sink.Add(ProblemSink.Child(path, code), $"extra text: the study has no {what} '{code}'");
        }
    }

    private static StudyConsent? ReadConsent(ProblemSink sink, JsonObjectReader o, List<string> languages)
    {
        if (!o.Has("consent"))
        {
            sink.Add(o.PathOf("consent"), "required field is missing (what respondents are told before they agree to take part)");
            return null;
        }

        var c = JsonObjectReader.Open(sink, o.Raw("consent")!.Value, o.PathOf("consent"), ConsentProperties);
        if (c is null)
        {
            return null;
        }

        var before = sink.Problems.Count;
        var version = c.String("version", required: true)!;
        if (version.Length > 64)
        {
            sink.Add(c.PathOf("version"), $"at most 64 characters, found {version.Length} (every response stores it)");
        }

        var source = c.String("sourceLanguage", required: true)!;
        var sourceWellFormed = LanguagePattern().IsMatch(source);
        if (source.Length > 0 && !sourceWellFormed)
        {
            sink.Add(c.PathOf("sourceLanguage"), $"'{source}' is not a language code such as en, nl or pt-BR");
        }

        var wordings = ReadWordings(sink, c);
        if (sourceWellFormed && c.Has("text") && !wordings.ContainsKey(source))
        {
            sink.Add(c.PathOf("text"), $"has no text in the source language '{source}'");
        }

        // A respondent agrees to what they read: every language the study offers needs the consent text in it.
        if (c.Has("text") && c.Raw("text")!.Value.ValueKind == JsonValueKind.Object)
        {
            foreach (var language in languages.Where(l => l != source && !wordings.ContainsKey(l)))
            {
                sink.Add(ProblemSink.Child(c.PathOf("text"), language), $"untranslated text: the study offers '{language}', and respondents must be able to read what they agree to");
            }

            foreach (var language in wordings.Keys.Where(l => languages.Count > 0 && !languages.Contains(l)))
            {
                sink.Add(ProblemSink.Child(c.PathOf("text"), language), $"extra text: '{language}' is not one of the study's languages ({string.Join(", ", languages)})");
            }
        }

        var controller = c.String("controller", required: true)!;
        var email = c.String("contactEmail", required: true)!;
        if (email.Length > 0 && !EmailPattern().IsMatch(email))
        {
            sink.Add(c.PathOf("contactEmail"), $"'{email}' is not an e-mail address");
        }

        var ethics = c.String("ethicsReference", required: true)!;
        var basisText = c.String("legalBasis", required: true)!;
        var basis = LegalBasis.Consent;
        if (basisText.Length > 0 && !LegalBases.TryGetValue(basisText, out basis))
        {
            sink.Add(c.PathOf("legalBasis"), $"unknown legal basis '{basisText}' (expected {string.Join(", ", LegalBases.Keys)})");
        }

        var retention = c.Integer("retentionYears", required: true);
        if (retention is < 1 or > 100)
        {
            sink.Add(c.PathOf("retentionYears"), $"must be between 1 and 100 years, found {retention}");
        }

        var minimumAge = c.Integer("minimumAge", required: true);
        if (minimumAge is < 1 or > 120)
        {
            sink.Add(c.PathOf("minimumAge"), $"must be between 1 and 120, found {minimumAge}");
        }

        return sink.Problems.Count > before
            ? null
            : new StudyConsent(version, source, wordings, controller, email, ethics, basis, retention!.Value, minimumAge!.Value);
    }

    private static Dictionary<string, ConsentWording> ReadWordings(ProblemSink sink, JsonObjectReader consent)
    {
        var result = new Dictionary<string, ConsentWording>(StringComparer.Ordinal);
        if (!consent.Has("text"))
        {
            sink.Add(consent.PathOf("text"), "required field is missing (the consent text by language, e.g. {\"en\": {...}})");
            return result;
        }

        var text = consent.Raw("text")!.Value;
        if (text.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            sink.Add(consent.PathOf("text"), $"must be an object of texts by language, found {JsonObjectReader.Describe(text)}");
            return result;
        }

        foreach (var language in text.EnumerateObject())
        {
            var path = ProblemSink.Child(consent.PathOf("text"), language.Name);
            if (!LanguagePattern().IsMatch(language.Name))
            {
                sink.Add(path, $"'{language.Name}' is not a language code such as en, nl or pt-BR");
                continue;
            }

            var w = JsonObjectReader.Open(sink, language.Value, path, WordingProperties);
            if (w is null)
            {
                continue;
            }

            var wording = new ConsentWording(
                w.String("purpose", required: true)!,
                w.String("whatIsAsked", required: true)!,
                w.String("voluntary", required: true)!,
                w.String("withdrawal", required: true)!,
                w.String("dataUse", required: true)!);
            if (!result.TryAdd(language.Name, wording))
            {
                sink.Add(path, $"duplicate language '{language.Name}'");
            }
        }

        return result;
    }

    private static int? ReadMinimumCellSize(ProblemSink sink, JsonObjectReader o)
    {
        if (!o.Has("dashboards"))
        {
            return null;
        }

        var d = JsonObjectReader.Open(sink, o.Raw("dashboards")!.Value, o.PathOf("dashboards"), DashboardProperties);
        var size = d?.Integer("minimumCellSize", required: false);
        if (size is < 1 or > 1000)
        {
            sink.Add(d!.PathOf("minimumCellSize"), $"must be between 1 and 1000 respondents, found {size}");
            return null;
        }

        return size;
    }

    private static List<string> ReadLanguages(ProblemSink sink, JsonObjectReader o)
    {
        var languages = new List<string>();
        var values = o.StringArray("languages", required: false);
        for (var i = 0; i < values.Count; i++)
        {
            var language = values[i];
            var itemPath = ProblemSink.Index(o.PathOf("languages"), i);
            if (!TranslationLoader.IsKnownLanguage(language) || !LanguagePattern().IsMatch(language))
            {
                sink.Add(itemPath, $"'{language}' is not a language tag .NET knows (e.g. en, nl, fr-BE)");
            }
            else if (languages.Contains(language))
            {
                sink.Add(itemPath, $"duplicate language '{language}'");
            }
            else
            {
                languages.Add(language);
            }
        }

        if (o.Has("languages") && values.Count == 0)
        {
            sink.Add(o.PathOf("languages"), "list at least the instruments' source language");
        }

        return languages;
    }

    private static Dictionary<Audience, string> ReadInstrumentFiles(ProblemSink sink, JsonObjectReader o)
    {
        var files = new Dictionary<Audience, string>();
        if (!o.Has("instruments"))
        {
            sink.Add(o.PathOf("instruments"), "required field is missing");
            return files;
        }

        var map = JsonObjectReader.Open(sink, o.Raw("instruments")!.Value, o.PathOf("instruments"), AudienceNames);
        if (map is null)
        {
            return files;
        }

        var rejected = false;
        foreach (var audience in new[] { Audience.Citizen, Audience.Professional })
        {
            var relative = map.String(Name(audience), required: false);
            if (relative is null)
            {
                continue;
            }

            if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains(".."))
            {
                sink.Add(map.PathOf(Name(audience)), $"'{relative}' must be a path inside the data directory, e.g. instruments/{Name(audience)}.json");
                rejected = true;
                continue;
            }

            files[audience] = relative;
        }

        if (files.Count == 0 && !rejected)
        {
            sink.Add(map.Path, "a study needs an instrument for at least one audience (citizen, professional)");
        }

        return files;
    }
}
