using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.App.Localization;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.App;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// The shipped study in each of its languages in a real browser: the pages carry the language's texts (the
/// instrument's translation and the platform's own), and a whole questionnaire is completed in Dutch. Phone
/// screenshots of each language go to a folder the output names.
/// </summary>
public sealed partial class RespondentLanguageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly StudyLoadResult Study = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json"));
    private static readonly ResourceManager Texts = new(typeof(RespondentTexts).FullName!, typeof(RespondentTexts).Assembly);
    private readonly SqliteDatabase database = SqliteDatabase.InTempFolder();
    private readonly string baseUrl = AppProcess.FreeLocalUrl();
    private HeadlessChromium? chromium;
    private AppProcess? app;

    [ChromiumFact]
    public async Task CitizenQuestionnaire_IsCompletedInDutch_AndStoredAsDutch()
    {
        var page = await chromium!.NewPageAsync(390, 844);
        await page.GotoAsync(baseUrl + "/s/coproduction/citizen?lang=nl&country=NL&field=health");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await page.Locator("input[name=age][value=yes]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ik ga akkoord, begin" }).ClickAsync();
        await page.WaitForURLAsync(ResponsePageAddress());
        var token = ResponsePageAddress().Match(page.Url).Groups[1].Value;

        for (var n = 0; n < 20 && !page.Url.EndsWith("/done", StringComparison.Ordinal); n++)
        {
            await Assertions.Expect(page.Locator(".survey-progress-text")).ToHaveTextAsync(new Regex("^Pagina \\d+ van \\d+$"));
            await RespondentBrowserTests.AnswerAndSubmitAsync(page);
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dank u wel voor uw deelname");
        await using var db = database.CreateContext();
        var response = await Core.Responses.SurveyHarness.LoadAsync(db, token);
        var dutch = await db.TranslationVersions.Where(t => t.IsCurrent && t.Language == "nl")
            .Join(db.InstrumentVersions.Where(v => v.IsCurrent && v.Audience == Audience.Citizen), t => t.InstrumentVersionId, v => v.Id, (t, _) => t.Sha256)
            .SingleAsync();
        Assert.NotNull(response.CompletedAt);
        Assert.Equal(("nl", dutch), (response.Language, response.TranslationSha256));
    }

    [ChromiumFact]
    public async Task EveryShippedLanguage_ShowsItsOwnTexts_OnTheEntryAndQuestionnairePages()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coprosurvey-language-screenshots");
        Directory.CreateDirectory(folder);
        var source = Study.Instruments[Audience.Citizen];
        var problems = new List<string>();

        foreach (var language in Study.Study!.Languages)
        {
            var instrument = Study.Translations[Audience.Citizen].SingleOrDefault(t => t.Language == language)?.Apply(source) ?? source;
            var culture = CultureInfo.GetCultureInfo(language);
            var page = await chromium!.NewPageAsync(390, 844);
            await page.GotoAsync(baseUrl + $"/s/coproduction/citizen?lang={language}&field=education");
            await Check(page, language, "html[lang]", language, e => e.GetAttributeAsync("lang"));
            await Check(page, language, "#about-title", instrument.Title);
            await Check(page, language, "button[value=agree]", Texts.GetString("Consent.Agree", culture)!);
            await Check(page, language, "nav.language-switcher [aria-current=true]", culture.TextInfo.ToUpper(culture.NativeName[0]) + culture.NativeName[1..]);
            await Check(page, language, "#country option[value=EE]", Study.Study.Countries.Single(c => c.Code == "EE").In(language).Name);
            await Check(page, language, "section.consent > p", Study.Study.Consent!.WordingFor(language).Purpose);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{language}-entry.png"), FullPage = true });

            await page.Locator("#country").SelectOptionAsync("EE");
            await page.Locator("input[name=age][value=yes]").CheckAsync();
            await page.Locator("button[value=agree]").ClickAsync();
            await page.WaitForURLAsync(ResponsePageAddress());
            await Check(page, language, "h1", instrument.Sections[0].Title);
            await Check(page, language, "form.questionnaire-page button[type=submit]", Texts.GetString("Page.Next", culture)!);
            await Check(page, language, $"label[for='{SurveyIds.Input("c_use", "none")}']", instrument.FindItem("c_use")!.Question.Options.Single(o => o.Code == "none").Label);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                problems.Add($"{language}: page 1 scrolls sideways by {overflow}px at 390 px");
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{language}-page-1.png"), FullPage = true });
            await page.Context.CloseAsync();
        }

        output.WriteLine($"Screenshots at 390 px: {folder}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        async Task Check(IPage page, string language, string selector, string expected, Func<ILocator, Task<string?>>? read = null)
        {
            var locator = page.Locator(selector).First;
            var actual = (read is null ? await locator.TextContentAsync() : await read(locator))?.Trim();
            if (actual != expected)
            {
                problems.Add($"{language}: {selector} is \"{actual}\", expected \"{expected}\"");
            }
        }
    }

    public async Task InitializeAsync()
    {
        chromium = await HeadlessChromium.LaunchIfInstalledAsync();
        if (chromium is not null)
        {
            app = await AppProcess.StartAsync(baseUrl, database.ConnectionString);
        }
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        database.Dispose();
    }

    [GeneratedRegex(@"/r/([A-Za-z0-9_-]{22})/\d+$")]
    private static partial Regex ResponsePageAddress();
}
