using System.Net;
using CoproSurvey.Core.Responses;
using Microsoft.EntityFrameworkCore;
using static CoproSurvey.Tests.App.SurveyFlowTests;

namespace CoproSurvey.Tests.App;

/// <summary>Consent over HTTP: only an explicit agree starts a response, and the consent version goes with it.</summary>
public sealed class RespondentConsentTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("AGREE")]
    [InlineData("agree ")]
    public async Task EntryPage_ReshowsTheConsentFormAndStoresNothing_WhenTheChoiceIsNotAgreeOrDecline(string? choice)
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");
        var before = await CountsAsync();
        IEnumerable<KeyValuePair<string, string>> fields = choice is null ? [] : [KeyValuePair.Create("choice", choice)];

        var page = await client.SubmitAsync(entry, "consent", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.EndsWith("/s/coproduction/citizen", page.Path);
        Assert.Contains("I agree, start", page.Document.QuerySelector(".error-summary")!.TextContent);
        Assert.NotNull(page.Form("consent").QuerySelector("button[name=choice][value=agree]"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task EntryPage_StoresTheConsentVersion_WithTheResponse()
    {
        using var client = app.CreateFormClient();

        var token = TokenOf(await StartAsync(client));

        var version = await app.QueryAsync(async db =>
        {
            var hash = AccessTokens.Hash(token);
            var id = await db.ResponseAccessTokens.Where(t => t.TokenHash == hash).Select(t => t.ResponseId).SingleAsync();
            return await db.Responses.Where(r => r.Id == id).Select(r => r.ConsentVersion).SingleAsync();
        });
        Assert.Equal("2026-11-30.2", version); // the version data/studies/coproduction.json gives
    }

    [Theory]
    [InlineData("/s/no-such-study/citizen")]
    [InlineData("/s/coproduction/tourist")]
    public async Task EntryPage_Answers404AndStoresNothing_ForAPostToAnUnknownStudyOrAudience(string path)
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");
        var missing = await client.GetAsync("/no/such/page");
        var before = await CountsAsync();

        var agree = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")], to: path);
        var decline = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("choice", "decline")], to: path);

        Assert.All([agree, decline], p => Assert.Equal((HttpStatusCode.NotFound, missing.Text), (p.Status, p.Text)));
        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Responses, int Declines)> CountsAsync() =>
        app.QueryAsync(async db => (await db.Responses.CountAsync(), await db.ConsentDeclines.CountAsync()));
}
