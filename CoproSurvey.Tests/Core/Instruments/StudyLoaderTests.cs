using System.Text.Json.Nodes;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Tests.Core.Instruments;

public sealed class StudyLoaderTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"coprosurvey-study-{Guid.NewGuid():N}");

    public StudyLoaderTests()
    {
        Directory.CreateDirectory(Path.Combine(dataDirectory, "studies"));
        Directory.CreateDirectory(Path.Combine(dataDirectory, "instruments"));
        File.WriteAllText(Path.Combine(dataDirectory, "instruments", "sample.json"), SampleInstrument.Json);
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private static JsonObject ValidStudy() => JsonNode.Parse("""
        {
          "key": "demo-study",
          "title": "Demo",
          "description": "A study for tests.",
          "status": "open",
          "countries": [ { "code": "BE", "name": "Belgium" }, { "code": "GB", "name": "United Kingdom" } ],
          "policyFields": [ { "code": "health", "label": "Health" } ],
          "instruments": { "citizen": "instruments/sample.json" },
          "consent": {
            "version": "2026-01",
            "sourceLanguage": "en",
            "text": {
              "en": { "purpose": "Why.", "whatIsAsked": "What.", "voluntary": "Voluntary.", "withdrawal": "Withdrawal.", "dataUse": "Data use." },
              "nl": { "purpose": "Waarom.", "whatIsAsked": "Wat.", "voluntary": "Vrijwillig.", "withdrawal": "Terugtrekken.", "dataUse": "Gebruik." }
            },
            "controller": "Demo University",
            "contactEmail": "demo@example.org",
            "ethicsReference": "ETH-1",
            "legalBasis": "consent",
            "retentionYears": 5,
            "minimumAge": 16
          }
        }
        """)!.AsObject();

    private StudyLoadResult Load(JsonObject study)
    {
        var path = Path.Combine(dataDirectory, "studies", "demo.json");
        File.WriteAllText(path, study.ToJsonString());
        return StudyLoader.LoadFile(path);
    }

    [Fact]
    public void LoadFile_ReadsStudyAndResolvesInstrumentsAgainstTheDataDirectory()
    {
        var result = Load(ValidStudy());

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var study = result.Study!;
        Assert.Equal(("demo-study", StudyStatus.Open), (study.Key, study.Status));
        Assert.Equal([new Country("BE", "Belgium"), new Country("GB", "United Kingdom")], study.Countries);
        Assert.Equal([new PolicyField("health", "Health")], study.PolicyFields);
        Assert.Equal("instruments/sample.json", study.InstrumentFiles[Audience.Citizen]);
        Assert.Equal("sample", result.Instruments[Audience.Citizen].Key);
        Assert.Single(result.Instruments);
    }

    [Fact]
    public void LoadFile_ReportsUnknownLanguages_ASourceNotListedFirst_AndAMissingTranslationFile()
    {
        var study = ValidStudy();
        study["languages"] = new JsonArray("nl", "en", "xx", "en");

        var problems = Load(study).Problems;

        Assert.Contains(problems, p => p.JsonPath == "$.languages[2]" && p.Message.Contains("'xx'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.JsonPath == "$.languages[3]" && p.Message.Contains("duplicate language 'en'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.JsonPath == "$.languages[0]" && p.Message.Contains("source language", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File.EndsWith("sample.nl.json", StringComparison.Ordinal) && p.Message.StartsWith("cannot read the translation into 'nl'", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFile_OffersTheSourceLanguageOnly_WhenTheStudyListsNone()
    {
        var result = Load(ValidStudy());

        Assert.Equal(["en"], result.Study!.Languages);
        Assert.Empty(result.Translations[Audience.Citizen]);
    }

    [Fact]
    public void LoadFile_ReadsTheServiceUnitsACountryLists()
    {
        var study = ValidStudy();
        study["countries"]![0]!["serviceUnits"] = JsonNode.Parse("""
            [ { "code": "BE-H-01", "label": "Ghent health centre" }, { "code": "BE-H-02", "label": "Antwerp health centre" } ]
            """);

        var result = Load(study);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(
            [new ServiceUnit("BE-H-01", "Ghent health centre"), new ServiceUnit("BE-H-02", "Antwerp health centre")],
            result.Study!.Countries[0].ServiceUnits);
        Assert.Empty(result.Study.Countries[1].ServiceUnits);
        Assert.NotEqual(new Country("BE", "Belgium"), result.Study.Countries[0]);
    }

    [Theory]
    [InlineData("BE.H.01", "$.countries[1].serviceUnits[0].code", "must match ^[A-Za-z0-9_-]{1,64}$")]
    [InlineData("BE-H-01", "$.countries[1].serviceUnits[0].code", "duplicate service unit code 'BE-H-01' (first used at $.countries[0].serviceUnits[0].code)")]
    public void LoadFile_ReportsMalformedAndDuplicateServiceUnitCodes(string code, string path, string fragment)
    {
        var study = ValidStudy();
        study["countries"]![0]!["serviceUnits"] = JsonNode.Parse("""[ { "code": "BE-H-01", "label": "Ghent" } ]""");
        study["countries"]![1]!["serviceUnits"] = new JsonArray(new JsonObject { ["code"] = code, ["label"] = "Leeds" });

        var result = Load(study);

        Assert.Null(result.Study);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.JsonPath);
        Assert.Contains(fragment, problem.Message);
    }

    [Fact]
    public void LoadFile_RejectsCountryCodeThatIsNotIsoAlpha2()
    {
        var study = ValidStudy();
        study["countries"]![1]!["code"] = "UK";

        var result = Load(study);

        Assert.Null(result.Study);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.countries[1].code", problem.JsonPath);
        Assert.Contains("'UK' is not an ISO 3166-1 alpha-2 country code", problem.Message);
    }

    [Fact]
    public void LoadFile_ReportsDuplicatePolicyFieldAndUnknownStatus()
    {
        var study = ValidStudy();
        study["policyFields"]!.AsArray().Add(new JsonObject { ["code"] = "health", ["label"] = "Health again" });
        study["status"] = "running";

        var result = Load(study);

        Assert.Contains(result.Problems, p => p.JsonPath == "$.policyFields[1].code" && p.Message.Contains("duplicate code 'health'"));
        Assert.Contains(result.Problems, p => p.JsonPath == "$.status" && p.Message.Contains("unknown status 'running'"));
    }

    [Fact]
    public void LoadFile_ReportsMissingInstrumentFile_UnderItsOwnName()
    {
        var study = ValidStudy();
        study["instruments"]!["professional"] = "instruments/missing.json";

        var result = Load(study);

        var problem = Assert.Single(result.Problems);
        Assert.EndsWith(Path.Combine("instruments", "missing.json"), problem.File);
        Assert.Contains("cannot read the file", problem.Message);
    }

    [Fact]
    public void LoadFile_ReportsInstrumentListedForTheWrongAudience()
    {
        var study = ValidStudy();
        study["instruments"] = new JsonObject { ["professional"] = "instruments/sample.json" };

        var result = Load(study);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.instruments.professional", problem.JsonPath);
        Assert.Contains("is a citizen instrument, listed for professional", problem.Message);
    }

    [Fact]
    public void LoadFile_PassesOnTheProblemsOfItsInstruments()
    {
        var broken = SampleInstrument.Node();
        broken.Remove("key");
        File.WriteAllText(Path.Combine(dataDirectory, "instruments", "sample.json"), broken.ToJsonString());

        var result = Load(ValidStudy());

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.key", "required field is missing"), (problem.JsonPath, problem.Message));
        Assert.EndsWith("sample.json", problem.File);
    }

    [Fact]
    public void LoadFile_RejectsInstrumentPathOutsideTheDataDirectory()
    {
        var study = ValidStudy();
        study["instruments"]!["citizen"] = "../secret.json";

        var result = Load(study);

        Assert.Contains(result.Problems, p => p.JsonPath == "$.instruments.citizen" && p.Message.Contains("inside the data directory"));
    }

    [Fact]
    public void LoadFile_ReadsTheConsentWithItsTranslations_AndTheStudysSmallCellThreshold()
    {
        var study = ValidStudy();
        study["dashboards"] = new JsonObject { ["minimumCellSize"] = 10 };

        var result = Load(study);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var consent = result.Study!.Consent!;
        Assert.Equal(("2026-01", "en", "Demo University", "demo@example.org", "ETH-1"),
            (consent.Version, consent.SourceLanguage, consent.Controller, consent.ContactEmail, consent.EthicsReference));
        Assert.Equal((LegalBasis.Consent, 5, 16), (consent.LegalBasis, consent.RetentionYears, consent.MinimumAge));
        Assert.Equal("Waarom.", consent.WordingFor("nl").Purpose);
        Assert.Equal("Why.", consent.WordingFor("de").Purpose); // no German text: the source language
        Assert.Equal(new ConsentWording("Why.", "What.", "Voluntary.", "Withdrawal.", "Data use."), consent.WordingFor("en"));
        Assert.Equal(10, result.Study.MinimumCellSize);
    }

    [Fact]
    public void LoadFile_LeavesTheSmallCellThresholdToThePlatform_WhenTheStudyDoesNotSetIt()
    {
        var result = Load(ValidStudy());

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Null(result.Study!.MinimumCellSize);
    }

    [Fact]
    public void LoadFile_RequiresConsent()
    {
        var study = ValidStudy();
        study.Remove("consent");

        var result = Load(study);

        Assert.Null(result.Study);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.consent", problem.JsonPath);
        Assert.StartsWith("required field is missing", problem.Message);
    }

    [Theory]
    [InlineData("version", null, "$.consent.version", "required field is missing")]
    [InlineData("sourceLanguage", "de", "$.consent.text", "has no text in the source language 'de'")]
    [InlineData("sourceLanguage", "English", "$.consent.sourceLanguage", "'English' is not a language code")]
    [InlineData("contactEmail", "team at example.org", "$.consent.contactEmail", "'team at example.org' is not an e-mail address")]
    [InlineData("legalBasis", "contract", "$.consent.legalBasis", "unknown legal basis 'contract' (expected consent, public-task, legitimate-interests)")]
    [InlineData("ethicsReference", "", "$.consent.ethicsReference", "required field is empty")]
    [InlineData("controller", null, "$.consent.controller", "required field is missing")]
    public void LoadFile_NamesTheConsentFieldThatIsWrong(string field, string? value, string path, string message)
    {
        var study = ValidStudy();
        var consent = study["consent"]!.AsObject();
        if (value is null)
        {
            consent.Remove(field);
        }
        else
        {
            consent[field] = value;
        }

        var result = Load(study);

        Assert.Null(result.Study);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.JsonPath);
        Assert.Contains(message, problem.Message);
    }

    [Theory]
    [InlineData("minimumAge", 0, "$.consent.minimumAge", "must be between 1 and 120, found 0")]
    [InlineData("retentionYears", 0, "$.consent.retentionYears", "must be between 1 and 100 years, found 0")]
    public void LoadFile_NamesAConsentNumberOutOfRange(string field, int value, string path, string message)
    {
        var study = ValidStudy();
        study["consent"]![field] = value;

        var result = Load(study);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, message), (problem.JsonPath, problem.Message));
    }

    [Fact]
    public void LoadFile_NamesTheMissingTextOfATranslation()
    {
        var study = ValidStudy();
        study["consent"]!["text"]!["nl"]!.AsObject().Remove("withdrawal");

        var result = Load(study);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.consent.text.nl.withdrawal", "required field is missing"), (problem.JsonPath, problem.Message));
    }

    [Theory]
    [InlineData(0, "must be between 1 and 1000 respondents, found 0")]
    [InlineData(1001, "must be between 1 and 1000 respondents, found 1001")]
    public void LoadFile_NamesASmallCellThresholdOutOfRange(int size, string message)
    {
        var study = ValidStudy();
        study["dashboards"] = new JsonObject { ["minimumCellSize"] = size };

        var result = Load(study);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.dashboards.minimumCellSize", message), (problem.JsonPath, problem.Message));
    }

    [Fact]
    public void LoadFile_NamesEveryUntranslatedAndExtraTextOfTheStudy_ByJsonPath()
    {
        var study = ValidStudy();
        study["languages"] = new JsonArray("en", "nl", "de");
        study["translations"] = JsonNode.Parse("""
            {
              "nl": {
                "title": "Demo",
                "description": "Een studie voor tests.",
                "countries": { "BE": "België", "FR": "Frankrijk" },
                "policyFields": { "health": " " }
              },
              "fr": { "countries": { "BE": "Belgique" } },
              "en": { }
            }
            """);

        var problems = Load(study).Problems.Where(p => p.File.EndsWith("demo.json", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                ("$.translations.fr", "extra texts: 'fr' is not one of the study's other languages (nl, de)"),
                ("$.translations.en", "extra texts: 'en' is the source language, whose texts are the study file's own"),
                ("$.translations.nl.countries.GB", "untranslated text (source: \"United Kingdom\")"),
                ("$.translations.nl.countries.FR", "extra text: the study has no country 'FR'"),
                ("$.translations.nl.policyFields.health", "untranslated text (source: \"Health\")"),
                ("$.translations.de", "required field is missing (the study's title and description and the names of its countries, policy fields and service units in this language)"),
                ("$.consent.text.de", "untranslated text: the study offers 'de', and respondents must be able to read what they agree to"),
            ],
            problems.Select(p => (p.JsonPath, p.Message)));
    }

    [Fact]
    public void LoadFile_LetsAServiceUnitKeepItsLabel_ButNamesATranslationOfAUnitTheStudyDoesNotList()
    {
        var study = ValidStudy();
        study["languages"] = new JsonArray("en", "nl");
        study["countries"]![0]!["serviceUnits"] = JsonNode.Parse("""
            [ { "code": "BE-H-01", "label": "Ghent health centre" }, { "code": "BE-H-02", "label": "Wijkgezondheidscentrum Antwerpen" } ]
            """);
        study["translations"] = JsonNode.Parse("""
            {
              "nl": {
                "title": "Demo",
                "description": "Een studie voor tests.",
                "countries": { "BE": "België", "GB": "Verenigd Koninkrijk" },
                "policyFields": { "health": "Gezondheid" },
                "serviceUnits": { "BE-H-01": "Gezondheidscentrum Gent", "BE-H-09": "Nergens" }
              }
            }
            """);

        var problems = Load(study).Problems.Where(p => p.File.EndsWith("demo.json", StringComparison.Ordinal)).ToList();

        var problem = Assert.Single(problems);
        Assert.Equal(("$.translations.nl.serviceUnits['BE-H-09']", "extra text: the study has no service unit 'BE-H-09'"), (problem.JsonPath, problem.Message));
    }

    [Fact]
    public void LoadFile_NamesAnUntranslatedOrExtraTitleAndDescription_ByJsonPath()
    {
        var study = ValidStudy();
        study["languages"] = new JsonArray("en", "nl", "de");
        study["translations"] = JsonNode.Parse("""
            {
              "nl": {
                "status": "checked",
                "description": " ",
                "subtitle": "Een demo",
                "countries": { "BE": "België", "GB": "Verenigd Koninkrijk" },
                "policyFields": { "health": "Gezondheid" }
              },
              "de": {
                "title": 7,
                "description": "Eine Studie für Tests.",
                "countries": { "BE": "Belgien", "GB": "Vereinigtes Königreich" },
                "policyFields": { "health": "Gesundheit" }
              },
              "fr": { "title": "Démo", "description": "Une étude pour les tests." }
            }
            """);
        study["consent"]!["text"]!["de"] = study["consent"]!["text"]!["nl"]!.DeepClone();

        var problems = Load(study).Problems.Where(p => p.File.EndsWith("demo.json", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                ("$.translations.nl.subtitle", "unknown property 'subtitle' (expected one of: status, title, description, countries, policyFields, serviceUnits)"),
                ("$.translations.fr", "extra texts: 'fr' is not one of the study's other languages (nl, de)"),
                ("$.translations.nl.title", "untranslated text (source: \"Demo\")"),
                ("$.translations.nl.description", "untranslated text (source: \"A study for tests.\")"),
                ("$.translations.nl.status", "unknown status 'checked' (expected draft or reviewed)"),
                ("$.translations.de.title", "must be a string, found the number 7"),
            ],
            problems.Select(p => (p.JsonPath, p.Message)));
    }

    [Fact]
    public void Study_UpdateFrom_ReportsAChange_WhenOnlyATitleTranslationChanges()
    {
        var definition = StudyLoader.LoadFile(Path.Combine(CoproSurvey.Tests.Support.RepositoryPaths.Data, "studies", "coproduction.json")).Study!;
        var study = Study.Create(definition);
        var retitled = definition with
        {
            Translations = [.. definition.Translations.Select(t => t.Language == "nl" ? t with { Title = "Samen openbare diensten maken" } : t)],
        };

        Assert.False(study.UpdateFrom(definition));
        Assert.True(study.UpdateFrom(retitled));
        Assert.Equal(("Samen openbare diensten maken", definition.Title), (study.TitleIn("nl"), study.TitleIn("pt")));
    }

    [Fact]
    public void Country_InALanguage_TakesItsTranslation_AndTheSourceWhereThereIsNone()
    {
        var belgium = new Country("BE", "Belgium")
        {
            Translations = new Dictionary<string, string> { ["nl"] = "België" },
            ServiceUnits = [new ServiceUnit("BE-H-01", "Ghent health centre") { Translations = new Dictionary<string, string> { ["nl"] = "Gezondheidscentrum Gent" } }],
        };

        Assert.Equal(("België", "Gezondheidscentrum Gent"), (belgium.In("nl").Name, belgium.In("nl").ServiceUnits[0].Label));
        Assert.Equal(("Belgium", "Ghent health centre"), (belgium.In("de").Name, belgium.In("de").ServiceUnits[0].Label));
        Assert.NotEqual(new Country("BE", "Belgium") { ServiceUnits = belgium.ServiceUnits }, belgium);
    }

    [Fact]
    public void LoadFile_ReadsTheShippedStudysNamesAndConsent_InEveryLanguage()
    {
        var result = StudyLoader.LoadFile(Path.Combine(CoproSurvey.Tests.Support.RepositoryPaths.Data, "studies", "coproduction.json"));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var study = result.Study!;
        Assert.Equal(
            ["Belgium", "België", "Belgique", "Belgien", "Belgia"],
            study.Languages.Select(l => study.Countries.Single(c => c.Code == "BE").In(l).Name));
        Assert.Equal(
            ["Health", "Gezondheid", "Santé", "Gesundheit", "Tervishoid"],
            study.Languages.Select(l => study.PolicyFields.Single(f => f.Code == "health").In(l).Label));
        var stored = Study.Create(study);
        Assert.Equal(
            ["Coproduction of public services in Europe", "Coproductie van openbare diensten in Europa", "La coproduction des services publics en Europe",
                "Koproduktion öffentlicher Dienste in Europa", "Avalike teenuste koosloome Euroopas"],
            study.Languages.Select(stored.TitleIn));
        Assert.Equal(5, study.Languages.Select(stored.DescriptionIn).Distinct().Count());
        Assert.All(study.Translations, t => Assert.Equal(TranslationStatus.Draft, t.Status));
        var consent = study.Consent!;
        Assert.Equal(5, study.Languages.Select(l => consent.WordingFor(l).Purpose).Distinct().Count());
        Assert.Contains("hervattingscode", consent.WordingFor("nl").Withdrawal, StringComparison.Ordinal);
        Assert.Contains("code de reprise", consent.WordingFor("fr").Withdrawal, StringComparison.Ordinal);
        Assert.Contains("Fortsetzungscode", consent.WordingFor("de").Withdrawal, StringComparison.Ordinal);
        Assert.Contains("jätkamiskood", consent.WordingFor("et").Withdrawal, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_ReadsTheShippedStudysConsent()
    {
        var result = StudyLoader.LoadFile(Path.Combine(CoproSurvey.Tests.Support.RepositoryPaths.Data, "studies", "coproduction.json"));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var consent = result.Study!.Consent!;
        Assert.Equal((18, LegalBasis.PublicTask), (consent.MinimumAge, consent.LegalBasis));
        // The text says what the platform does: withdrawal with the resume code, no IP address stored.
        Assert.Contains("resume code", consent.WordingFor("en").Withdrawal);
        Assert.Contains("IP address", consent.WordingFor("en").DataUse);
    }
}
