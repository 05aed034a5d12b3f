using System.Text.RegularExpressions;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;
using Microsoft.Playwright;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// The researcher's way in, in a real browser against the app running as its own process: the first administrator
/// from the link printed at the first start, a researcher added from the command line who follows the printed link,
/// chooses a password, signs in and sees only their studies; hostile study texts never run as script.
/// </summary>
public sealed partial class ResearcherBrowserTests : IAsyncLifetime
{
    private const string Payload = "<script>alert('xss')</script><img src=x onerror=\"alert('img')\">";
    private readonly SqliteDatabase database = SqliteDatabase.InTempFolder();
    private readonly string baseUrl = AppProcess.FreeLocalUrl();
    private readonly List<string> dialogs = [];
    private readonly List<string> violations = [];
    private HeadlessChromium? chromium;

    [ChromiumFact]
    public async Task NewResearcher_AddedFromTheCommandLine_SetsAPasswordSignsInAndSeesOnlyTheirStudies()
    {
        await using (var db = database.CreateContext())
        {
            db.Studies.Add(Study.Create(new StudyDefinition("hostile", Payload, Payload, StudyStatus.Open, [], [], new Dictionary<Audience, string>())));
            db.Studies.Add(Study.Create(new StudyDefinition("secret", "A study of someone else", "Not yours.", StudyStatus.Open, [], [], new Dictionary<Audience, string>())));
            await db.SaveChangesAsync();
        }

        await using var app = await AppProcess.StartAsync(baseUrl, database.ConnectionString);
        var firstAdminLink = SetupLink().Match(app.Output);
        Assert.True(firstAdminLink.Success, app.Output);
        // The first administrator signs up from the link printed at the first start, and sees every study.
        var page = await NewPageAsync();
        await page.GotoAsync(firstAdminLink.Value);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Create the first administrator account");
        await page.GetByLabel("Your e-mail address").FillAsync("admin@example.org");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("quiet harbour at midnight");
        await page.GetByLabel("New password again").FillAsync("quiet harbour at midnight");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.GetByLabel("E-mail address").FillAsync("admin@example.org");
        await page.GetByLabel("Password").FillAsync("quiet harbour at midnight");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(3);

        // Hostile texts on every page an administrator can open stay text.
        foreach (var path in new[] { "/research", "/research/studies/hostile", "/research/studies/hostile/members", "/research/studies/hostile/audit", "/research/admin/researchers", "/research/admin/studies" })
        {
            await page.GotoAsync(baseUrl + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await page.GotoAsync($"{baseUrl}/research/studies/hostile");
        await Expect(page.Locator("h1")).ToHaveTextAsync(Payload);
        await page.GotoAsync($"{baseUrl}/research");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("You have signed out");

        var environment = new Dictionary<string, string> { ["ConnectionStrings__CoproSurvey"] = database.ConnectionString, ["CoproSurvey__PublicUrl"] = baseUrl };
        var (exit, output) = await AppProcess.RunVerbAsync(
            environment, "researcher", "add", "--email", "Rita@Example.org", "--role", "researcher", "--study", "coproduction", "--study-role", "owner");
        var (exit2, _) = await AppProcess.RunVerbAsync(
            environment, "researcher", "add", "--email", "rita2@example.org", "--role", "researcher", "--study", "hostile", "--study-role", "viewer");
        Assert.Equal(0, exit);
        Assert.Equal(0, exit2);
        var setupLink = SetupLink().Match(output);
        Assert.True(setupLink.Success, output);
        Assert.StartsWith(baseUrl + "/account/setup?token=", setupLink.Value);

        await page.GotoAsync(setupLink.Value);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Set your password");
        await Expect(page.Locator("main")).ToContainTextAsync("rita@example.org");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("password1234");
        await page.GetByLabel("New password again").FillAsync("password1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("most common passwords");

        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("lantern otter cobblestone");
        await page.GetByLabel("New password again").FillAsync("lantern otter cobblestone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Your password is set");

        await page.GetByLabel("E-mail address").FillAsync("rita@example.org");
        await page.GetByLabel("Password").FillAsync("lantern otter cobblestone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/research$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("My studies");
        await Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("main")).ToContainTextAsync("owner");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("someone else");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "coprosurvey-research-studies.png"), FullPage = true });

        // The interactive members page: the owner gives a colleague a role.
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/members");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync(); // the page is live
        await page.GetByLabel("E-mail address of a researcher on the platform").FillAsync("rita2@example.org");
        await page.GetByLabel("Role").SelectOptionAsync("Analyst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("rita2@example.org is now analyst");
        await Expect(page.Locator("main table")).ToContainTextAsync("rita2@example.org");
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/audit");
        await Expect(page.Locator("main")).ToContainTextAsync("member.added");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "coprosurvey-research-audit.png"), FullPage = true });

        var missing = await page.GotoAsync($"{baseUrl}/research/studies/secret");
        Assert.Equal(404, missing!.Status);

        Assert.Empty(dialogs);
        Assert.Empty(violations); // the interactive pages need nothing the research area's policy does not allow
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

    private async Task<IPage> NewPageAsync()
    {
        var page = await chromium!.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    [GeneratedRegex(@"http://\S+/account/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();
}
