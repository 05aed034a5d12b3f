using System.Net;
using System.Text.RegularExpressions;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static CoproSurvey.Tests.App.SurveyFlowTests;

namespace CoproSurvey.Tests.App;

/// <summary>Who can reach a response over HTTP: the holder of its access token, or of its resume code through POST /resume.</summary>
public sealed class RespondentAccessTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);

    [Fact]
    public async Task TokenUrl_OpensTheResponseWithoutTheCookie_ButTheResumeCodeInItsPlaceDoesNot()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var token = TokenOf(first);
        var code = ResumeCodeOn(first);
        using var stranger = app.CreateFormClient();

        var withToken = await stranger.GetAsync($"/r/{token}/1");
        var withCode = await stranger.GetAsync($"/r/{code}/1");
        var withBareCode = await stranger.GetAsync($"/r/{code.Replace("-", "")}/1");

        Assert.Equal(HttpStatusCode.OK, withToken.Status);
        Assert.Equal(ValidAnswers.ItemCodesOn(first), ValidAnswers.ItemCodesOn(withToken));
        Assert.Equal(HttpStatusCode.NotFound, withCode.Status);
        Assert.Equal(HttpStatusCode.NotFound, withBareCode.Status);
    }

    [Fact]
    public async Task ResponseAddresses_AnswerTheSame404_ForCodesUnknownTokensAndGarbage()
    {
        // Arrange: a live ten-character code, a live legacy eight-character code, and things that open nothing.
        using var client = app.CreateFormClient();
        var liveCode = ResumeCodeOn(await StartAsync(client));
        var legacyCode = await AddLegacyResponseAsync();
        var probes = new[]
        {
            liveCode, liveCode.Replace("-", ""), ResumeCodes.Format(legacyCode), legacyCode, "ZZZZZ-ZZZZZ", "ZZZZ-ZZZZ",
            AccessTokens.NewToken(), "x", "%00", "....", new string('A', 200),
        };
        var references = new List<(HttpStatusCode Status, string Text)>();
        var answers = new List<(string Path, HttpStatusCode Status, string Text)>();

        // Act
        foreach (var probe in probes)
        {
            foreach (var suffix in new[] { "", "/1", "/2", "/done", "/withdraw" })
            {
                var path = $"/r/{Uri.EscapeDataString(probe)}{suffix}";
                var page = await client.GetAsync(path);
                answers.Add((path, page.Status, page.Text));
            }
        }

        var missing = await client.GetAsync("/no/such/page");

        // Assert: the same status and the very same page as an address that never existed.
        Assert.All(answers, a => Assert.Equal((HttpStatusCode.NotFound, missing.Text), (a.Status, a.Text)));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task ResponseAddresses_AnswerThe404AndStoreNothing_ForPostsWithACodeOrAnUnknownToken()
    {
        // Arrange: a valid form (token, handler) of a live response, posted to addresses that open nothing.
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var code = ResumeCodeOn(first);
        var withdraw = await client.GetAsync($"/r/{TokenOf(first)}/withdraw");
        var missing = await client.GetAsync("/no/such/page");
        var answers = await app.QueryAsync(db => db.Answers.CountAsync());

        // Act
        var pages = new List<HtmlPage>();
        foreach (var target in new[] { code, code.Replace("-", ""), AccessTokens.NewToken(), "garbage" })
        {
            pages.Add(await client.SubmitAsync(first, "page", Citizen.ForPage(first), to: $"/r/{target}/1"));
            pages.Add(await client.SubmitAsync(withdraw, "withdraw-response", [], to: $"/r/{target}/withdraw"));
        }

        // Assert
        Assert.All(pages, p => Assert.Equal((HttpStatusCode.NotFound, missing.Text), (p.Status, p.Text)));
        Assert.Equal(answers, await app.QueryAsync(db => db.Answers.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/r/{TokenOf(first)}/1")).Status);
    }

    [Fact]
    public async Task ResumeForm_IssuesANewToken_AndBothDevicesKeepWorking()
    {
        // Arrange: page 1 answered on the first device.
        using var phone = app.CreateFormClient();
        var first = await StartAsync(phone);
        var phoneToken = TokenOf(first);
        var code = ResumeCodeOn(first);
        await phone.SubmitAsync(first, "page", Citizen.ForPage(first));
        using var laptop = app.CreateFormClient();

        // Act: the laptop resumes with the code and answers page 2.
        var form = await laptop.GetAsync("/resume");
        var resumed = await laptop.SubmitAsync(form, "resume", [KeyValuePair.Create("code", code)]);
        var laptopToken = TokenOf(resumed);
        var page3 = await laptop.SubmitAsync(resumed, "page", Citizen.ForPage(resumed));
        var phoneAgain = await phone.GetAsync($"/r/{phoneToken}");
        var laptopEntry = await laptop.GetAsync("/s/coproduction/citizen");

        // Assert
        Assert.Equal($"/r/{laptopToken}/2", resumed.Path);
        Assert.NotEqual(phoneToken, laptopToken);
        Assert.Equal($"/r/{laptopToken}/3", page3.Path);
        Assert.Equal($"/r/{phoneToken}/3", phoneAgain.Path);
        Assert.Equal(code, ResumeCodeOn(phoneAgain));
        Assert.Equal($"/r/{laptopToken}", laptopEntry.Document.QuerySelector("a.btn[href^='/r/']")!.GetAttribute("href"));
        var hashes = await app.QueryAsync(db => db.ResponseAccessTokens.Select(t => t.TokenHash).ToListAsync());
        Assert.Contains(AccessTokens.Hash(phoneToken), hashes);
        Assert.Contains(AccessTokens.Hash(laptopToken), hashes);
        Assert.DoesNotContain(hashes, h => h.Contains(phoneToken, StringComparison.Ordinal) || h.Contains(laptopToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResumeForm_AnswersWithARedirectAndTheTokenCookie_AndAcceptsALegacyCode()
    {
        // Arrange
        var legacyCode = await AddLegacyResponseAsync();
        using var client = NonRedirectingClient();
        var form = await client.GetAsync("/resume");

        // Act
        var answer = await client.SubmitAsync(form, "resume", [KeyValuePair.Create("code", legacyCode.ToLowerInvariant())]);

        // Assert
        Assert.True(answer.Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, answer.Status.ToString());
        var match = Regex.Match(new Uri(answer.Address, answer.Location!).AbsolutePath, "^/r/([A-Za-z0-9_-]{22})$");
        Assert.True(match.Success, answer.Location!.ToString());
        var token = match.Groups[1].Value;
        Assert.Contains($"coprosurvey-coproduction-citizen={token};", answer.SetCookies!.Single(c => c.StartsWith("coprosurvey-", StringComparison.Ordinal)));
        Assert.DoesNotContain(answer.SetCookies!, c => c.Contains(legacyCode, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ResumePage_ShowsTheEmptyForm_AndIgnoresACodeInTheQuery()
    {
        using var client = app.CreateFormClient();
        var code = ResumeCodeOn(await StartAsync(client));
        using var other = app.CreateFormClient();
        var tokensBefore = await app.QueryAsync(db => db.ResponseAccessTokens.CountAsync());

        var page = await other.GetAsync($"/resume?code={code}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.EndsWith("/resume", page.Path);
        Assert.Equal("", page.Form("resume").QuerySelector("input[name=code]")!.GetAttribute("value") ?? "");
        Assert.Null(page.Document.QuerySelector("#resume-code-error"));
        Assert.Equal(tokensBefore, await app.QueryAsync(db => db.ResponseAccessTokens.CountAsync()));
    }

    [Fact]
    public async Task ResumeForm_ShowsOneMessage_ForAWrongOrMalformedCode()
    {
        using var client = app.CreateFormClient();
        var form = await client.GetAsync("/resume");

        var wrong = await client.SubmitAsync(form, "resume", [KeyValuePair.Create("code", "ZZZZZ-ZZZZZ")]);
        var malformed = await client.SubmitAsync(form, "resume", [KeyValuePair.Create("code", "<script>")]);

        Assert.All([wrong, malformed], p => Assert.Equal(
            (HttpStatusCode.OK, "/resume", ResponseService.UnknownCodeMessage),
            (p.Status, p.Path, p.Document.QuerySelector("#resume-code-error")!.TextContent.Replace("Error: ", ""))));
    }

    /// <summary>A response as it was stored before codes grew to ten characters: an eight-character code and no token.</summary>
    private async Task<string> AddLegacyResponseAsync()
    {
        string code;
        do
        {
            code = ResumeCodes.NewCode()[..ResumeCodes.LegacyLength];
        }
        while (!ResumeCodes.IsNormalized(code));

        await app.QueryAsync(async db =>
        {
            var version = await db.InstrumentVersions.SingleAsync(v => v.Audience == Audience.Citizen && v.IsCurrent);
            db.Responses.Add(Response.Start(
                version.StudyId, version.Id, version.Sha256, Audience.Citizen, code, new RespondentContext("BE", "health", null), DateTimeOffset.UtcNow, null));
            return await db.SaveChangesAsync();
        });
        return code;
    }

    private HtmlFormClient NonRedirectingClient() =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
