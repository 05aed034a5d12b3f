using System.Text.Json.Nodes;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Instruments;

/// <summary>Translations of the shipped instruments: complete, nothing extra, versioned by their texts, and applied by code.</summary>
public sealed class TranslationLoaderTests
{
    private static readonly string InstrumentPath = Path.Combine(RepositoryPaths.Data, "instruments", "citizen.json");
    private static readonly InstrumentLoadResult Citizen = InstrumentLoader.LoadFile(InstrumentPath);

    private static JsonObject DutchFile() =>
        JsonNode.Parse(File.ReadAllText(TranslationLoader.FileFor(InstrumentPath, "nl")))!.AsObject();

    private static TranslationLoadResult Load(JsonObject file, string language = "nl") =>
        TranslationLoader.Load(file.ToJsonString(), "citizen.nl.json", Citizen.Instrument!, Citizen.SharedScales, language);

    [Fact]
    public void Load_ReportsEveryMissingAndExtraText_WithItsJsonPath()
    {
        var file = DutchFile();
        var services = file["sections"]!["services"]!["questions"]!;
        services["c_use"]!["options"]!.AsObject().Remove("health");
        services["c_use"]!["options"]!["ghost"] = "Spook";
        services["c_sal"]!["rows"]!["c_sal_2"] = " ";
        file["responseScales"]!["agree5"]!["points"]!.AsObject().Remove("3");
        file["sections"]!["nowhere"] = new JsonObject { ["title"] = "Nergens" };

        var result = Load(file);

        Assert.Null(result.Translation);
        Assert.Equal(
            [
                ("$.sections.services.questions.c_use.options.health", "untranslated text (source: \"A doctor, hospital or other health service\")"),
                ("$.sections.services.questions.c_sal.rows.c_sal_2", "untranslated text (source: \"I pay attention to how well these services are run.\")"),
                ("$.responseScales.agree5.points['3']", "untranslated text (source: \"Neither agree nor disagree\")"),
            ],
            result.Problems.Where(p => p.Message.StartsWith("untranslated", StringComparison.Ordinal)).Select(p => (p.JsonPath, p.Message)));
        Assert.Equal(
            ["$.sections.services.questions.c_use.options.ghost", "$.sections.nowhere.title"],
            result.Problems.Where(p => p.Message.StartsWith("extra text", StringComparison.Ordinal)).Select(p => p.JsonPath));
        Assert.All(result.Problems, p => Assert.Equal("citizen.nl.json", p.File));
    }

    [Fact]
    public void Load_RefusesATranslationOfAnotherInstrumentOrLanguage()
    {
        var file = DutchFile();
        file["instrument"] = "professional-core";

        var result = Load(file, language: "fr");

        Assert.Contains(result.Problems, p => p.JsonPath == "$.instrument" && p.Message.Contains("'professional-core'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.JsonPath == "$.language" && p.Message.Contains("'nl'", StringComparison.Ordinal));
    }

    [Fact]
    public void Sha256_ChangesWithAnyText_ButNotWithTheReviewStatus()
    {
        var original = Load(DutchFile()).Translation!;
        var reviewed = DutchFile();
        reviewed["status"] = "reviewed";
        var reworded = DutchFile();
        reworded["sections"]!["services"]!["title"] = "U en uw lokale diensten";

        Assert.Equal(TranslationStatus.Draft, original.Status);
        Assert.Equal(TranslationStatus.Reviewed, Load(reviewed).Translation!.Status);
        Assert.Equal(original.Sha256, Load(reviewed).Translation!.Sha256);
        Assert.NotEqual(original.Sha256, Load(reworded).Translation!.Sha256);
        Assert.Equal(original.Sha256, InstrumentTranslation.FromCanonicalJson(original.ToCanonicalJson(), TranslationStatus.Draft).Sha256);
    }

    [Fact]
    public void Apply_ChangesOnlyTexts_SoCodesValuesRoutingAndTheInstrumentHashStay()
    {
        var source = Citizen.Instrument!;
        var dutch = Load(DutchFile()).Translation!.Apply(source);

        Assert.Equal("nl", dutch.Language);
        Assert.Equal(source.Sha256, dutch.Sha256);
        Assert.Equal(source.Items.Select(i => i.Code), dutch.Items.Select(i => i.Code));
        Assert.Equal(
            source.Items.Select(i => i.Question.ResponseScale?.Points.Select(p => p.Value).ToList() ?? []).SelectMany(v => v),
            dutch.Items.Select(i => i.Question.ResponseScale?.Points.Select(p => p.Value).ToList() ?? []).SelectMany(v => v));
        Assert.Equal(source.Sections.Select(s => s.DisplayCondition), dutch.Sections.Select(s => s.DisplayCondition));
        Assert.Equal("Burgers en openbare diensten", dutch.Title);
        Assert.Equal("Geen van deze", dutch.FindItem("c_use")!.Question.Options.Single(o => o.Code == "none").Label);
        Assert.Equal("Helemaal eens", dutch.FindItem("c_sal_1")!.Question.ResponseScale!.Points[^1].Label);
        Assert.Equal("uur per week", dutch.FindItem("c_hours")!.Question.Numeric!.Unit);
    }

    [Fact]
    public void ShippedStudy_OffersEveryLanguage_WithACompleteDraftOfEachInstrument()
    {
        var result = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json"));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(["en", "nl", "fr", "de", "et"], result.Study!.Languages);
        foreach (var audience in new[] { Audience.Citizen, Audience.Professional })
        {
            var translations = result.Translations[audience];
            Assert.Equal(["nl", "fr", "de", "et"], translations.Select(t => t.Language));
            Assert.All(translations, t => Assert.Equal(TranslationStatus.Draft, t.Status));
            // A draft copied from the source would pass the loader; the texts must differ from the English.
            var source = result.Instruments[audience];
            Assert.All(translations, t => Assert.NotEqual(source.Title, t.Apply(source).Title));
            Assert.Equal(translations.Count, translations.Select(t => t.Sha256).Distinct().Count());
        }
    }
}
