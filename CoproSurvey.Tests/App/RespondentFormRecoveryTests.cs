using System.Net;
using CoproSurvey.App.Components.Pages.Survey;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using Microsoft.EntityFrameworkCore;
using static CoproSurvey.Tests.App.SurveyFlowTests;

namespace CoproSurvey.Tests.App;

/// <summary>
/// Posts the framework would refuse outright (an antiforgery token whose cookie is gone, a NUL character): the
/// respondent gets the same styled page back with what they typed, and the next submit saves it.
/// </summary>
public sealed class RespondentFormRecoveryTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);

    [Fact]
    public async Task QuestionnairePage_ReshowsWhatWasTypedAndStoresNothing_WhenTheAntiforgeryCookieIsGone_ThenSavesOnTheNextSubmit()
    {
        // Arrange: page 1 open in a tab; the browser then loses its cookies (restored tab, cleared session).
        using var before = app.CreateFormClient();
        var first = await StartAsync(before);
        var token = TokenOf(first);
        var answers = Citizen.ForPage(first);
        using var restored = app.CreateFormClient();
        var snapshot = await SnapshotAsync(token);

        // Act
        var again = await restored.SubmitAsync(first, "page", answers);
        var afterRejected = await SnapshotAsync(token);
        var next = await restored.SubmitAsync(again, "page", Citizen.ForPage(again));

        // Assert
        Assert.Equal((HttpStatusCode.OK, $"/r/{token}/1"), (again.Status, again.Path));
        Assert.Equal(RespondentPage.ExpiredMessage, again.Document.QuerySelector(".error-summary li")!.TextContent.Trim());
        Assert.NotNull(again.Document.QuerySelector("link[rel=stylesheet]"));
        foreach (var (item, value) in answers)
        {
            Assert.NotNull(again.Document.QuerySelector($"input[name={item}][value='{value}'][checked]"));
        }

        Assert.Equal(snapshot, afterRejected);
        Assert.Equal($"/r/{token}/2", next.Path);
        Assert.Equal(answers.Select(a => a.Key).Distinct().Count(), (await LoadAsync(token)).Answers.Count);
    }

    [Fact]
    public async Task EntryPage_ReshowsTheChoicesAndStartsNothing_WhenTheAntiforgeryCookieIsGone_ThenStartsOnTheNextSubmit()
    {
        // Arrange
        using var before = app.CreateFormClient();
        var entry = await before.GetAsync("/s/coproduction/citizen");
        using var restored = app.CreateFormClient();
        var responses = await app.QueryAsync(db => db.Responses.CountAsync());
        KeyValuePair<string, string>[] fields =
            [KeyValuePair.Create("country", "BE"), KeyValuePair.Create("field", "public-safety"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")];

        // Act
        var again = await restored.SubmitAsync(entry, "consent", fields);
        var afterRejected = await app.QueryAsync(db => db.Responses.CountAsync());
        var started = await restored.SubmitAsync(again, "consent", fields);

        // Assert
        Assert.Equal((HttpStatusCode.OK, "/s/coproduction/citizen"), (again.Status, again.Path));
        Assert.Contains("expired", again.Document.QuerySelector(".error-summary")!.TextContent);
        Assert.NotNull(again.Document.QuerySelector("select[name=country] option[value=BE][selected]"));
        Assert.NotNull(again.Document.QuerySelector("select[name=field] option[value=public-safety][selected]"));
        Assert.Equal(responses, afterRejected);
        Assert.Matches(@"^/r/[A-Za-z0-9_-]{22}/1$", started.Path);
    }

    [Fact]
    public async Task ResumeAndWithdrawForms_ActOnNothing_WhenTheAntiforgeryCookieIsGone()
    {
        // Arrange
        using var client = app.CreateFormClient();
        var code = ResumeCodeOn(await StartAsync(client));
        var resumeForm = await client.GetAsync("/resume");
        var withdrawForm = await client.GetAsync("/withdraw");
        using var restored = app.CreateFormClient();
        var counts = await CountsAsync();

        // Act
        var resumed = await restored.SubmitAsync(resumeForm, "resume", [KeyValuePair.Create("code", code)]);
        var withdrawn = await restored.SubmitAsync(withdrawForm, "withdraw", [KeyValuePair.Create("code", code), KeyValuePair.Create("confirm", "yes")]);

        // Assert
        Assert.Equal((HttpStatusCode.OK, "/resume"), (resumed.Status, resumed.Path));
        Assert.Contains("expired", resumed.Document.QuerySelector("#resume-code-error")!.TextContent);
        Assert.Equal((HttpStatusCode.OK, "/withdraw"), (withdrawn.Status, withdrawn.Path));
        Assert.Contains("expired", withdrawn.Document.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task QuestionnairePage_GivesAFieldErrorAndKeepsTheOtherAnswers_ForANulCharacterInATextField()
    {
        // Arrange: the first page with a text field.
        using var client = app.CreateFormClient();
        var page = await StartAsync(client);
        var token = TokenOf(page);
        while (page.Form("page").QuerySelector("textarea, input[type=text]") is null)
        {
            page = await client.SubmitAsync(page, "page", Citizen.ForPage(page));
        }

        var textItem = page.Form("page").QuerySelector("textarea, input[type=text]")!.GetAttribute("name")!;
        var fields = Citizen.ForPage(page).Where(f => f.Key != textItem).Append(KeyValuePair.Create(textItem, "before\0after")).ToList();
        var snapshot = await SnapshotAsync(token);

        // Act
        var rejected = await client.SubmitAsync(page, "page", fields);
        var afterRejected = await SnapshotAsync(token);
        var next = await client.SubmitAsync(rejected, "page", Citizen.ForPage(rejected));

        // Assert
        Assert.Equal((HttpStatusCode.OK, page.Path), (rejected.Status, rejected.Path));
        Assert.NotNull(rejected.Document.QuerySelector($"#err-{textItem}"));
        var kept = fields.First(f => f.Key != textItem && rejected.Document.QuerySelector($"input[name={f.Key}][type=radio]") is not null);
        Assert.NotNull(rejected.Document.QuerySelector($"input[name={kept.Key}][value='{kept.Value}'][checked]"));
        Assert.Equal(snapshot, afterRejected);
        Assert.NotEqual(page.Path, next.Path);
    }

    private Task<Response> LoadAsync(string token) => app.QueryAsync(db => Core.Responses.SurveyHarness.LoadAsync(db, token));

    private async Task<string> SnapshotAsync(string token)
    {
        var response = await LoadAsync(token);
        var events = await app.QueryAsync(db => db.PageEvents.CountAsync(e => e.ResponseId == response.Id));
        return $"{response.LastPage}|{events}|{string.Join(",", response.Answers.OrderBy(a => a.ItemCode).Select(a => $"{a.ItemCode}={a.Value}"))}";
    }

    private Task<(int Responses, int Tokens)> CountsAsync() =>
        app.QueryAsync(async db => (await db.Responses.CountAsync(), await db.ResponseAccessTokens.CountAsync()));
}
