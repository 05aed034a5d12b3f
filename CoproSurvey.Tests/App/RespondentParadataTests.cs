using System.Globalization;
using System.Net;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static CoproSurvey.Tests.App.SurveyFlowTests;

namespace CoproSurvey.Tests.App;

/// <summary>"Shown" page events over HTTP: stored with the accepted post of the page, at the time its form was displayed; a view writes nothing.</summary>
public sealed class RespondentParadataTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);

    [Fact]
    public async Task QuestionnairePage_WritesNothingOnAView_AndStoresWhenThePageWasShownWithItsAcceptedPost()
    {
        // Arrange: the start redirect displayed page 1 once.
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var token = TokenOf(first);
        var shownAt = long.Parse(first.Form("page").QuerySelector("input[name=_shown]")!.GetAttribute("value")!, CultureInfo.InvariantCulture);

        // Act
        await client.GetAsync($"/r/{token}/1");
        var afterGets = await ShownAsync(token);
        var rejected = await client.SubmitAsync(first, "page", Citizen.ForPage(first).Where(f => f.Key != "c_sat"));
        var afterRejectedPost = await ShownAsync(token);
        var second = await client.SubmitAsync(rejected, "page", Citizen.ForPage(first));
        var afterAcceptedPost = await ShownAsync(token);

        // Assert: the page shown again after the refused post still carries when it was first shown.
        Assert.NotEmpty(rejected.Document.QuerySelectorAll(".error-summary li"));
        Assert.EndsWith("/2", second.Path);
        Assert.Empty(afterGets);
        Assert.Empty(afterRejectedPost);
        var shown = Assert.Single(afterAcceptedPost);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(shownAt), shown);
    }

    [Fact]
    public async Task QuestionnairePage_RecordsNoShown_ForRedirects()
    {
        // Arrange
        using var client = app.CreateFormClient();
        var token = TokenOf(await StartAsync(client));
        using var raw = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var before = await ShownAsync(token);

        // Act: the response address and a page ahead both redirect to page 1.
        using var toNext = await raw.GetAsync($"/r/{token}");
        using var ahead = await raw.GetAsync($"/r/{token}/5");
        using var notYetDone = await raw.GetAsync($"/r/{token}/done");
        using var pageZero = await raw.GetAsync($"/r/{token}/0");

        // Assert
        Assert.All([toNext, ahead, notYetDone, pageZero], r => Assert.True((int)r.StatusCode is >= 300 and < 400, r.StatusCode.ToString()));
        Assert.Equal(before, await ShownAsync(token));
    }

    [Fact]
    public async Task QuestionnairePage_RecordsNoShown_ForACompletedResponse()
    {
        // Arrange
        using var client = app.CreateFormClient();
        var page = await StartAsync(client);
        var token = TokenOf(page);
        while (!page.Path.EndsWith("/done", StringComparison.Ordinal))
        {
            page = await client.SubmitAsync(page, "page", Citizen.ForPage(page));
        }

        var before = await ShownAsync(token);
        using var raw = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // Act
        using var pageOne = await raw.GetAsync($"/r/{token}/1");
        var done = await client.GetAsync($"/r/{token}/done");

        // Assert
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.True((int)pageOne.StatusCode is >= 300 and < 400, pageOne.StatusCode.ToString());
        Assert.Equal(before, await ShownAsync(token));
    }

    private Task<List<DateTimeOffset>> ShownAsync(string token) =>
        app.QueryAsync(async db =>
        {
            var hash = AccessTokens.Hash(token);
            var responseId = await db.ResponseAccessTokens.Where(t => t.TokenHash == hash).Select(t => t.ResponseId).SingleAsync();
            return await db.PageEvents.Where(e => e.ResponseId == responseId && e.Kind == PageEventKind.Shown).Select(e => e.At).ToListAsync();
        });
}
