using System.Net;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using Microsoft.EntityFrameworkCore;
using static CoproSurvey.Tests.App.SurveyFlowTests;

namespace CoproSurvey.Tests.App;

/// <summary>Withdrawal over HTTP: with the resume code at /withdraw, or from within the questionnaire.</summary>
public sealed class RespondentWithdrawalTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);

    [Fact]
    public async Task WithdrawWithCode_DeletesTheResponseAndEverythingOfIt_AndLogsOneRowWithoutContent()
    {
        // Arrange: a response with answers, paradata and two tokens, and another response that must stay.
        using var phone = app.CreateFormClient();
        var first = await StartAsync(phone);
        var (token, code) = (TokenOf(first), ResumeCodeOn(first));
        await phone.SubmitAsync(first, "page", Citizen.ForPage(first));
        using var laptop = app.CreateFormClient();
        await laptop.SubmitAsync(await laptop.GetAsync("/resume"), "resume", [KeyValuePair.Create("code", code)]);
        using var neighbour = app.CreateFormClient();
        var neighbourFirst = await StartAsync(neighbour);
        await neighbour.SubmitAsync(neighbourFirst, "page", Citizen.ForPage(neighbourFirst));
        var responseId = await ResponseIdAsync(token);
        var auditBefore = await app.QueryAsync(db => db.AuditEvents.CountAsync());

        // Act
        var form = await laptop.GetAsync("/withdraw");
        var done = await laptop.SubmitAsync(form, "withdraw", [KeyValuePair.Create("code", code.ToLowerInvariant()), KeyValuePair.Create("confirm", "yes")]);

        // Assert
        Assert.Equal((HttpStatusCode.OK, "/withdrawn"), (done.Status, done.Path));
        Assert.Contains("Your answers have been deleted", done.Text);
        Assert.Equal((0, 0, 0, 0), await app.QueryAsync(async db => (
            await db.Responses.CountAsync(r => r.Id == responseId),
            await db.Answers.CountAsync(a => a.ResponseId == responseId),
            await db.PageEvents.CountAsync(e => e.ResponseId == responseId),
            await db.ResponseAccessTokens.CountAsync(t => t.ResponseId == responseId))));
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/r/{token}/1")).Status);
        Assert.NotEmpty((await LoadNeighbourAsync(TokenOf(neighbourFirst))).Answers);
        await AssertOneContentFreeAuditRowAsync(auditBefore, code, token);
    }

    [Fact]
    public async Task WithdrawFromTheQuestionnaire_DeletesTheResponse_AfterConfirmation()
    {
        // Arrange
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var (token, code) = (TokenOf(first), ResumeCodeOn(first));
        var second = await client.SubmitAsync(first, "page", Citizen.ForPage(first));
        var responseId = await ResponseIdAsync(token);
        var auditBefore = await app.QueryAsync(db => db.AuditEvents.CountAsync());

        // Act
        var confirm = await client.GetAsync(second.Document.QuerySelector($"a[href='/r/{token}/withdraw']")!.GetAttribute("href")!);
        var stillThere = await app.QueryAsync(db => db.Responses.CountAsync(r => r.Id == responseId));
        var done = await client.SubmitAsync(confirm, "withdraw-response", []);
        var entry = await client.GetAsync("/s/coproduction/citizen");

        // Assert
        Assert.Equal(1, stillThere);
        Assert.Equal("/withdrawn", done.Path);
        Assert.Equal(0, await app.QueryAsync(db => db.Responses.CountAsync(r => r.Id == responseId)));
        Assert.Equal(0, await app.QueryAsync(db => db.Answers.CountAsync(a => a.ResponseId == responseId)));
        Assert.DoesNotContain("Continue where you left off", entry.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/r/{token}/withdraw")).Status);
        await AssertOneContentFreeAuditRowAsync(auditBefore, code, token);
    }

    [Fact]
    public async Task DonePage_LinksToWithdrawal_AndShowsTheResumeCode()
    {
        using var client = app.CreateFormClient();
        var page = await StartAsync(client);
        var (token, code) = (TokenOf(page), ResumeCodeOn(page));
        while (!page.Path.EndsWith("/done", StringComparison.Ordinal))
        {
            page = await client.SubmitAsync(page, "page", Citizen.ForPage(page));
        }

        Assert.NotNull(page.Document.QuerySelector($"a[href='/r/{token}/withdraw']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/withdraw']"));
        Assert.Contains(code, page.Text);
    }

    [Fact]
    public async Task WithdrawWithCode_DeletesNothing_WithoutConfirmationOrWithAWrongCode()
    {
        // Arrange
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var code = ResumeCodeOn(first);
        var responses = await app.QueryAsync(db => db.Responses.CountAsync());
        var form = await client.GetAsync("/withdraw");

        // Act
        var unconfirmed = await client.SubmitAsync(form, "withdraw", [KeyValuePair.Create("code", code)]);
        var wrong = await client.SubmitAsync(form, "withdraw", [KeyValuePair.Create("code", "ZZZZZ-ZZZZZ"), KeyValuePair.Create("confirm", "yes")]);
        var garbage = await client.SubmitAsync(form, "withdraw", [KeyValuePair.Create("code", "' or 1=1 --"), KeyValuePair.Create("confirm", "yes")]);

        // Assert
        Assert.Equal((HttpStatusCode.OK, "/withdraw"), (unconfirmed.Status, unconfirmed.Path));
        Assert.NotNull(unconfirmed.Document.QuerySelector("#withdraw-confirm-error"));
        Assert.Equal(code, unconfirmed.Document.QuerySelector("input[name=code]")!.GetAttribute("value"));
        Assert.All([wrong, garbage], p => Assert.Equal(
            (HttpStatusCode.OK, "/withdraw", ResponseService.UnknownCodeMessage),
            (p.Status, p.Path, p.Document.QuerySelector("#withdraw-code-error")!.TextContent.Replace("Error: ", ""))));
        Assert.Equal(responses, await app.QueryAsync(db => db.Responses.CountAsync()));
    }

    private async Task AssertOneContentFreeAuditRowAsync(int before, string code, string token)
    {
        var rows = await app.QueryAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).Skip(before).ToListAsync());
        var row = Assert.Single(rows);
        var studyId = await app.QueryAsync(db => db.Studies.Where(s => s.Key == "coproduction").Select(s => s.Id).SingleAsync());
        Assert.Equal(
            (AuditActions.ResponseWithdrawn, "respondent", (string?)null, (int?)studyId, (string?)null, (string?)"citizen response withdrawn"),
            (row.Action, row.Actor, row.ActorId, row.StudyId, row.Subject, row.Detail));
        var everything = $"{row.Action}|{row.Actor}|{row.Subject}|{row.Detail}";
        Assert.DoesNotContain(code.Replace("-", ""), everything.Replace("-", ""), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Citizen.StoredValue("c_sat"), everything, StringComparison.Ordinal);
    }

    private Task<int> ResponseIdAsync(string token) =>
        app.QueryAsync(db =>
        {
            var hash = AccessTokens.Hash(token);
            return db.ResponseAccessTokens.Where(t => t.TokenHash == hash).Select(t => t.ResponseId).SingleAsync();
        });

    private Task<Response> LoadNeighbourAsync(string token) => app.QueryAsync(db => Core.Responses.SurveyHarness.LoadAsync(db, token));
}
