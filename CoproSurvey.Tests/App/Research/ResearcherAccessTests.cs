using System.Net;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App.Research;

/// <summary>
/// The door of the researcher area over HTTP: every researcher route, found from the app's own endpoint data source so
/// that a new page cannot be forgotten, refuses anonymous requests and researchers without a role in the study.
/// </summary>
public sealed class ResearcherAccessTests(ResearcherAccessTests.Host host) : IClassFixture<ResearcherAccessTests.Host>
{
    /// <summary>Two studies, an owner and a viewer of the first, an owner of the second, and an administrator.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public SurveyAppFactory App { get; } = new();

        public async Task InitializeAsync()
        {
            await App.AddStudyAsync("other", "Other study");
            await App.AddResearcherAsync("owner@example.org", false, ("coproduction", StudyRole.Owner));
            await App.AddResearcherAsync("viewer@example.org", false, ("coproduction", StudyRole.Viewer));
            await App.AddResearcherAsync("stranger@example.org", false, ("other", StudyRole.Owner));
            await App.AddResearcherAsync("admin@example.org", isAdmin: true);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private SurveyAppFactory App => host.App;

    /// <summary>Every GET route of the researcher area, with its study placeholder filled in.</summary>
    private IReadOnlyList<string> ResearchRoutes(string studyKey)
    {
        _ = App.Services;
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Select(p => "/" + p.TrimStart('/'))
            .Where(p => p.StartsWith("/research", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Select(p => p.Replace("{StudyKey}", studyKey, StringComparison.OrdinalIgnoreCase).Replace("{id}", "AAAAAAAAAAAAAAAAAAAAAA", StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(routes, r => r.Contains('{'));
        return routes;
    }

    [Fact]
    public async Task EveryResearchRoute_RedirectsAnonymousRequestsToSignIn()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var routes = ResearchRoutes("coproduction");

        Assert.True(routes.Count >= 7, string.Join(", ", routes));
        foreach (var route in routes)
        {
            var response = await client.GetAsync(route);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route}: {(int)response.StatusCode}");
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task EveryStudyRoute_Answers404_ToAResearcherOfAnotherStudy()
    {
        using var stranger = App.CreateFormClient();
        await stranger.SignInAsync("stranger@example.org");
        var studyRoutes = ResearchRoutes("coproduction").Where(r => r.Contains("/studies/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(studyRoutes);
        foreach (var route in studyRoutes)
        {
            var page = await stranger.GetAsync(route);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{route}: {(int)page.Status}");
            Assert.DoesNotContain("Citizens and professionals", page.Text); // nothing of the study leaks
        }

        // A prepared export is found only by the id its page gave; an unknown id is 404 for everyone.
        foreach (var route in ResearchRoutes("other").Where(r => r.Contains("/studies/", StringComparison.Ordinal) && !r.Contains("/exports/", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(route)).Status);
        }
    }

    [Fact]
    public async Task OwnerRoutes_Answer404_ToAViewer_AndAdminRoutes_ToEveryoneButAdministrators()
    {
        using var viewer = App.CreateFormClient();
        using var admin = App.CreateFormClient();
        await viewer.SignInAsync("viewer@example.org");
        await admin.SignInAsync("admin@example.org");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/research/studies/coproduction")).Status);
        foreach (var route in new[] { "/research/studies/coproduction/members", "/research/studies/coproduction/audit", "/research/studies/coproduction/audit.csv", "/research/studies/coproduction/export", "/research/studies/coproduction/import" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(route)).Status);
        }

        foreach (var route in ResearchRoutes("coproduction").Where(r => r.StartsWith("/research/admin", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(route)).Status);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(route)).Status);
        }
    }

    [Fact]
    public async Task MyStudies_ListsOnlyTheStudiesTheResearcherBelongsTo()
    {
        using var stranger = App.CreateFormClient();

        var page = await stranger.SignInAsync("stranger@example.org");

        Assert.Equal("/research", page.Path);
        Assert.Contains("Other study", page.Text);
        Assert.DoesNotContain("coproduction", page.Text);
    }

    [Fact]
    public async Task SignIn_GivesTheSameAnswer_WhetherTheAccountExistsOrNot()
    {
        await App.AddResearcherAsync("disabled@example.org");
        var id = await App.Services.GetRequiredService<ResearcherAccounts>().FindIdByEmailAsync("disabled@example.org", default);
        await App.Services.GetRequiredService<ResearcherAccounts>().SetDisabledAsync(id!, true, Actor.CommandLine, default);
        using var client = App.CreateFormClient();

        var unknown = await client.SignInAsync("nobody@example.org", "whatever password");
        var wrong = await client.SignInAsync("viewer@example.org", "not the password");
        var disabled = await client.SignInAsync("disabled@example.org");

        foreach (var page in new[] { unknown, wrong, disabled })
        {
            Assert.Equal("/account/sign-in", page.Path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(Normalize(unknown.Document.QuerySelector("main")!.InnerHtml), Normalize(page.Document.QuerySelector("main")!.InnerHtml));
            Assert.Contains(ResearcherSignInMessage, page.Text);
        }

        var failures = await App.QueryAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.SignInFailed).Select(e => e.Detail).ToListAsync());
        Assert.Contains("no such account", failures);
        Assert.Contains("wrong password", failures);
        Assert.Contains("account disabled", failures);
    }

    [Fact]
    public async Task SignIn_LocksTheAccountForAWhile_AfterFiveWrongPasswords()
    {
        await App.AddResearcherAsync("locked@example.org");
        using var client = App.CreateFormClient();

        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("locked@example.org", $"wrong password {i}");
        }

        var right = await client.SignInAsync("locked@example.org");

        Assert.Equal("/account/sign-in", right.Path);
        Assert.Contains(ResearcherSignInMessage, right.Text);
        Assert.Contains(await App.QueryAsync(db => db.AuditEvents.Where(e => e.Subject == "locked@example.org").Select(e => e.Detail).ToListAsync()),
            d => d == "account locked out");
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionAtTheNextRequest()
    {
        var id = await App.AddResearcherAsync("soon-disabled@example.org", false, ("coproduction", StudyRole.Viewer));
        using var client = App.CreateFormClient();
        Assert.Equal("/research", (await client.SignInAsync("soon-disabled@example.org")).Path);

        await App.Services.GetRequiredService<ResearcherAccounts>().SetDisabledAsync(id, true, Actor.CommandLine, default);
        var after = await client.GetAsync("/research/studies/coproduction");

        Assert.Equal("/account/sign-in", after.Path);
    }

    [Fact]
    public async Task SignIn_WithAnExpiredPage_ShowsTheFormAgain_AndTheNextTryWorks()
    {
        using var client = App.CreateFormClient();
        var form = await client.GetAsync("/account/sign-in");

        var expired = await client.SubmitAsync(form, "sign-in", [new("email", "owner@example.org"), new("password", ResearcherSetup.Password)], withAntiforgery: false);
        var again = await client.SubmitAsync(expired, "sign-in", [new("email", "owner@example.org"), new("password", ResearcherSetup.Password)]);

        Assert.Equal(HttpStatusCode.OK, expired.Status);
        Assert.Contains("The page had expired", expired.Text);
        Assert.Equal("owner@example.org", expired.Document.QuerySelector("#email")!.GetAttribute("value"));
        Assert.Equal("/research", again.Path);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = App.CreateFormClient();
        var studies = await client.SignInAsync("viewer@example.org");

        var form = studies.Document.QuerySelector("form[action='/account/sign-out']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedOut = await client.PostAsync("/account/sign-out", [new("__RequestVerificationToken", token)]);
        var after = await client.GetAsync("/research");

        Assert.Contains("You have signed out", signedOut.Text);
        Assert.Equal("/account/sign-in", after.Path);
    }

    [Theory]
    [InlineData("/research/studies/coproduction", "/research/studies/coproduction")]
    [InlineData("https://evil.example/", "/research")]
    [InlineData("//evil.example/", "/research")]
    [InlineData("/\\evil.example/", "/research")]
    public async Task SignIn_ReturnsOnlyToAddressesOnThisSite(string returnUrl, string expected)
    {
        using var client = App.CreateFormClient();

        var page = await client.SignInAsync("owner@example.org", returnUrl: returnUrl);

        Assert.Equal(expected, page.Path);
        Assert.Equal("localhost", page.Address.Host);
    }

    [Fact]
    public async Task AuditCsv_IsDownloadedByOwners()
    {
        using var owner = App.CreateFormClient();
        await owner.SignInAsync("owner@example.org");

        var csvPage = await owner.GetAsync("/research/studies/coproduction/audit.csv");

        Assert.Equal(HttpStatusCode.OK, csvPage.Status);
        Assert.StartsWith("id,time_utc,action,actor,subject,detail", csvPage.Document.Body!.TextContent.TrimStart());
        Assert.Contains("member.added", csvPage.Text);
        Assert.Contains("viewer@example.org", csvPage.Text);
    }

    [Fact]
    public async Task SignInCookie_AndKeys_SurviveARestartOfTheApp()
    {
        var cookies = new CookieContainer();
        using var client = App.CreateFormClient(cookies);
        await client.SignInAsync("owner@example.org");
        var cookie = cookies.GetCookieHeader(new Uri("http://localhost/research"));
        await using var restarted = App.OnSameDatabase();
        using var second = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        second.DefaultRequestHeaders.Add("Cookie", cookie);

        var response = await second.GetAsync("/research/studies/coproduction");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await App.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task ResearcherPages_ShowScriptInStudyAndInstrumentTextsAsText()
    {
        const string payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        await App.AddStudyAsync("hostile", payload, payload);
        await App.AddCitizenInstrumentAsync("hostile", "Questionnaire " + payload);
        await App.AddResearcherAsync("hostile-owner@example.org", false, ("hostile", StudyRole.Owner));
        using var client = App.CreateFormClient();
        await client.SignInAsync("hostile-owner@example.org");

        foreach (var route in ResearchRoutes("hostile").Where(r => !r.EndsWith(".csv", StringComparison.Ordinal) && !r.Contains("/admin", StringComparison.Ordinal) && !r.Contains("/exports/", StringComparison.Ordinal)))
        {
            var page = await client.GetAsync(route);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Empty(page.Document.QuerySelectorAll("main script, main img[onerror]"));
        }

        var overview = await client.GetAsync("/research/studies/hostile");
        Assert.Contains(payload, overview.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Questionnaire " + payload, overview.Text);
    }

    private const string ResearcherSignInMessage = "The e-mail address or the password is not right";

    private static string Normalize(string html) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]*\"", "value=\"\""), @"\s+", " ");
}
