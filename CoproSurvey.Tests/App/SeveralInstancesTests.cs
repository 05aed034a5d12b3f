using System.Net;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App;

/// <summary>
/// Two instances of the app on one database, as behind a load balancer without sticky sessions: every respondent
/// page is shown by one instance and posted to the other. This holds because respondent pages are static forms and
/// the Data Protection keys that sign antiforgery tokens live in the shared database.
/// </summary>
public sealed class SeveralInstancesTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Respondent_CompletesTheQuestionnaire_WhenEveryPageIsPostedToTheOtherInstance(DatabaseProvider provider)
    {
        // Arrange: two hosts, each with its own services and key ring cache, one database, one browser's cookies.
        using var first = provider == DatabaseProvider.Postgres ? new PostgresSurveyAppFactory() : new SurveyAppFactory();
        first.SkipUnlessAvailable();
        using var second = first.OnSameDatabase();
        var cookies = new CookieContainer();
        using var onFirst = first.CreateFormClient(cookies);
        using var onSecond = second.CreateFormClient(cookies);
        var answers = ValidAnswers.ForShippedInstrument(Audience.Citizen);

        // Act: the entry page from the first instance, consent posted to the second; then each page posted to the
        // instance that did not show it (the post's redirect is followed on the instance that took the post).
        var entry = await onFirst.GetAsync("/s/coproduction/citizen");
        var page = await onSecond.SubmitAsync(entry, "consent",
            [KeyValuePair.Create("country", "BE"), KeyValuePair.Create("field", "public-safety"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        var token = SurveyFlowTests.TokenOf(page);
        var shownBySecond = true;
        var posts = 0;
        for (; !page.Path.EndsWith("/done", StringComparison.Ordinal) && posts < 30; posts++)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Empty(page.Document.QuerySelectorAll(".error-summary"));
            page = await (shownBySecond ? onFirst : onSecond).SubmitAsync(page, "page", answers.ForPage(page));
            shownBySecond = !shownBySecond;
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.EndsWith($"/r/{token}/done", page.Path);
        Assert.Equal(answers.Instrument.Sections.Count, posts);
        var response = await first.QueryAsync(db => SurveyHarness.LoadAsync(db, token));
        Assert.NotNull(response.CompletedAt);
        Assert.Equal(answers.Instrument.Items.Count(i => response.Answers.Any(a => a.ItemCode == i.Code)), response.Answers.Count);
        Assert.Equal(1, await first.QueryAsync(db => db.DataProtectionKeys.CountAsync())); // one key, made by one instance, used by both
    }
}
