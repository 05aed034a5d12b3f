using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoproSurvey.App.Localization;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.App;

/// <summary>The platform's respondent texts exist in every language it ships, with the same placeholders.</summary>
public sealed partial class RespondentTextsTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "CoproSurvey.App", "Localization");

    public static TheoryData<string> Languages => new(RespondentCulture.PlatformLanguages.Where(l => l != "en"));

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryNeutralText_IsTranslated_WithTheSamePlaceholders(string language)
    {
        var neutral = Read("RespondentTexts.resx");
        var translated = Read($"RespondentTexts.{language}.resx");

        Assert.Empty(neutral.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(neutral.Keys));
        Assert.All(neutral, p => Assert.False(string.IsNullOrWhiteSpace(translated[p.Key]), p.Key));
        Assert.All(neutral, p => Assert.Equal(Placeholders(p.Value), Placeholders(translated[p.Key])));
    }

    [Fact]
    public void EveryLanguageFile_HasEveryKeyOfTheNeutralTexts_AndEveryPlatformLanguageHasAFile()
    {
        var neutral = Read("RespondentTexts.resx");
        var files = Directory.EnumerateFiles(Folder, "RespondentTexts.*.resx").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        var missing = files
            .Select(f => (File: f!, Keys: neutral.Keys.Except(Read(f!).Keys).ToList()))
            .Where(f => f.Keys.Count > 0)
            .Select(f => $"{f.File} lacks {string.Join(", ", f.Keys)}")
            .ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        Assert.Equal(
            RespondentCulture.PlatformLanguages.Where(l => l != RespondentCulture.SourceLanguage).Select(l => $"RespondentTexts.{l}.resx").Order(StringComparer.Ordinal),
            files);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TheBuiltApp_FindsTheLanguagesTexts(string language)
    {
        var resources = new ResourceManager(typeof(RespondentTexts).FullName!, typeof(RespondentTexts).Assembly);
        var culture = CultureInfo.GetCultureInfo(language);

        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);

        Assert.NotNull(set);
        Assert.NotEqual(resources.GetString("Consent.Agree", CultureInfo.InvariantCulture), set.GetString("Consent.Agree"));
    }

    [Fact]
    public void EveryKeyTheCoreMessagesUse_IsInTheNeutralTexts()
    {
        var neutral = Read("RespondentTexts.resx");

        Assert.DoesNotContain(CoreMessages.Keys, k => !neutral.ContainsKey(k));
    }

    [Fact]
    public void EveryKeyThePagesAskFor_IsInTheNeutralTexts()
    {
        var neutral = Read("RespondentTexts.resx");
        var components = Path.Combine(RepositoryPaths.Root, "CoproSurvey.App", "Components");
        var used = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, u => !neutral.ContainsKey(u.Key));
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    // L["Key"] and L["Key", ...] with a literal key; keys built at run time (L[$"Entry.Country.{audience}"]) are
    // checked by the pages' own tests.
    [GeneratedRegex("""\bL\["([A-Za-z][A-Za-z0-9.]*)"[\],]""")]
    private static partial Regex UsedKey();
}
