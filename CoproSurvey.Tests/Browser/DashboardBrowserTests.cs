using System.Text.RegularExpressions;
using CoproSurvey.App.Dashboards;
using CoproSurvey.Tests.Support;
using Microsoft.Playwright;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// The dashboards in a real browser against the app as its own process, on a seeded demo study: a viewer signs in,
/// opens every view, sees the charts drawn and no error, filters through the address and the filter bar, and
/// downloads a table. Screenshots go to the temp folder (coprosurvey-dashboard-*.png).
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class DashboardBrowserTests : IAsyncLifetime
{
    private readonly SqliteDatabase database = SqliteDatabase.InTempFolder();
    private readonly string baseUrl = AppProcess.FreeLocalUrl();
    private readonly List<string> problems = [];
    private HeadlessChromium? chromium;
    private AppProcess? app;

    [ChromiumFact]
    public async Task Viewer_OpensEveryDashboardView_OfASeededStudy_AndSeesChartsWithoutErrors()
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__CoproSurvey"] = database.ConnectionString, ["CoproSurvey__PublicUrl"] = baseUrl };
        var (seeded, seedOutput) = await AppProcess.RunVerbAsync(environment, "seed-demo", "--responses", "400", "--seed", "7");
        Assert.True(seeded == 0, seedOutput);
        var (added, addOutput) = await AppProcess.RunVerbAsync(
            environment, "researcher", "add", "--email", "vera@example.org", "--role", "researcher", "--study", "coproduction", "--study-role", "viewer");
        Assert.True(added == 0, addOutput);
        var link = SetupLink().Match(addOutput);
        Assert.True(link.Success, addOutput);
        await using var app = await AppProcess.StartAsync(baseUrl, database.ConnectionString);

        var page = await NewPageAsync();
        await page.GotoAsync(link.Value.Replace("http://localhost:5003", baseUrl, StringComparison.Ordinal));
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("lantern otter cobblestone");
        await page.GetByLabel("New password again").FillAsync("lantern otter cobblestone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync("vera@example.org");
        await page.GetByLabel("Password").FillAsync("lantern otter cobblestone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/research$"));

        await page.GotoAsync($"{baseUrl}/research/studies/coproduction");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboards" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/research/studies/coproduction/dashboard$"));

        foreach (var (segment, title) in DashboardQuery.Views)
        {
            await page.GotoAsync(baseUrl + DashboardQuery.ViewUrl("coproduction", segment, CoproSurvey.Core.Dashboards.DashboardFilter.All));
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard views" }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            // The model view draws once a model is chosen (Viewer_FitsModels_...).
            await (segment == "model" ? Assertions.Expect(page.Locator("[data-model-form]")).ToBeVisibleAsync() : ExpectChartsDrawnAsync(page));
            await page.ScreenshotAsync(new() { Path = Screenshot(segment.Length == 0 ? "overview" : segment), FullPage = true });
        }

        // The overview: totals of the seeded study, and a filter taken from the address.
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/dashboard");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("400");
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/dashboard?audience=professional&country=BE");
        await Assertions.Expect(page.Locator("#filter-audience")).ToHaveValueAsync("professional");
        await Assertions.Expect(page.Locator("#filter-country-BE")).ToBeCheckedAsync();
        await ExpectChartsDrawnAsync(page);
        var filtered = await page.Locator("[data-total]").InnerTextAsync();
        Assert.True(int.Parse(filtered, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) < 400, filtered);

        // The filter bar writes the address.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await page.Locator("#filter-field-health").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dashboard\?field=health$"));
        await ExpectChartsDrawnAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshot("overview-health"), FullPage = true });

        // Filters changed faster than the charts draw: each load replaces the last, and the last one's charts are drawn.
        for (var i = 0; i < 4; i++)
        {
            await page.Locator("#filter-field-health").SetCheckedAsync(i % 2 == 1);
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(i % 2 == 1 ? @"/dashboard\?field=health$" : "/dashboard$"));
        }

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dashboard\?field=health$"));
        await ExpectChartsDrawnAsync(page);

        // A table downloads as CSV with the same filter.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-csv=groups]").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("country,policy_field,audience,n,suppressed", csv);
        Assert.All(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.Contains(",health,", line));

        // Citizens vs professionals: both audiences always, grouped as the address says.
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/dashboard/gap?audience=citizen&by=field");
        await ExpectChartsDrawnAsync(page);
        await Assertions.Expect(page.Locator("#filter-audience")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#gap-by")).ToHaveValueAsync("field");
        await Assertions.Expect(page.Locator("[data-audience-ignored]")).ToContainTextAsync("audience filter does not apply");
        await Assertions.Expect(page.Locator("table[data-table=gap] tbody tr")).ToHaveCountAsync(18);
        await page.ScreenshotAsync(new() { Path = Screenshot("gap-field"), FullPage = true });
        await page.Locator("#gap-by").SelectOptionAsync("unit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dashboard/gap\?by=unit$"));
        // 400 responses spread over 75 units leave hardly a unit with 5 of each audience: the page says why it draws nothing.
        await Assertions.Expect(page.Locator("[data-loading]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table[data-table=gap]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-suppression] strong")).ToContainTextAsync("suppressed");
        if (await page.Locator("figure.dashboard-chart").CountAsync() == 0)
        {
            await Assertions.Expect(page.Locator("[data-no-chart]")).ToContainTextAsync("no gap to draw");
        }
        else
        {
            await ExpectChartsDrawnAsync(page);
        }

        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("gap-unit") });

        // Relations: one audience's scales, Spearman from the address, and the pairs download.
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/dashboard/relations?audience=professional&method=spearman");
        await ExpectChartsDrawnAsync(page);
        await Assertions.Expect(page.Locator("#relations-method")).ToHaveValueAsync("spearman");
        await page.ScreenshotAsync(new() { Path = Screenshot("relations-professional-spearman"), FullPage = true });
        var pairs = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-csv=relations]").ClickAsync());
        var pairsCsv = (await File.ReadAllLinesAsync((await pairs.PathAsync())!)).ToList();
        Assert.Equal("scale_a,scale_b,method,n,r,p,suppressed", pairsCsv[0]);
        Assert.Equal(13 * 12 / 2, pairsCsv.Count - 1);
        Assert.All(pairsCsv.Skip(1), line => Assert.Contains(",spearman,", line));

        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task Viewer_ReadsReliability_AndFitsModels_OfASeededStudy_WithoutErrors()
    {
        var page = await SeedAndSignInAsync("mira@example.org");

        // Measurement: every scale's alpha charted and tabulated; choosing a scale puts it in the address.
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/dashboard/measurement");
        await ExpectChartsDrawnAsync(page);
        Assert.True(await page.Locator("table[data-table=reliability] tbody tr").CountAsync() > 20);
        await page.Locator("#measurement-scale").SelectOptionAsync("p_ben");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dashboard/measurement\?scale=p_ben$"));
        await Assertions.Expect(page.Locator("table[data-table=items-professional] tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("table[data-table=items-professional]")).ToContainTextAsync("reversed");
        await ExpectChartsDrawnAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshot("measurement-p_ben"), FullPage = true });
        await page.Locator("figure[data-chart=reliability]").ScreenshotAsync(new() { Path = Screenshot("measurement-chart") });
        await page.Locator("section[aria-labelledby=items-heading]").ScreenshotAsync(new() { Path = Screenshot("measurement-items") });
        await page.ScreenshotAsync(new() { Path = Screenshot("measurement-top") });

        // Model from the address: clustered by country, with the warning about five clusters.
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/dashboard/model?audience=citizen&outcome=c_col&x=c_eff_int&x=c_eff_ext&x=c_area&x=country&se=cluster-country");
        await ExpectChartsDrawnAsync(page);
        await Assertions.Expect(page.Locator("[data-model-summary]")).ToContainTextAsync("clustered by country");
        await Assertions.Expect(page.Locator("[data-notes]")).ToContainTextAsync("5 clusters");
        await Assertions.Expect(page.Locator("table[data-table=coefficients]")).ToContainTextAsync("countryDE");
        await page.ScreenshotAsync(new() { Path = Screenshot("model-ols"), FullPage = true });
        await page.Locator("figure[data-chart=coefficients]").ScreenshotAsync(new() { Path = Screenshot("model-ols-chart") });

        // Model from the form: a 0/1 outcome is a logistic regression, and the choice goes into the address.
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/dashboard/model?audience=citizen");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" })).ToBeEnabledAsync();
        await page.Locator("#model-outcome").SelectOptionAsync("c_use_health");
        await page.Locator("#model-predictors").SelectOptionAsync(["c_eff_int", "c_sal"]);
        await page.Locator("#model-fe-country").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit model" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"outcome=c_use_health&x=c_eff_int&x=c_sal&x=country&se=classical$"));
        await Assertions.Expect(page.Locator("[data-model-summary]")).ToContainTextAsync("Logistic regression");
        await ExpectChartsDrawnAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshot("model-logit"), FullPage = true });

        // An impossible model is explained on the page: one country left by the filter, and country as a fixed effect.
        await page.GotoAsync($"{baseUrl}/research/studies/coproduction/dashboard/model?audience=citizen&country=BE&outcome=c_col&x=c_eff_int&x=country&se=classical");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" })).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-loading]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-problem]")).ToContainTextAsync("'country' has a single level ('BE')");
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("model-problem"), FullPage = true });

        Assert.Empty(problems);
    }

    /// <summary>Seeds the demo study, adds a viewer, starts the app (stopped with the test) and signs the viewer in.</summary>
    private async Task<IPage> SeedAndSignInAsync(string email)
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__CoproSurvey"] = database.ConnectionString, ["CoproSurvey__PublicUrl"] = baseUrl };
        var (seeded, seedOutput) = await AppProcess.RunVerbAsync(environment, "seed-demo", "--responses", "400", "--seed", "7");
        Assert.True(seeded == 0, seedOutput);
        var (added, addOutput) = await AppProcess.RunVerbAsync(
            environment, "researcher", "add", "--email", email, "--role", "researcher", "--study", "coproduction", "--study-role", "viewer");
        Assert.True(added == 0, addOutput);
        var link = SetupLink().Match(addOutput);
        Assert.True(link.Success, addOutput);
        app = await AppProcess.StartAsync(baseUrl, database.ConnectionString);

        var page = await NewPageAsync();
        await page.GotoAsync(link.Value.Replace("http://localhost:5003", baseUrl, StringComparison.Ordinal));
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("lantern otter cobblestone");
        await page.GetByLabel("New password again").FillAsync("lantern otter cobblestone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("lantern otter cobblestone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/research$"));
        return page;
    }

    public async Task InitializeAsync()
    {
        chromium = await HeadlessChromium.LaunchIfInstalledAsync();
    }

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }

        database.Dispose();
    }

    private static string Screenshot(string name) => Path.Combine(Path.GetTempPath(), $"coprosurvey-dashboard-{name}.png");

    private async Task ExpectChartsDrawnAsync(IPage page)
    {
        try
        {
            await ExpectChartsDrawnOnceLiveAsync(page);
        }
        catch (PlaywrightException e)
        {
            await page.ScreenshotAsync(new() { Path = Screenshot("failure"), FullPage = true });
            var figures = await page.Locator("figure.dashboard-chart").EvaluateAllAsync<string[]>("fs => fs.map(f => f.outerHTML.slice(0, 600))");
            throw new InvalidOperationException(
                $"{e.Message}\nBrowser console: {string.Join("\n", problems)}\nCharts: {string.Join("\n", figures)}\nScreenshot: {Screenshot("failure")}", e);
        }
    }

    private static async Task ExpectChartsDrawnOnceLiveAsync(IPage page)
    {
        // Live once the filter bar's button is enabled; prerendered HTML has no charts yet.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" })).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-loading]")).ToHaveCountAsync(0);
        var charts = page.Locator("figure.dashboard-chart");
        // Waited for, not counted at once: a view that has just left its loading state may not have rendered its charts yet.
        await Assertions.Expect(charts.First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            // Plotly draws each trace into a group of class trace (a heatmap into one of class hm) once its script has run.
            // A full page load parses plotly.js (4.8 MB) before the first chart is drawn: on a machine as busy as a
            // parallel test run makes it, a chart has been seen drawn only after the default 30 s.
            await Assertions.Expect(charts.Nth(i).Locator("svg.main-svg .trace, svg.main-svg .hm").First).ToBeAttachedAsync(new() { Timeout = 90_000 });
        }

        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await chromium!.NewPageAsync(1280, 1000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        return page;
    }

    [GeneratedRegex(@"http://\S+/account/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();
}
