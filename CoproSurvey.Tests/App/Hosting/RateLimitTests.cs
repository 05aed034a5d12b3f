using System.Net;
using CoproSurvey.App.Hosting;
using Microsoft.AspNetCore.Http;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary>The limiter on resume codes, starts and sign-in, through the real pipeline behind a trusted proxy.</summary>
public sealed class RateLimitTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private const string ClientA = "203.0.113.7";
    private const string ClientB = "198.51.100.23";

    [Fact]
    public async Task ResumeCodePost_Answers429WithRetryAfterAndStyledPage_WhenOneClientRepeatsBeyondItsLimit()
    {
        await using var host = app.With(settings: [("RateLimits:resume-code:PermitLimit", "3"), ("RateLimits:resume-code:WindowSeconds", "600")]);
        using var http = host.CreatePlainClient();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var allowed = await http.SendAsync(PostCode("/resume", ClientA));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        var refused = await http.SendAsync(PostCode("/resume", ClientA));
        var withdraw = await http.SendAsync(PostCode("/withdraw", ClientA));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(600), refused.Headers.RetryAfter?.Delta);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.StartsWith("text/html", refused.Content.Headers.ContentType?.ToString());
        Assert.Contains("Too many attempts from your connection. Please wait 10 minutes and try again.", page);
        Assert.Contains("href=\"/app.css\"", page);
        Assert.Equal(HttpStatusCode.TooManyRequests, withdraw.StatusCode);
    }

    [Fact]
    public async Task ResumeCodePost_IsNotLimited_ForAnotherClientOrOtherRequests()
    {
        await using var host = app.With(settings: [("RateLimits:resume-code:PermitLimit", "2")]);
        using var http = host.CreatePlainClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await http.SendAsync(PostCode("/resume", ClientA));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(PostCode("/resume", ClientA))).StatusCode);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.SendAsync(PostCode("/resume", ClientB))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HostingTestHosts.Request(HttpMethod.Get, "/resume", ClientA))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HostingTestHosts.Request(HttpMethod.Get, "/", ClientA))).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.SendAsync(PostCode("/s/coproduction/citizen", ClientA))).StatusCode);
    }

    [Fact]
    public async Task ResumeCodePost_Answers429ToEveryClient_WhenTheGlobalLimitIsReached()
    {
        await using var host = app.With(settings: [("RateLimits:resume-code:GlobalPermitLimit", "4"), ("RateLimits:resume-code:GlobalWindowSeconds", "60")]);
        using var http = host.CreatePlainClient();

        var statuses = new List<HttpStatusCode>();
        for (var client = 1; client <= 5; client++)
        {
            statuses.Add((await http.SendAsync(PostCode("/resume", $"192.0.2.{client}"))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[4]);
    }

    [Fact]
    public async Task RespondentStartPost_Answers429_WhenOneClientStartsOrDeclinesTooOften()
    {
        await using var host = app.With(settings: [("RateLimits:respondent-start:PermitLimit", "2")]);
        using var http = host.CreatePlainClient();
        await http.SendAsync(PostCode("/s/coproduction/citizen", ClientA));
        await http.SendAsync(PostCode("/s/coproduction/professional", ClientA));

        var refused = await http.SendAsync(PostCode("/s/coproduction/citizen", ClientA));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HostingTestHosts.Request(HttpMethod.Get, "/s/coproduction/citizen", ClientA))).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.SendAsync(PostCode("/s/coproduction/citizen", ClientB))).StatusCode);
    }

    [Fact]
    public async Task SignInPost_Answers429AsPlainText_WhenOneClientRepeatsBeyondItsLimit()
    {
        await using var host = app.With(settings: [("RateLimits:sign-in:PermitLimit", "2")]);
        using var http = host.CreatePlainClient();
        await http.SendAsync(PostCode("/account/sign-in", ClientA, html: false));
        await http.SendAsync(PostCode("/account/sign-in", ClientA, html: false));

        var refused = await http.SendAsync(PostCode("/account/sign-in", ClientA, html: false));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("text/plain", refused.Content.Headers.ContentType?.ToString());
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/s/coproduction/citizen?lang=nl", null, "nl", "Te veel pogingen", "Te veel pogingen vanaf uw verbinding. Wacht 10 minuten en probeer het opnieuw.")]
    [InlineData("/s/coproduction/citizen", "de, en;q=0.5", "de", "Zu viele Versuche", "Bitte warten Sie 10 Minuten")]
    [InlineData("/resume", "de", "de", "Zu viele Versuche", "Bitte warten Sie 10 Minuten")]
    [InlineData("/resume?lang=nl", "de", "nl", "Te veel pogingen", "Wacht 10 minuten")]
    [InlineData("/account/sign-in", "de", "en", "Too many attempts", "Please wait 10 minutes")]
    public async Task LimitedPost_Answers429InTheRespondentsLanguage_FromTheLinkElseTheBrowser(
        string path, string? acceptLanguage, string language, string title, string sentence)
    {
        await using var host = app.With(settings:
        [
            ("RateLimits:respondent-start:PermitLimit", "1"), ("RateLimits:respondent-start:WindowSeconds", "600"),
            ("RateLimits:resume-code:PermitLimit", "1"), ("RateLimits:sign-in:PermitLimit", "1"), ("RateLimits:sign-in:WindowSeconds", "600"),
        ]);
        using var http = host.CreatePlainClient();
        await http.SendAsync(PostCode(path, ClientA));
        using var request = PostCode(path, ClientA);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var refused = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal((language, "ltr"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(sentence, page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Theory]
    [InlineData("POST", "/s/coproduction/citizen", RateLimits.RespondentStart)]
    [InlineData("POST", "/S/Coproduction/Professional/", RateLimits.RespondentStart)]
    [InlineData("POST", "/resume", RateLimits.ResumeCode)]
    [InlineData("POST", "/withdraw", RateLimits.ResumeCode)]
    [InlineData("POST", "/account/sign-in", RateLimits.SignIn)]
    [InlineData("GET", "/s/coproduction/citizen", null)]
    [InlineData("GET", "/resume", null)]
    [InlineData("GET", "/account/sign-in", null)]
    [InlineData("POST", "/s/coproduction/citizen/declined", null)]
    [InlineData("POST", "/r/abc/1", null)]
    [InlineData("POST", "/account/sign-out", null)]
    public void PolicyFor_SelectsThePolicyByMethodAndPath(string method, string path, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        Assert.Equal(expected, RateLimits.PolicyFor(context.Request));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ClientKey_TreatsOneSubscriberAsOneClient_ForMappedAndIPv6Addresses(string address, string expected) =>
        Assert.Equal(expected, RateLimits.ClientKey(IPAddress.Parse(address)));

    private static HttpRequestMessage PostCode(string path, string client, bool html = true) =>
        HostingTestHosts.Request(HttpMethod.Post, path, client, html, new FormUrlEncodedContent([KeyValuePair.Create("code", "ABCDE-FGHJK")]));
}
