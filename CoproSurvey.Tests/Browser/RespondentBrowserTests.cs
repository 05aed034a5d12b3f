using System.Text.RegularExpressions;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.App;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproSurvey.Tests.Browser;

/// <summary>The respondent flow in a real browser against the app running as its own process.</summary>
public sealed class RespondentBrowserTests : IAsyncLifetime
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);
    private readonly SqliteDatabase database = SqliteDatabase.InTempFolder();
    private readonly string baseUrl = AppProcess.FreeLocalUrl();
    private HeadlessChromium? chromium;

    [ChromiumFact]
    public async Task CitizenQuestionnaire_ResumesAtRightPageWithAnswers_WhenServerKilledHalfway()
    {
        var app = await AppProcess.StartAsync(baseUrl, database.ConnectionString);
        var page = await NewPageAsync(390, 844);
        await StartCitizenQuestionnaireAsync(page);
        var token = TokenOf(page.Url);
        for (var n = 1; n <= 3; n++)
        {
            await AnswerAndSubmitAsync(page);
        }

        await Expect(page).ToHaveURLAsync(new Regex($"/r/{token}/4$"));

        await app.KillAsync();
        await app.DisposeAsync();
        app = await AppProcess.StartAsync(baseUrl, database.ConnectionString);
        try
        {
            await page.ReloadAsync();
            await Expect(page.Locator(".survey-progress-text")).ToHaveTextAsync($"Page 4 of {Citizen.Instrument.Sections.Count}");
            await page.GotoAsync($"{baseUrl}/r/{token}");
            await Expect(page).ToHaveURLAsync(new Regex($"/r/{token}/4$"));

            // Another device continues with the resume code typed into the form, and gets a link of its own.
            var code = (await page.Locator(".resume-code-notice .resume-code").TextContentAsync())!.Trim();
            var otherDevice = await NewPageAsync(1280, 800);
            await otherDevice.GotoAsync($"{baseUrl}/resume");
            await otherDevice.GetByLabel("Resume code").FillAsync(code.ToLowerInvariant());
            await otherDevice.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Expect(otherDevice).ToHaveURLAsync(ResponsePageAddress());
            Assert.NotEqual(token, TokenOf(otherDevice.Url));
            Assert.EndsWith("/4", otherDevice.Url);

            await page.GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/r/{token}/3$"));
            await Expect(page.Locator(".survey-progress-text")).ToHaveTextAsync(new Regex("^Page 3 of"));
            var pageThreeItems = await ItemCodesAsync(page);
            Assert.NotEmpty(pageThreeItems);
            foreach (var item in pageThreeItems)
            {
                foreach (var value in Citizen.FormValues(item))
                {
                    await Expect(page.Locator($"#{SurveyIds.Input(item, value)}")).ToBeCheckedAsync();
                }
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/r/{token}/4$"));
            while (!page.Url.EndsWith("/done", StringComparison.Ordinal))
            {
                await AnswerAndSubmitAsync(page);
            }

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for taking part");
            var response = await LoadResponseAsync(token);
            Assert.NotNull(response.CompletedAt);
            Assert.Equal(
                Citizen.Instrument.Items.Select(i => i.Code).Where(c => Citizen.QuestionOf(c).Required).Order(StringComparer.Ordinal),
                response.Answers.Select(a => a.ItemCode).Where(c => Citizen.QuestionOf(c).Required).Order(StringComparer.Ordinal));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [ChromiumFact]
    public async Task QuestionnairePage_CanBeAnsweredAndSubmittedWithKeyboardOnly_OnDesktop()
    {
        await using var app = await AppProcess.StartAsync(baseUrl, database.ConnectionString);
        var page = await NewPageAsync(1280, 900);
        await StartCitizenQuestionnaireAsync(page);
        var token = TokenOf(page.Url);
        var items = await ItemCodesAsync(page);
        var checkboxLast = await page.Locator("input[type=checkbox]").Last.GetAttributeAsync("value");
        var answered = new HashSet<string>(StringComparer.Ordinal);

        // Tab through the page: Space ticks checkboxes (all but "none of these"); in a radio group Space picks the
        // first point and ArrowRight moves the choice to the second; Enter on the focused button submits.
        for (var presses = 0; presses < 120; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; return [e.tagName, e.type ?? '', e.name ?? '', e.value ?? '', e.closest('.choice') ? getComputedStyle(e.closest('.choice')).outlineStyle : getComputedStyle(e).outlineStyle]; }");
            var (tag, type, name, value, outline) = (focused[0], focused[1], focused[2], focused[3], focused[4]);
            if (tag == "BUTTON")
            {
                break;
            }

            if (type is "checkbox" or "radio")
            {
                Assert.True(outline == "solid", $"no visible focus on {name}={value}");
            }

            if (type == "checkbox" && value != checkboxLast)
            {
                await page.Keyboard.PressAsync("Space");
                answered.Add(name);
            }
            else if (type == "radio" && answered.Add(name))
            {
                await page.Keyboard.PressAsync("Space");
                await page.Keyboard.PressAsync("ArrowRight");
            }
        }

        Assert.Equal(items.Order(StringComparer.Ordinal), answered.Order(StringComparer.Ordinal));
        Assert.Equal("Next", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/r/{token}/2$"));
        var stored = (await LoadResponseAsync(token)).Answers.ToDictionary(a => a.ItemCode, a => a.Value);
        Assert.Equal(items.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var item in items)
        {
            // The arrow key moved each radio choice from the first point or option to the second.
            var question = Citizen.QuestionOf(item);
            var expected = question.Type switch
            {
                QuestionType.SingleChoice => question.Options[1].Code,
                QuestionType.Likert or QuestionType.LikertMatrix => question.ResponseScale!.Points[1].Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => AnswerValue.MultipleChoice(item, question.Options.SkipLast(1).Select(o => o.Code)).ToStoredText(),
            };
            Assert.Equal(expected, stored[item]);
        }
    }

    public async Task InitializeAsync() => chromium = await HeadlessChromium.LaunchIfInstalledAsync();

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        database.Dispose();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private Task<IPage> NewPageAsync(int width, int height) => chromium!.NewPageAsync(width, height);

    private async Task StartCitizenQuestionnaireAsync(IPage page)
    {
        await page.GotoAsync(baseUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take part as a resident" }).ClickAsync();
        await page.GetByLabel("Country you live in").SelectOptionAsync("BE");
        await page.GetByLabel("Public service this questionnaire is about").SelectOptionAsync("public-safety");
        await page.GetByLabel("Yes, I am 18 or older").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I agree, start" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ResponsePageAddress());
    }

    private static Task AnswerAndSubmitAsync(IPage page) => RespondentPages.AnswerAndSubmitAsync(page, Citizen);

    private static Task<IReadOnlyList<string>> ItemCodesAsync(IPage page) => RespondentPages.ItemCodesAsync(page);

    private static string TokenOf(string url) => RespondentPages.TokenOf(url);

    private async Task<Response> LoadResponseAsync(string token)
    {
        await using var db = database.CreateContext();
        return await Core.Responses.SurveyHarness.LoadAsync(db, token);
    }

    private static Regex ResponsePageAddress() => RespondentPages.QuestionnairePageAddress();
}
