using System.Net;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Core.Responses;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App;

/// <summary>
/// The respondent flow over HTTP, through the real forms, antiforgery and redirects, on SQLite;
/// <see cref="SurveyFlowPostgresTests"/> runs every test again with the app on PostgreSQL.
/// </summary>
public class SurveyFlowTests : IClassFixture<SurveyAppFactory>
{
    private readonly SurveyAppFactory app;

    public SurveyFlowTests(SurveyAppFactory app)
    {
        app.SkipUnlessAvailable();
        this.app = app;
    }

    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);

    [SkippableTheory]
    [InlineData(Audience.Citizen)]
    [InlineData(Audience.Professional)]
    public async Task Questionnaire_IsCompletedAndStored_WhenEveryPageIsAnsweredThroughTheForms(Audience audience)
    {
        var answers = audience == Audience.Citizen ? Citizen : ValidAnswers.ForShippedInstrument(audience);
        using var client = app.CreateFormClient();
        var page = await StartAsync(client, "?unit=GENT-01", audience);
        var token = TokenOf(page);
        var posted = new Dictionary<string, string>();
        var visited = new List<string>();

        for (var guard = 0; !page.Path.EndsWith("/done", StringComparison.Ordinal) && guard < 30; guard++)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Empty(page.Document.QuerySelectorAll(".error-summary"));
            visited.Add(page.Path);
            foreach (var item in ValidAnswers.ItemCodesOn(page))
            {
                posted[item] = answers.StoredValue(item);
            }

            page = await client.SubmitAsync(page, "page", answers.ForPage(page));
        }

        Assert.EndsWith($"/r/{token}/done", page.Path);
        Assert.Contains("Thank you for taking part", page.Text);
        Assert.Equal(Enumerable.Range(1, visited.Count), visited.Select(p => int.Parse(p.Split('/')[^1])));
        Assert.Equal(answers.Instrument.Sections.Count, visited.Count); // ticking health, education and care shows the citizens' conditional page
        var response = await LoadAsync(token);
        Assert.NotNull(response.CompletedAt);
        Assert.Equal("BE", response.Country);
        Assert.Equal("public-safety", response.PolicyField);
        Assert.Equal("GENT-01", response.ServiceUnit);
        Assert.Equal(
            posted.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            response.Answers.Select(a => KeyValuePair.Create(a.ItemCode, a.Value!)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
        Assert.DoesNotContain(response.Answers, a => a.DontKnow);
        Assert.Equal(audience, response.Audience);
        var submitted = await app.QueryAsync(db => db.PageEvents.CountAsync(e => e.ResponseId == response.Id && e.Kind == PageEventKind.Submitted));
        var shown = await app.QueryAsync(db => db.PageEvents.CountAsync(e => e.ResponseId == response.Id && e.Kind == PageEventKind.Shown));
        Assert.Equal(visited.Count, submitted);
        Assert.Equal(visited.Count, shown); // one display per page: the posts and redirects record nothing
    }

    [SkippableFact]
    public async Task QuestionnairePage_RedirectsCompletedResponseToThankYou_WhenPageRequestedAgain()
    {
        using var client = app.CreateFormClient();
        var page = await StartAsync(client);
        var token = TokenOf(page);
        while (!page.Path.EndsWith("/done", StringComparison.Ordinal))
        {
            page = await client.SubmitAsync(page, "page", Citizen.ForPage(page));
        }

        var again = await client.GetAsync($"/r/{token}/1");
        var resumed = await client.GetAsync($"/r/{token}");

        Assert.EndsWith("/done", again.Path);
        Assert.EndsWith("/done", resumed.Path);
    }

    [SkippableFact]
    public async Task QuestionnairePage_RejectsTamperedPostsAndStoresNothing_WhenValuesAreInvalid()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var token = TokenOf(first);
        var valid = Citizen.ForPage(first);
        var before = await SnapshotAsync(token);

        var unknownOption = await client.SubmitAsync(first, "page", Replace(valid, "c_sat", "9"));
        var otherPageField = await client.SubmitAsync(first, "page", [.. valid, KeyValuePair.Create("c_hours", "12")]);
        var unknownField = await client.SubmitAsync(first, "page", [.. valid, KeyValuePair.Create("not_an_item", "1")]);
        var pageAhead = await client.SubmitAsync(first, "page", valid, to: $"/r/{token}/4");

        Assert.Equal(HttpStatusCode.OK, unknownOption.Status);
        Assert.Contains("c_sat", unknownOption.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("true", unknownOption.Document.QuerySelector("input[name=c_sat]")!.GetAttribute("aria-invalid"));
        Assert.NotEmpty(otherPageField.Document.QuerySelectorAll(".error-summary li"));
        Assert.NotEmpty(unknownField.Document.QuerySelectorAll(".error-summary li"));
        Assert.EndsWith($"/r/{token}/1", pageAhead.Path);
        Assert.Equal(before, await SnapshotAsync(token));
    }

    [SkippableFact]
    public async Task QuestionnairePage_KeepsPostedValuesAndLinksErrors_WhenRequiredAnswerMissing()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var token = TokenOf(first);
        var partial = Citizen.ForPage(first).Where(f => f.Key != "c_sat").ToList();

        var rejected = await client.SubmitAsync(first, "page", partial);

        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.EndsWith($"/r/{token}/1", rejected.Path);
        var summary = rejected.Document.QuerySelector(".error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal($"/r/{token}/1#q-c_sat-1", summary.QuerySelector("a")!.GetAttribute("href"));
        var errorId = rejected.Document.QuerySelector("fieldset.question-likert .question-error")!.Id!;
        Assert.Contains(errorId, rejected.Document.QuerySelector("input[name=c_sat]")!.GetAttribute("aria-describedby"));
        var kept = partial.First(f => f.Key == "c_reach_info");
        Assert.NotNull(rejected.Document.QuerySelector($"input[name={kept.Key}][value='{kept.Value}'][checked]"));
        Assert.Empty((await LoadAsync(token)).Answers);
    }

    [SkippableFact]
    public async Task QuestionnairePage_RejectsOutOfRangeNumberAndStoresNothing_OnLastPage()
    {
        using var client = app.CreateFormClient();
        var page = await StartAsync(client);
        var token = TokenOf(page);
        while (!ValidAnswers.ItemCodesOn(page).Contains("c_hours"))
        {
            page = await client.SubmitAsync(page, "page", Citizen.ForPage(page));
        }

        var before = await SnapshotAsync(token);

        var rejected = await client.SubmitAsync(page, "page", Replace(Citizen.ForPage(page), "c_hours", "500"));

        Assert.Equal(page.Path, rejected.Path);
        Assert.Equal("500", rejected.Document.QuerySelector("input[name=c_hours]")!.GetAttribute("value"));
        Assert.NotNull(rejected.Document.QuerySelector("#err-c_hours"));
        Assert.Equal(before, await SnapshotAsync(token));
        Assert.Null((await LoadAsync(token)).CompletedAt);
    }

    [SkippableFact]
    public async Task QuestionnairePage_StoresOnceAndRedirectsBothTimes_WhenSamePageIsPostedTwice()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var token = TokenOf(first);
        var answers = Citizen.ForPage(first);

        var once = await client.SubmitAsync(first, "page", answers);
        var snapshot = await SnapshotAsync(token);
        var twice = await client.SubmitAsync(first, "page", answers);

        Assert.EndsWith($"/r/{token}/2", once.Path);
        Assert.EndsWith($"/r/{token}/2", twice.Path);
        var answerPart = snapshot[snapshot.IndexOf("answers=", StringComparison.Ordinal)..];
        Assert.EndsWith(answerPart, await SnapshotAsync(token));
        Assert.Equal(ValidAnswers.ItemCodesOn(first).Count, (await LoadAsync(token)).Answers.Count);
    }

    [SkippableFact]
    public async Task QuestionnairePage_RedirectsToNextPage_WhenRespondentSkipsAhead()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var token = TokenOf(first);

        var ahead = await client.GetAsync($"/r/{token}/5");

        Assert.EndsWith($"/r/{token}/1", ahead.Path);
    }

    [SkippableFact]
    public async Task EntryPage_OffersToContinue_WhenResumeCookieHoldsAnUnfinishedResponse()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var token = TokenOf(first);
        await client.SubmitAsync(first, "page", Citizen.ForPage(first));

        var entry = await client.GetAsync("/s/coproduction/citizen");
        var resumed = await client.GetAsync(entry.Document.QuerySelector("a.btn[href^='/r/']")!.GetAttribute("href")!);

        Assert.Contains("Continue where you left off", entry.Text);
        Assert.EndsWith($"/r/{token}/2", resumed.Path);
    }

    [SkippableFact]
    public async Task EntryPage_StoresOnlyACountedDecline_WhenConsentRefused()
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/professional?country=NL");
        var declinesBefore = await app.QueryAsync(db => db.ConsentDeclines.CountAsync());
        var responsesBefore = await app.QueryAsync(db => db.Responses.CountAsync());

        var declined = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("choice", "decline")]);

        Assert.EndsWith("/s/coproduction/professional/declined", declined.Path);
        Assert.Equal(declinesBefore + 1, await app.QueryAsync(db => db.ConsentDeclines.CountAsync()));
        Assert.Equal(responsesBefore, await app.QueryAsync(db => db.Responses.CountAsync()));
    }

    [SkippableFact]
    public async Task EntryPage_ShowsErrorsAndStartsNothing_WhenContextMissing()
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen");
        var responsesBefore = await app.QueryAsync(db => db.Responses.CountAsync());

        var rejected = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);

        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.EndsWith("/s/coproduction/citizen", rejected.Path);
        Assert.Equal(["/s/coproduction/citizen#country", "/s/coproduction/citizen#field"],
            rejected.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(responsesBefore, await app.QueryAsync(db => db.Responses.CountAsync()));
    }

    [SkippableFact]
    public async Task EntryPage_AsksOnlyForContextTheLinkDoesNotCarry_Always()
    {
        using var client = app.CreateFormClient();

        var withBoth = await client.GetAsync("/s/coproduction/citizen?country=DE&field=health");
        var withCountry = await client.GetAsync("/s/coproduction/citizen?country=DE");
        var withBadCountry = await client.GetAsync("/s/coproduction/citizen?country=XX");

        Assert.Empty(withBoth.Document.QuerySelectorAll("select"));
        Assert.Equal(["field"], withCountry.Document.QuerySelectorAll("select").Select(s => s.Id));
        Assert.Equal(["country", "field"], withBadCountry.Document.QuerySelectorAll("select").Select(s => s.Id));
    }

    [SkippableFact]
    public async Task ResumePage_SendsCodeInAnyCaseWithoutDashToNextPage_WhenCodeKnown()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var code = ResumeCodeOn(first);
        using var otherDevice = app.CreateFormClient();
        var form = await otherDevice.GetAsync("/resume");

        var resumed = await otherDevice.SubmitAsync(form, "resume", [KeyValuePair.Create("code", code.Replace("-", "").ToLowerInvariant())]);
        var unknown = await otherDevice.SubmitAsync(form, "resume", [KeyValuePair.Create("code", "ZZZZZ-ZZZZZ")]);

        Assert.Matches(@"^/r/[A-Za-z0-9_-]{22}/1$", resumed.Path);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.EndsWith("/resume", unknown.Path);
        Assert.Contains("could not find", unknown.Document.QuerySelector("#resume-code-error")!.TextContent);
    }

    [SkippableTheory]
    [InlineData("/s/no-such-study/citizen")]
    [InlineData("/s/coproduction/tourist")]
    [InlineData("/r/ZZZZ-ZZZZ")]
    [InlineData("/r/ZZZZ-ZZZZ/1")]
    [InlineData("/r/ZZZZ-ZZZZ/done")]
    [InlineData("/no/such/page")]
    public async Task UnknownAddress_Returns404WithNotFoundPage(string path)
    {
        using var client = app.CreateFormClient();

        var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text);
    }

    [SkippableTheory]
    [InlineData("nl", "Pagina niet gevonden", "uw vragenlijst hervatten", "Onderzoekers")]
    [InlineData("de", "Seite nicht gefunden", "Ihren Fragebogen fortsetzen", "Forschende")]
    [InlineData("he", "הדף לא נמצא", "להמשיך במילוי השאלון", "חוקרים")]
    public async Task UnknownRespondentAddress_SaysSoInTheBrowsersLanguage_AndTheSameForAResumeCode(string language, string title, string resumeLink, string researchers)
    {
        using var client = app.CreateFormClient();
        client.Headers.AcceptLanguage.ParseAdd(language);
        var code = ResumeCodeOn(await StartAsync(client));

        var unknown = await client.GetAsync("/r/ZZZZZ-ZZZZZ");
        var resumeCode = await client.GetAsync($"/r/{code}");

        Assert.Equal((HttpStatusCode.NotFound, language, title), (unknown.Status, unknown.Document.DocumentElement.GetAttribute("lang"), unknown.Document.QuerySelector("h1")!.TextContent));
        Assert.Equal(resumeLink, unknown.Document.QuerySelector("main a[href='/resume']")!.TextContent);
        Assert.Equal(researchers, unknown.Document.QuerySelector("header a[href='/research']")!.TextContent);
        Assert.Equal(unknown.Text, resumeCode.Text);
    }

    [Fact]
    public async Task PublicHeader_IsEnglish_OutsideTheRespondentsAddresses_WhateverTheBrowserPrefers()
    {
        using var client = app.CreateFormClient();
        client.Headers.AcceptLanguage.ParseAdd("nl");

        var home = await client.GetAsync("/");

        Assert.Equal("en", home.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Researchers", home.Document.QuerySelector("header a[href='/research']")!.TextContent);
        Assert.Equal("Resume a questionnaire", home.Document.QuerySelector("header a[href='/resume'] .d-sm-inline")!.TextContent);
    }

    [SkippableFact]
    public async Task HomePage_LinksEveryAudienceOfTheOpenStudy_Always()
    {
        using var client = app.CreateFormClient();

        var home = await client.GetAsync("/");

        var links = home.Document.QuerySelectorAll("a[href^='/s/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/s/coproduction/citizen", "/s/coproduction/professional"], links);
        Assert.NotNull(home.Document.QuerySelector("form[action='/resume'] input[name=code]"));
    }

    internal static async Task<HtmlPage> StartAsync(HtmlFormClient client, string query = "", Audience audience = Audience.Citizen)
    {
        var entry = await client.GetAsync($"/s/coproduction/{audience.ToString().ToLowerInvariant()}" + query);
        Assert.Equal(HttpStatusCode.OK, entry.Status);
        var first = await client.SubmitAsync(entry, "consent",
            [KeyValuePair.Create("country", "BE"), KeyValuePair.Create("field", "public-safety"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        Assert.Matches(@"^/r/[A-Za-z0-9_-]{22}/1$", first.Path);
        return first;
    }

    internal static string TokenOf(HtmlPage page) => page.Path.Split('/')[2];

    internal static string ResumeCodeOn(HtmlPage page) => page.Document.QuerySelector(".resume-code-notice .resume-code")!.TextContent.Trim();

    private static List<KeyValuePair<string, string>> Replace(IEnumerable<KeyValuePair<string, string>> fields, string key, string value) =>
        [.. fields.Where(f => f.Key != key), KeyValuePair.Create(key, value)];

    private Task<Response> LoadAsync(string token) => app.QueryAsync(db => SurveyHarness.LoadAsync(db, token));

    /// <summary>Everything a submission could change: progress, completion, answers, paradata of submissions.</summary>
    private async Task<string> SnapshotAsync(string token)
    {
        var response = await LoadAsync(token);
        var submitted = await app.QueryAsync(db => db.PageEvents.CountAsync(e => e.ResponseId == response.Id && e.Kind == PageEventKind.Submitted));
        var answers = string.Join("|", response.Answers.OrderBy(a => a.ItemCode, StringComparer.Ordinal).Select(a => $"{a.ItemCode}={a.Value}/{a.DontKnow}"));
        return $"last={response.LastPage} completed={response.CompletedAt} submitted={submitted} answers={answers}";
    }
}

/// <summary>The same flow with the app on a PostgreSQL database of its own; skipped, saying so, where no server is configured.</summary>
public sealed class SurveyFlowPostgresTests(PostgresSurveyAppFactory app) : SurveyFlowTests(app), IClassFixture<PostgresSurveyAppFactory>;
