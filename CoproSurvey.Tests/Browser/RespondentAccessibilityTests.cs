using System.Text.RegularExpressions;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.App;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// Every respondent page in a real browser: axe-core (embedded in Deque.AxeCore.Playwright) finds no serious or
/// critical violation in any of the study's languages at desktop and phone width, no page scrolls sideways at 320 px
/// (WCAG 1.4.10) or at 200% zoom, and the questionnaires can be completed with the keyboard alone, at 200% zoom too.
/// Phone screenshots of every page in every language go to a folder the output names.
/// </summary>
public sealed class RespondentAccessibilityTests(RespondentBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<RespondentBrowserFixture>
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);
    private static readonly ValidAnswers Professional = ValidAnswers.ForShippedInstrument(Audience.Professional);
    private static readonly StudyDefinition Study = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json")).Study!;
    private readonly string baseUrl = fixture.BaseUrl;

    public static TheoryData<string> Languages() => [.. Study.Languages];

    [ChromiumTheory]
    [MemberData(nameof(Languages))]
    public async Task RespondentPages_HaveNoSeriousOrCriticalAxeViolations_AtPhoneAndDesktopWidth(string language)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coprosurvey-phone-screenshots", language);
        Directory.CreateDirectory(folder);

        var problems = await WalkAsync([new(390, 844, folder), new(1280, 900)], axe: true, language: language);

        output.WriteLine($"Screenshots at 390 px: {folder}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [ChromiumFact]
    public async Task RespondentPages_DoNotScrollSideways_At320PixelsAndAt200PercentZoom()
    {
        var narrow = await WalkAsync([new(320, 640)], axe: false);
        var zoomed = await WalkAsync([new(ZoomedWidth, ZoomedHeight)], axe: false, deviceScaleFactor: 2);

        Assert.True(narrow.Count + zoomed.Count == 0, string.Join(Environment.NewLine, narrow.Concat(zoomed)));
    }

    [ChromiumFact]
    public async Task CitizenQuestionnaire_IsCompletedWithTheKeyboardAlone_At200PercentZoomWithoutSidewaysScroll()
    {
        var problems = new List<string>();
        var page = await fixture.Chromium.NewPageAsync(ZoomedWidth, ZoomedHeight, deviceScaleFactor: 2);
        await page.GotoAsync(baseUrl + "/s/coproduction/citizen?country=BE&field=health");
        await CheckOverflowAsync("entry");
        await FocusAndPressAsync(page, "#" + ConsentNotice.AgeInputId, "Space");
        await FocusAndPressAsync(page, "button[value=agree]", "Enter");
        await PageJournal.WaitForAddressAsync(page, ResponsePageAddress());
        var token = ResponsePageAddress().Match(page.Url).Groups[1].Value;

        for (var pages = 1; pages < 30 && !page.Url.EndsWith("/done", StringComparison.Ordinal); pages++)
        {
            await CheckOverflowAsync($"page {pages} ({page.Url[(page.Url.LastIndexOf('/') + 1)..]})");
            var before = page.Url;
            await AnswerWithKeyboardAsync(page);
            await PageJournal.WaitToLeaveAsync(page, before);
            Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
        }

        Assert.EndsWith("/done", page.Url);
        await CheckOverflowAsync("thank-you");
        await page.Context.CloseAsync();
        await using var db = fixture.Database.CreateContext();
        Assert.NotNull((await SurveyHarness.LoadAsync(db, token)).CompletedAt);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        async Task CheckOverflowAsync(string name)
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                problems.Add($"{name}: scrolls sideways by {overflow}px at 200% zoom");
            }
        }
    }

    [ChromiumFact]
    public async Task ProfessionalQuestionnaire_IsCompletedWithTheKeyboardAlone()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(baseUrl + "/s/coproduction/professional?country=NL&field=health");
        await FocusAndPressAsync(page, "#" + ConsentNotice.AgeInputId, "Space");
        await FocusAndPressAsync(page, "button[value=agree]", "Enter");
        await PageJournal.WaitForAddressAsync(page, ResponsePageAddress());

        for (var pages = 0; pages < 20 && !page.Url.EndsWith("/done", StringComparison.Ordinal); pages++)
        {
            var before = page.Url;
            await AnswerWithKeyboardAsync(page);
            await PageJournal.WaitToLeaveAsync(page, before);
            Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
        }

        Assert.EndsWith("/done", page.Url);
        Assert.Equal("Thank you for taking part", (await page.Locator("h1").TextContentAsync())?.Trim());
    }

    [ChromiumFact]
    public async Task CitizenQuestionnaire_IsCompletedWithTheKeyboardAlone_NotApplicableIncluded()
    {
        // Health among the services used opens the health page, where c_ind_hea_4 offers "not applicable"; c_col_3 offers it too.
        var choices = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["c_use"] = "health",
            ["c_ind_hea_4"] = SurveyFormState.NotApplicableValue,
            ["c_col_3"] = SurveyFormState.NotApplicableValue,
        };
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(baseUrl + "/s/coproduction/citizen?country=BE&field=health");
        await FocusAndPressAsync(page, "#" + ConsentNotice.AgeInputId, "Space");
        await FocusAndPressAsync(page, "button[value=agree]", "Enter");
        await PageJournal.WaitForAddressAsync(page, ResponsePageAddress());
        var token = ResponsePageAddress().Match(page.Url).Groups[1].Value;

        var chosen = new List<string>();
        for (var pages = 0; pages < 30 && !page.Url.EndsWith("/done", StringComparison.Ordinal); pages++)
        {
            var before = page.Url;
            chosen.AddRange(await AnswerWithKeyboardAsync(page, choices));
            await PageJournal.WaitToLeaveAsync(page, before);
            Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
        }

        Assert.EndsWith("/done", page.Url);
        Assert.Equal(["c_use=health", "c_ind_hea_4=na", "c_col_3=na"], chosen);
        var stored = await StoredNotApplicableAsync(token);
        Assert.Equal(["c_col_3", "c_ind_hea_4"], stored);
    }

    [ChromiumFact]
    public async Task ErrorSummary_TakesFocus_AfterARejectedSubmit()
    {
        var page = await NewPageAsync(1280, 900);
        await StartAsync(page);

        await page.Locator("form.questionnaire-page button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");

        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await page.EvaluateAsync<string>("() => document.activeElement.tagName")); // the first link of the summary
    }

    [ChromiumFact]
    public async Task ExclusiveOption_UnticksTheOthers_AndIsUntickedByThem_WithJavaScript()
    {
        var page = await NewPageAsync(1280, 900);
        await StartAsync(page);
        var health = page.Locator("#" + SurveyIds.Input("c_use", "health"));
        var safety = page.Locator("#" + SurveyIds.Input("c_use", "safety"));
        var none = page.Locator("#" + SurveyIds.Input("c_use", "none"));

        await page.Locator($"label[for='{SurveyIds.Input("c_use", "health")}']").ClickAsync();
        await page.Locator($"label[for='{SurveyIds.Input("c_use", "safety")}']").ClickAsync();
        await page.Locator($"label[for='{SurveyIds.Input("c_use", "none")}']").ClickAsync();
        var afterNone = (await health.IsCheckedAsync(), await safety.IsCheckedAsync(), await none.IsCheckedAsync());
        await page.Locator($"label[for='{SurveyIds.Input("c_use", "health")}']").ClickAsync();
        var afterHealth = (await health.IsCheckedAsync(), await safety.IsCheckedAsync(), await none.IsCheckedAsync());

        Assert.Equal((false, false, true), afterNone);
        Assert.Equal((true, false, false), afterHealth);
    }

    [ChromiumFact]
    public async Task TextCounter_CountsAnEmojiAsOneCharacter()
    {
        var page = await NewPageAsync(1280, 900);
        await StartAsync(page);
        while (await page.Locator("#" + SurveyIds.Input("c_comment")).CountAsync() == 0)
        {
            await AnswerAndSubmitAsync(page, Citizen);
        }

        await page.Locator("#" + SurveyIds.Input("c_comment")).FillAsync("Good \U0001F44D\U0001F3FD");

        var max = Citizen.QuestionOf("c_comment").MaxLength!.Value;
        await Assertions.Expect(page.Locator("#" + SurveyIds.Count("c_comment"))).ToHaveTextAsync($"You have {max - 6} characters remaining.");
    }

    // A 1280 x 800 window at 200% zoom lays pages out in 640 x 400 CSS pixels, two device pixels to each.
    private const int ZoomedWidth = 640;
    private const int ZoomedHeight = 400;

    /// <summary>A window size in CSS pixels; where <see cref="Screenshots"/> names a folder, every page is photographed at it.</summary>
    private sealed record Viewport(int Width, int Height, string? Screenshots = null);

    /// <summary>
    /// Visits every respondent page (entry with and without errors, each citizen questionnaire page before and after a
    /// rejected submit, thank-you, withdrawal, resume, declined, not found, then each professional questionnaire page and
    /// its thank-you) and returns what is wrong on each, at each of the
    /// <paramref name="viewports"/> in turn: one walk resizes the window on every page rather than answering the whole
    /// questionnaire again for each width.
    /// </summary>
    /// <param name="language">A study language to walk the pages in (<c>?lang=</c> on the links); null: the browser's, English.</param>
    private async Task<List<string>> WalkAsync(IReadOnlyList<Viewport> viewports, bool axe, string? language = null, float deviceScaleFactor = 1)
    {
        string In(string path) => language is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}lang={language}";

        var problems = new List<string>();
        var page = await fixture.Chromium.NewPageAsync(viewports[0].Width, viewports[0].Height, deviceScaleFactor);
        var shot = 0;

        async Task CheckAsync(string name)
        {
            shot++;
            foreach (var viewport in viewports)
            {
                if (viewports.Count > 1)
                {
                    await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
                }

                await CheckAtAsync(name, viewport);
            }

            if (viewports.Count > 1)
            {
                await page.SetViewportSizeAsync(viewports[0].Width, viewports[0].Height);
            }
        }

        async Task CheckAtAsync(string name, Viewport viewport)
        {
            var where = $"{language ?? "en"} {viewport.Width}px {name}";
            if (axe)
            {
                var result = await page.RunAxe();
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                {
                    problems.Add($"{where}: {violation.Impact} {violation.Id} at {string.Join(", ", violation.Nodes.Select(n => n.Target.ToString()))}");
                }
            }

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                problems.Add($"{where}: scrolls sideways by {overflow}px");
            }

            if (viewport.Screenshots is not null)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(viewport.Screenshots, $"{shot:00}-{name}.png"), FullPage = true });
            }
        }

        await page.GotoAsync(baseUrl + "/");
        await CheckAsync("home");
        await page.GotoAsync(baseUrl + In("/s/coproduction/professional"));
        await CheckAsync("entry-professional");
        await page.GotoAsync(baseUrl + In("/s/coproduction/citizen"));
        await page.Locator("button[value=agree]").ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        await CheckAsync("entry-errors");
        await page.Locator("#country").SelectOptionAsync("BE");
        await page.Locator("#field").SelectOptionAsync("health");
        await page.Locator("input[name=age][value=yes]").CheckAsync();
        await page.Locator("button[value=agree]").ClickAsync();
        await PageJournal.WaitForAddressAsync(page, ResponsePageAddress());
        var token = ResponsePageAddress().Match(page.Url).Groups[1].Value;

        for (var n = 1; n < 20 && !page.Url.EndsWith("/done", StringComparison.Ordinal); n++)
        {
            await CheckAsync($"page-{n}");
            if (n <= 2)
            {
                // A rejected page: the error summary and every message next to its question.
                await page.Locator("form.questionnaire-page button[type=submit]").ClickAsync();
                await page.WaitForSelectorAsync(".error-summary");
                await CheckAsync($"page-{n}-errors");
            }

            await AnswerAndSubmitAsync(page, Citizen);
        }

        await CheckAsync("done");
        await page.GotoAsync(baseUrl + In("/s/coproduction/citizen"));
        await CheckAsync("entry-returning");
        await page.GotoAsync($"{baseUrl}/r/{token}/withdraw");
        await CheckAsync("withdraw");
        await page.GotoAsync(baseUrl + In("/resume"));
        await page.Locator("form.resume-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#resume-code-error");
        await CheckAsync("resume-error");
        await page.GotoAsync(baseUrl + In("/withdraw"));
        await CheckAsync("withdraw-with-code");
        await page.GotoAsync(baseUrl + In("/withdrawn"));
        await CheckAsync("withdrawn");
        await page.GotoAsync(baseUrl + In("/s/coproduction/citizen/declined"));
        await CheckAsync("declined");
        await page.GotoAsync(baseUrl + In("/s/coproduction/citizen/age"));
        await CheckAsync("below-minimum-age");
        await page.GotoAsync(baseUrl + In("/no/such/page"));
        await CheckAsync("not-found");

        // The professional questionnaire's pages, in a browser of its own: this one has taken part as a citizen.
        await page.Context.CloseAsync();
        page = await fixture.Chromium.NewPageAsync(viewports[0].Width, viewports[0].Height, deviceScaleFactor);
        await page.GotoAsync(baseUrl + In("/s/coproduction/professional?country=NL&field=health"));
        await page.Locator("input[name=age][value=yes]").CheckAsync();
        await page.Locator("button[value=agree]").ClickAsync();
        await PageJournal.WaitForAddressAsync(page, ResponsePageAddress());
        for (var n = 1; n < 20 && !page.Url.EndsWith("/done", StringComparison.Ordinal); n++)
        {
            await CheckAsync($"professional-page-{n}");
            await AnswerAndSubmitAsync(page, Professional);
        }

        Assert.EndsWith("/done", page.Url);
        await CheckAsync("professional-done");
        await page.Context.CloseAsync();
        return problems;
    }

    private static Task AnswerAndSubmitAsync(IPage page, ValidAnswers answers) => RespondentPages.AnswerAndSubmitAsync(page, answers);

    /// <summary>
    /// Answers the page with Tab, Space, arrow keys and typing only: Space ticks the first checkbox of a group (an
    /// exclusive one never) and picks the focused radio; text and number fields get typed into; Enter on the submit
    /// button sends the page. Where <paramref name="choices"/> names a value for an item, that value is taken instead:
    /// Tab moves on to its checkbox, or the arrow keys move along the radio group to it. Returns the choices made.
    /// </summary>
    private static async Task<List<string>> AnswerWithKeyboardAsync(IPage page, IReadOnlyDictionary<string, string>? choices = null)
    {
        var made = new List<string>();
        var answered = new HashSet<string>(StringComparer.Ordinal);
        for (var presses = 0; presses < 400; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; return [e.tagName, e.type ?? '', e.name ?? '', e.getAttribute('data-exclusive') ?? '', e.getAttribute('inputmode') ?? '']; }");
            var (tag, type, name, exclusive) = (focused[0], focused[1], focused[2], focused[3]);
            if (tag == "BUTTON" && type == "submit")
            {
                await page.Keyboard.PressAsync("Enter");
                return made;
            }

            if (choices is not null && choices.TryGetValue(name, out var wanted) && type is "checkbox" or "radio")
            {
                if (await ChooseWithKeyboardAsync(page, type, wanted))
                {
                    answered.Add(name);
                    made.Add($"{name}={wanted}");
                }

                continue;
            }

            if (!answered.Add(name) || name.Length == 0)
            {
                continue;
            }

            switch (type)
            {
                case "checkbox" when exclusive != "true":
                case "radio":
                    await page.Keyboard.PressAsync("Space");
                    break;
                case "text" or "number" when focused[4] is "numeric" or "decimal" || type == "number":
                    await page.Keyboard.TypeAsync("3");
                    break;
                case "text" or "textarea":
                    await page.Keyboard.TypeAsync("Typed with the keyboard.");
                    break;
            }
        }

        throw new InvalidOperationException($"No submit button reached by Tab on {page.Url}");
    }

    /// <summary>
    /// Takes <paramref name="wanted"/> in the group of the focused input: a checkbox is ticked with Space when it is the
    /// one (Tab reaches the others in turn); in a radio group the down arrow moves to the next radio and picks it, until
    /// the wanted one is picked. Returns whether the wanted value was taken.
    /// </summary>
    private static async Task<bool> ChooseWithKeyboardAsync(IPage page, string type, string wanted)
    {
        if (type == "checkbox")
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement.value") != wanted)
            {
                return false;
            }

            await page.Keyboard.PressAsync("Space");
            return true;
        }

        var radios = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll(`input[type=radio][name='${document.activeElement.name}']`)].map(e => e.value)");
        var steps = Array.IndexOf(radios, wanted) - Array.IndexOf(radios, await page.EvaluateAsync<string>("() => document.activeElement.value"));
        if (steps < 0)
        {
            return false;
        }

        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < steps; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        return await page.EvaluateAsync<bool>("value => document.activeElement.checked && document.activeElement.value === value", wanted);
    }

    /// <summary>The items the response of this access token answered "not applicable", in code order.</summary>
    private async Task<List<string>> StoredNotApplicableAsync(string token)
    {
        await using var db = fixture.Database.CreateContext();
        var response = await SurveyHarness.LoadAsync(db, token);
        return [.. response.Answers.Where(a => a.NotApplicable).Select(a => a.ItemCode).Order(StringComparer.Ordinal)];
    }

    private static async Task FocusAndPressAsync(IPage page, string selector, string key)
    {
        for (var presses = 0; presses < 100; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement.matches({System.Text.Json.JsonSerializer.Serialize(selector)})"))
            {
                await page.Keyboard.PressAsync(key);
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {selector} on {page.Url}");
    }

    private async Task StartAsync(IPage page)
    {
        await page.GotoAsync(baseUrl + "/s/coproduction/citizen?country=BE&field=health");
        await page.GetByLabel("Yes, I am 18 or older").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I agree, start" }).ClickAsync();
        await PageJournal.WaitForAddressAsync(page, ResponsePageAddress());
    }

    private Task<IPage> NewPageAsync(int width, int height) => fixture.Chromium.NewPageAsync(width, height);

    private static Regex ResponsePageAddress() => RespondentPages.QuestionnairePageAddress();
}
