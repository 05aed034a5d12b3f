using System.Net;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;
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
        Assert.Equal(ShippedConsent().Version, version);
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

    [Fact]
    public async Task EntryPage_ShowsTheConsentTheStudyFileDefines()
    {
        var consent = ShippedConsent();
        using var client = app.CreateFormClient();

        var page = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");

        var section = page.Document.QuerySelector("section.consent")!;
        var wording = consent.WordingFor("en");
        Assert.All(
            new[] { wording.Purpose, wording.WhatIsAsked, wording.Voluntary, wording.Withdrawal, wording.DataUse, consent.Controller, consent.EthicsReference, consent.Version },
            text => Assert.Contains(text, section.TextContent));
        Assert.Equal($"mailto:{consent.ContactEmail}", section.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        Assert.Contains("Article 6(1)(e) GDPR", section.TextContent);
        Assert.Contains($"kept for {consent.RetentionYears} years", section.TextContent);
        Assert.Equal(consent.Version, section.GetAttribute("data-consent-version"));
        var age = page.Document.QuerySelector("fieldset.consent-age")!;
        Assert.Contains($"Are you {consent.MinimumAge} or older?", age.QuerySelector("legend")!.TextContent);
        Assert.Equal(["yes", "no"], age.QuerySelectorAll("input[type=radio][name=age]").Select(i => i.GetAttribute("value")));
        Assert.All(age.QuerySelectorAll("input[type=radio]"), i => Assert.Null(i.GetAttribute("checked")));
    }

    [Fact]
    public async Task EntryPage_EndsPolitelyAndStoresNothing_WhenTheRespondentIsYoungerThanTheMinimumAge()
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");
        var before = await CountsAsync();

        var page = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("age", "no"), KeyValuePair.Create("choice", "agree")]);

        Assert.Equal((HttpStatusCode.OK, "/s/coproduction/citizen/age"), (page.Status, page.Path));
        Assert.Equal("Thank you for your interest", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"aged {ShippedConsent().MinimumAge} or older", page.Text);
        Assert.Contains("Nothing you entered was stored.", page.Text);
        Assert.Equal(before, await CountsAsync()); // not even a decline is counted
    }

    [Fact]
    public async Task BelowMinimumAgePage_IsInTheLanguageTheEntryPageWasShownIn()
    {
        using var client = app.CreateFormClient();
        client.Headers.AcceptLanguage.ParseAdd("fr");
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health&lang=nl");

        var page = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("age", "no"), KeyValuePair.Create("choice", "agree")]);

        Assert.Equal((HttpStatusCode.OK, "/s/coproduction/citizen/age", "nl"), (page.Status, page.Path, page.Document.DocumentElement.GetAttribute("lang")));
        Assert.Equal("Bedankt voor uw interesse", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"mensen van {ShippedConsent().MinimumAge} jaar of ouder", page.Text);
        Assert.Contains("Niets van wat u hebt ingevuld, is opgeslagen.", page.Text);
    }

    [Fact]
    public async Task EntryPage_AsksForTheAgeAndStoresNothing_WhenAgreeComesWithoutIt()
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");
        var before = await CountsAsync();

        var page = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("choice", "agree")]);

        Assert.Equal((HttpStatusCode.OK, "/s/coproduction/citizen"), (page.Status, page.Path));
        var link = page.Document.QuerySelector(".error-summary a")!;
        Assert.EndsWith("#q-age-yes", link.GetAttribute("href"));
        Assert.Equal("Please confirm that you are 18 or older.", link.TextContent.Trim());
        var age = page.Document.QuerySelector("fieldset.consent-age.has-error")!;
        Assert.Equal("age-error", age.GetAttribute("aria-describedby"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task BelowMinimumAgePage_Answers404_ForAnUnknownStudy()
    {
        using var client = app.CreateFormClient();

        var page = await client.GetAsync("/s/no-such-study/citizen/age");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    private static StudyConsent ShippedConsent() =>
        StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json")).Study!.Consent!;

    private Task<(int Responses, int Declines)> CountsAsync() =>
        app.QueryAsync(async db => (await db.Responses.CountAsync(), await db.ConsentDeclines.CountAsync()));
}
