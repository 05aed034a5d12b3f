using System.Net;
using AngleSharp.Html.Parser;
using CoproSurvey.App.Hosting;
using CoproSurvey.Tests.Browser;
using CoproSurvey.Tests.Support;
using Microsoft.Playwright;

using CoproSurvey.Tests.App.Research;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary>Security headers on public, respondent and researcher addresses, and a real page load without CSP violations.</summary>
public sealed class SecurityHeadersTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/s/coproduction/citizen")]
    [InlineData("/resume")]
    [InlineData("/no-such-page")]
    [InlineData("/research")]
    [InlineData("/research/studies/coproduction")]
    public async Task Page_CarriesNosniffNoReferrerAndNoFraming_OnEveryAddress(string path)
    {
        using var http = app.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Directives(response);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/s/coproduction/citizen")]
    [InlineData("/resume")]
    public async Task PublicPage_AllowsNoInlineStyleElements_OutsideTheResearchArea(string path)
    {
        using var http = app.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(SecurityHeaders.PublicContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", Directives(response)["style-src"]);
    }

    [Theory]
    [InlineData("/research")]
    [InlineData("/research/studies/coproduction/audit")]
    public async Task ResearchPage_AllowsInlineStylesForCharts_AndNothingMoreThanBlazorNeeds(string path)
    {
        var cookies = new System.Net.CookieContainer();
        if (await app.Services.GetRequiredService<CoproSurvey.Core.Accounts.ResearcherAccounts>().FindIdByEmailAsync("csp@example.org", default) is null)
        {
            await app.AddResearcherAsync("csp@example.org", false, ("coproduction", CoproSurvey.Core.Accounts.StudyRole.Owner));
        }

        using (var form = app.CreateFormClient(cookies))
        {
            await form.SignInAsync("csp@example.org");
        }

        using var http = app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));

        using var response = await http.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ResearchContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("'self' 'unsafe-inline'", Directives(response)["style-src"]);
    }

    [Fact]
    public async Task RespondentPages_HaveNoInlineScript_FromEntryToQuestionnairePage()
    {
        using var client = app.CreateFormClient();
        var home = await client.GetAsync("/");
        var entry = await client.GetAsync("/s/coproduction/citizen");
        var questionnaire = await client.SubmitAsync(entry, "consent",
            [KeyValuePair.Create("country", "BE"), KeyValuePair.Create("field", "public-safety"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);

        Assert.EndsWith("/1", questionnaire.Path);
        foreach (var page in new[] { home, entry, questionnaire })
        {
            var scripts = page.Document.QuerySelectorAll("script");
            Assert.NotEmpty(scripts);
            Assert.All(scripts, s => Assert.True(s.HasAttribute("src") && string.IsNullOrWhiteSpace(s.TextContent), $"inline script on {page.Path}: {s.OuterHtml}"));
            Assert.Empty(page.Document.QuerySelectorAll("[onclick], [onload], [onsubmit], [onchange]"));
        }
    }

    [ChromiumFact]
    public async Task RealBrowser_ReportsNoContentSecurityPolicyViolation_OnHomeEntryAndQuestionnairePages()
    {
        using var database = SqliteDatabase.InTempFolder();
        var baseUrl = AppProcess.FreeLocalUrl();
        await using var server = await AppProcess.StartAsync(baseUrl, database.ConnectionString);
        await using var chromium = (await HeadlessChromium.LaunchIfInstalledAsync())!;
        var page = await chromium.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"pageerror: {error}");
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync(baseUrl + "/");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take part as a resident" }).ClickAsync();
        await page.GetByLabel("Country you live in").SelectOptionAsync("BE");
        await page.GetByLabel("Public service this questionnaire is about").SelectOptionAsync("public-safety");
        await page.GetByLabel("Yes, I am 18 or older").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I agree, start" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/1$"));
        await page.Locator(".progress-bar").WaitForAsync(new() { State = WaitForSelectorState.Attached }); // 0% wide before the first page is done
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        Assert.Empty(problems);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
