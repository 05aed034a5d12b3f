using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.App.Localization;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.App;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// The shipped study in each of its languages in a real browser: the pages carry the language's texts (the
/// instrument's translation and the platform's own), and both questionnaires are completed in every language from a
/// link that names it, the response stored in that language. Phone screenshots of each language go to a folder the
/// output names.
/// </summary>
public sealed class RespondentLanguageBrowserTests(RespondentBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<RespondentBrowserFixture>
{
    private static readonly StudyLoadResult Study = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json"));
    private static readonly ResourceManager Texts = new(typeof(RespondentTexts).FullName!, typeof(RespondentTexts).Assembly);
    private static readonly Dictionary<Audience, ValidAnswers> Answers = new()
    {
        [Audience.Citizen] = ValidAnswers.ForShippedInstrument(Audience.Citizen),
        [Audience.Professional] = ValidAnswers.ForShippedInstrument(Audience.Professional),
    };

    public static TheoryData<string> Languages() => [.. Study.Study!.Languages];

    public static TheoryData<string, Audience> LanguagesAndAudiences()
    {
        var data = new TheoryData<string, Audience>();
        foreach (var language in Study.Study!.Languages)
        {
            data.Add(language, Audience.Citizen);
            data.Add(language, Audience.Professional);
        }

        return data;
    }

    [ChromiumTheory]
    [MemberData(nameof(LanguagesAndAudiences))]
    public async Task Questionnaire_IsCompletedAndStoredInTheLanguage_TheLinkNames(string language, Audience audience)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var progress = FormatPattern(Texts.GetString("Progress.Page", culture)!);
        var page = await fixture.Chromium.NewPageAsync(390, 844);
        await page.GotoAsync($"{fixture.BaseUrl}/s/coproduction/{audience.ToString().ToLowerInvariant()}?lang={language}&country=EE&field=health");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await page.Locator("input[name=age][value=yes]").CheckAsync();
        await page.Locator("button[value=agree]").ClickAsync();
        await PageJournal.WaitForAddressAsync(page, RespondentPages.QuestionnairePageAddress());
        var token = RespondentPages.TokenOf(page.Url);

        for (var n = 0; n < 20 && !page.Url.EndsWith("/done", StringComparison.Ordinal); n++)
        {
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Assertions.Expect(page.Locator(".survey-progress-text")).ToHaveTextAsync(progress);
            await RespondentPages.AnswerAndSubmitAsync(page, Answers[audience]);
        }

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Texts.GetString("Done.Title", culture)!);
        await page.Context.CloseAsync();
        await using var db = fixture.Database.CreateContext();
        var response = await Core.Responses.SurveyHarness.LoadAsync(db, token);
        var translation = await db.TranslationVersions.Where(t => t.IsCurrent && t.Language == language)
            .Join(db.InstrumentVersions.Where(v => v.IsCurrent && v.Audience == audience), t => t.InstrumentVersionId, v => v.Id, (t, _) => t.Sha256)
            .SingleOrDefaultAsync();
        Assert.NotNull(response.CompletedAt);
        Assert.Equal((audience, language, translation), (response.Audience, response.Language, response.TranslationSha256));
        Assert.True(language == Answers[audience].Instrument.Language || translation is not null, $"no current {language} translation of the {audience} questionnaire");
    }

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task EntryAndFirstPage_ShowTheLanguagesOwnTexts_AtPhoneWidth(string language)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coprosurvey-language-screenshots");
        Directory.CreateDirectory(folder);
        var source = Study.Instruments[Audience.Citizen];
        var instrument = Study.Translations[Audience.Citizen].SingleOrDefault(t => t.Language == language)?.Apply(source) ?? source;
        var culture = CultureInfo.GetCultureInfo(language);
        var problems = new List<string>();

        var page = await fixture.Chromium.NewPageAsync(390, 844);
        await page.GotoAsync(fixture.BaseUrl + $"/s/coproduction/citizen?lang={language}&field=education");
        await Check("html[lang]", language, e => e.GetAttributeAsync("lang"));
        await Check("#about-title", instrument.Title);
        await Check("button[value=agree]", Texts.GetString("Consent.Agree", culture)!);
        await Check("nav.language-switcher [aria-current=true]", culture.TextInfo.ToUpper(culture.NativeName[0]) + culture.NativeName[1..]);
        await Check("#country option[value=EE]", Study.Study!.Countries.Single(c => c.Code == "EE").In(language).Name);
        await Check("section.consent > p", Study.Study.Consent!.WordingFor(language).Purpose);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{language}-entry.png"), FullPage = true });

        await page.Locator("#country").SelectOptionAsync("EE");
        await page.Locator("input[name=age][value=yes]").CheckAsync();
        await page.Locator("button[value=agree]").ClickAsync();
        await PageJournal.WaitForAddressAsync(page, RespondentPages.QuestionnairePageAddress());
        await Check("h1", instrument.Sections[0].Title);
        await Check("form.questionnaire-page button[type=submit]", Texts.GetString("Page.Next", culture)!);
        await Check($"label[for='{SurveyIds.Input("c_use", "none")}']", instrument.FindItem("c_use")!.Question.Options.Single(o => o.Code == "none").Label);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            problems.Add($"page 1 scrolls sideways by {overflow}px at 390 px");
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{language}-page-1.png"), FullPage = true });
        await page.Context.CloseAsync();

        output.WriteLine($"Screenshots at 390 px: {folder}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        async Task Check(string selector, string expected, Func<ILocator, Task<string?>>? read = null)
        {
            var locator = page.Locator(selector).First;
            var actual = (read is null ? await locator.TextContentAsync() : await read(locator))?.Trim();
            if (actual != expected)
            {
                problems.Add($"{selector} is \"{actual}\", expected \"{expected}\"");
            }
        }
    }

    /// <summary>A whole-text pattern for a composite format such as "Page {0} of {1}", each placeholder a number.</summary>
    private static Regex FormatPattern(string format) =>
        new("^" + string.Join(@"\d+", Regex.Split(format, @"\{\d+\}").Select(Regex.Escape)) + "$");
}
