using System.Text.RegularExpressions;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Responses;

public class ResponseServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetEntryAsync_DescribesTheQuestionnaire_ForAnOpenStudy()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();

        // Act
        var entry = await harness.Responses.GetEntryAsync(SurveyHarness.StudyKey, Audience.Citizen, None);

        // Assert
        Assert.NotNull(entry);
        Assert.Equal("Test questionnaire", entry.InstrumentTitle);
        Assert.Equal(["BE", "EE"], entry.Countries.Select(c => c.Code));
        Assert.Equal(3, entry.PageCount); // the service page is hidden until uses_service = yes
    }

    [Fact]
    public async Task GetEntryAsync_ReturnsNull_ForUnknownStudyOrAudienceOrClosedStudy()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        using var closed = await SurveyHarness.CreateAsync(status: StudyStatus.Closed);

        // Act / Assert
        Assert.Null(await harness.Responses.GetEntryAsync("no-such-study", Audience.Citizen, None));
        Assert.Null(await harness.Responses.GetEntryAsync(SurveyHarness.StudyKey, Audience.Professional, None));
        Assert.Null(await closed.Responses.GetEntryAsync(SurveyHarness.StudyKey, Audience.Citizen, None));
    }

    [Fact]
    public async Task StartAsync_ReturnsAFormattedResumeCode_AndStoresTheContext()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();

        // Act
        var result = await harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, SurveyHarness.Context, None);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Matches(new Regex("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$"), result.ResumeCode);
        await using var db = harness.Database.CreateContext();
        var response = await db.Responses.SingleAsync();
        Assert.Equal(result.ResumeCode!.Replace("-", ""), response.ResumeCode);
        Assert.Equal(("BE", "health", "unit-7", "en"), (response.Country, response.PolicyField, response.ServiceUnit, response.Language));
        Assert.Equal(harness.Clock.GetUtcNow(), response.StartedAt);
        Assert.Equal(TestInstrument.Citizen.Sha256, response.InstrumentSha256);
        Assert.False(response.IsSimulated);
    }

    [Fact]
    public async Task StartAsync_GivesDistinctCodes_ForManyRespondents()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();

        // Act
        var codes = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            codes.Add(await harness.StartAsync());
        }

        // Assert
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.DoesNotMatch("[01OIL]", c.Replace("-", "")));
    }

    [Fact]
    public async Task StartAsync_NamesEachBadField_AndStoresNothing()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var context = new RespondentContext("FR", null, "unit 7; drop", "en");

        // Act
        var result = await harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, context, None);

        // Assert
        Assert.Null(result.ResumeCode);
        Assert.Equal(["Country", "PolicyField", "ServiceUnit"], result.Errors.Select(e => e.ItemCode));
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task StartAsync_RefusesWithAPageError_WhenTheStudyIsClosed()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(status: StudyStatus.Closed);

        // Act
        var result = await harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, SurveyHarness.Context, None);

        // Assert
        Assert.Equal([new FieldError(null, ResponseService.NotOpenMessage)], result.Errors);
    }

    [Fact]
    public async Task DeclineAsync_CountsTheDecline_WithoutStartingAResponse()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        harness.Clock.Advance(TimeSpan.FromHours(5));

        // Act
        await harness.Responses.DeclineAsync(SurveyHarness.StudyKey, Audience.Citizen, new RespondentContext("EE", "nonsense", "unit-9"), None);

        // Assert
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.Responses.CountAsync());
        var decline = await db.ConsentDeclines.SingleAsync();
        Assert.Equal(("EE", (string?)null, Audience.Citizen), (decline.Country, decline.PolicyField, decline.Audience));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), decline.At);
    }

    [Fact]
    public async Task GetStateAsync_AcceptsTheCode_InAnyCaseWithOrWithoutDash()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();

        // Act
        var variants = new[] { code, code.ToLowerInvariant(), code.Replace("-", ""), $" {code.Replace("-", "").ToLowerInvariant()} " };
        var states = await Task.WhenAll(variants.Select(v => harness.Responses.GetStateAsync(v, None)));

        // Assert
        Assert.All(states, s => Assert.Equal(new ResponseState(code, SurveyHarness.StudyKey, Audience.Citizen, false, 1, 3), s));
        Assert.Null(await harness.Responses.GetStateAsync("ABCD-EFG", None));
        Assert.Null(await harness.Responses.GetStateAsync("AAAA-AAAA", None));
    }

    [Fact]
    public async Task SubmitPageAsync_SkipsTheConditionalPage_WhenItsConditionIsFalse()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();

        // Act
        var result = await harness.SubmitOkAsync(code, 1, ("age", "34"), ("uses_service", "no"));
        var page2 = await harness.Responses.GetPageAsync(code, 2, None);

        // Assert
        Assert.Equal(2, result.NextPage);
        Assert.NotNull(page2);
        Assert.Equal("views", page2.Section.Code);
        Assert.Equal(3, page2.PageCount);
        Assert.Equal(["satisfaction", "hours", "comment"], page2.Questions.Select(q => q.Code)); // followup needs age > 60
    }

    [Fact]
    public async Task SubmitPageAsync_ShowsTheConditionalPage_WhenItsConditionIsTrue()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();

        // Act
        await harness.SubmitOkAsync(code, 1, ("age", "70"), ("uses_service", "yes"));
        var page2 = await harness.Responses.GetPageAsync(code, 2, None);
        await harness.SubmitOkAsync(code, 2, ("trust_staff", "5"), ("trust_info", "dk"));
        var page3 = await harness.Responses.GetPageAsync(code, 3, None);

        // Assert
        Assert.Equal(("service", 4), (page2!.Section.Code, page2.PageCount));
        Assert.Contains(page3!.Questions, q => q.Code == "followup");
        Assert.Equal(new AnswerValue("trust_info", null, true), page3.Answers["trust_info"]);
    }

    [Fact]
    public async Task SubmitPageAsync_RemovesAnswersThatNoLongerApply_WhenGoingBackAndChangingAnAnswer()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();
        await harness.SubmitOkAsync(code, 1, ("age", "70"), ("uses_service", "yes"));
        await harness.SubmitOkAsync(code, 2, ("trust_staff", "5"), ("trust_info", "4"), ("channels", "web"));
        await harness.SubmitOkAsync(code, 3, ("satisfaction", "2"), ("followup", "call me"));

        // Act: back to page 1, now not using the service and younger.
        var result = await harness.SubmitOkAsync(code, 1, ("age", "40"), ("uses_service", "no"));

        // Assert
        var state = await harness.Responses.GetStateAsync(code, None);
        var page = await harness.Responses.GetPageAsync(code, 2, None);
        Assert.Equal(2, result.NextPage);
        Assert.Equal(["age", "satisfaction", "uses_service"], page!.Answers.Keys.Order());
        Assert.Equal(3, state!.PageCount);
        Assert.Equal(3, state.NextPage); // views was submitted and is still complete; final never was
    }

    [Fact]
    public async Task GetStateAsync_PointsToTheFirstUnfinishedPage_AfterResuming()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();
        await harness.SubmitOkAsync(code, 1, ("age", "34"), ("uses_service", "no"));
        await harness.SubmitOkAsync(code, 2, ("satisfaction", "3"));
        await harness.SubmitOkAsync(code, 1, ("age", "34"), ("uses_service", "yes")); // the service page appears as page 2

        // Act
        var state = await harness.Responses.GetStateAsync(code.ToLowerInvariant(), None);

        // Assert
        Assert.Equal((2, 4, false), (state!.NextPage, state.PageCount, state.Completed));
    }

    [Fact]
    public async Task GetPageAsync_RedirectsToTheNextPage_WhenSkippingAhead_AndRecordsOnlyShownPages()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();

        // Act
        var ahead = await harness.Responses.GetPageAsync(code, 3, None);
        var first = await harness.Responses.GetPageAsync(code, 1, None);

        // Assert
        Assert.Equal(1, ahead!.RedirectToPage);
        Assert.Empty(ahead.Questions);
        Assert.Null(first!.RedirectToPage);
        Assert.Equal(("about", false), (first.Section.Code, first.IsLast));
        await using var db = harness.Database.CreateContext();
        var shown = await db.PageEvents.SingleAsync();
        Assert.Equal(("about", PageEventKind.Shown, harness.Clock.GetUtcNow()), (shown.SectionCode, shown.Kind, shown.At));
        Assert.Null(await harness.Responses.GetPageAsync("ZZZZ-ZZZZ", 1, None));
    }

    public static TheoryData<string, int, (string, string)[]> TamperedPosts => new()
    {
        { "unknown option code", 2, [("satisfaction", "9")] },
        { "out-of-range number", 1, [("age", "300"), ("uses_service", "yes")] },
        { "too long text", 3, [("nickname", new string('x', 500))] },
        { "value for a question of another page", 2, [("satisfaction", "3"), ("age", "20")] },
        { "value for a hidden question", 2, [("satisfaction", "3"), ("followup", "hello")] },
        { "value for a hidden page", 2, [("satisfaction", "3"), ("trust_staff", "2")] },
        { "skipping ahead", 3, [("nickname", "Robin")] },
        { "page beyond the end", 9, [("nickname", "Robin")] },
        { "page zero", 0, [("age", "30"), ("uses_service", "no")] },
    };

    [Theory]
    [MemberData(nameof(TamperedPosts))]
    public async Task SubmitPageAsync_ChangesNothing_ForATamperedPost(string what, int page, (string, string)[] fields)
    {
        // Arrange: page 1 answered (no service), on page 2 (views).
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();
        await harness.SubmitOkAsync(code, 1, ("age", "34"), ("uses_service", "no"));
        var before = await harness.SnapshotAsync(code);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        // Act
        var result = await harness.SubmitAsync(code, page, fields);

        // Assert
        Assert.False(result.Success, what);
        Assert.NotEmpty(result.Errors);
        Assert.Equal(before, await harness.SnapshotAsync(code));
    }

    [Fact]
    public async Task SubmitPageAsync_CompletesTheResponse_OnTheLastPage_AndRecordsServerTimes()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();
        await harness.SubmitOkAsync(code, 1, ("age", "34"), ("uses_service", "no"));
        await harness.SubmitOkAsync(code, 2, ("satisfaction", "3"), ("hours", "1,5"));
        harness.Clock.Advance(TimeSpan.FromMinutes(12));

        // Act
        var result = await harness.SubmitOkAsync(code, 3, ("nickname", "Robin"));

        // Assert
        Assert.Equal((true, (int?)null), (result.Completed, result.NextPage));
        var state = await harness.Responses.GetStateAsync(code, None);
        Assert.Equal((true, 3), (state!.Completed, state.NextPage));
        await using var db = harness.Database.CreateContext();
        var response = await db.Responses.Include(r => r.Answers).SingleAsync();
        Assert.Equal(harness.Clock.GetUtcNow(), response.CompletedAt);
        Assert.Equal(3, response.LastPage);
        Assert.Equal("1.5", response.Answers.Single(a => a.ItemCode == "hours").Value);
        var submitted = await db.PageEvents.Where(e => e.Kind == PageEventKind.Submitted).ToListAsync();
        Assert.Equal(["about", "views", "final"], submitted.OrderBy(e => e.Id).Select(e => e.SectionCode));
        Assert.Equal(harness.Clock.GetUtcNow(), submitted.MaxBy(e => e.Id)!.At);
    }

    [Fact]
    public async Task SubmitPageAsync_RefusesChanges_AfterCompletion_ButAcceptsTheSamePostAgain()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();
        await harness.SubmitOkAsync(code, 1, ("age", "34"), ("uses_service", "no"));
        await harness.SubmitOkAsync(code, 2, ("satisfaction", "3"));
        await harness.SubmitOkAsync(code, 3, ("nickname", "Robin"));
        var before = await harness.SnapshotAsync(code);

        // Act
        var changed = await harness.SubmitAsync(code, 2, ("satisfaction", "1"));
        var repeated = await harness.SubmitAsync(code, 3, ("nickname", "Robin"));

        // Assert
        Assert.Equal([new FieldError(null, "This questionnaire has already been completed.")], changed.Errors);
        Assert.Equal(new SubmitResult(true, [], null, true), repeated with { Errors = [] });
        Assert.Empty(repeated.Errors);
        Assert.Equal(before, await harness.SnapshotAsync(code));
    }

    [Fact]
    public async Task SubmitPageAsync_RefusesWithAPageError_WhenTheStudyClosedMeanwhile()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();
        await harness.LoadStudyAsync(StudyStatus.Closed);

        // Act
        var result = await harness.SubmitAsync(code, 1, ("age", "34"), ("uses_service", "no"));

        // Assert
        Assert.Equal([new FieldError(null, ResponseService.NotOpenMessage)], result.Errors);
    }

    [Fact]
    public async Task SubmitPageAsync_GivesTheSameState_WhenTheSamePageIsPostedTwice()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var code = await harness.StartAsync();
        var fields = new[] { ("age", "34"), ("uses_service", "yes") };
        await harness.SubmitOkAsync(code, 1, fields);
        var once = await harness.SnapshotAsync(code);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));

        // Act
        var again = await harness.SubmitOkAsync(code, 1, fields);

        // Assert: same answers with their first times; only the paradata records the second submission.
        Assert.Equal(2, again.NextPage);
        Assert.Equal(once.Replace("|1|", "|2|"), await harness.SnapshotAsync(code));
    }

    [Fact]
    public async Task SubmitPageAsync_StoresEachAnswerOnce_WhenTheSamePageIsPostedTwiceAtOnce()
    {
        // Arrange: a file database, so the two submissions really use two connections.
        using var harness = await SurveyHarness.CreateAsync(fileDatabase: true);
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(await harness.StartAsync());
        }

        foreach (var code in codes)
        {
            await harness.SubmitOkAsync(code, 1, ("age", "34"), ("uses_service", "no"));
            await harness.SubmitOkAsync(code, 2, ("satisfaction", "3"));
        }

        // Act: for each response, page 1 twice at once, then the last page twice at once.
        var results = new List<SubmitResult>();
        foreach (var (page, fields) in new[] { (1, new[] { ("age", "35"), ("uses_service", "no") }), (3, new[] { ("nickname", "Robin") }) })
        {
            results.AddRange(await Task.WhenAll(codes.SelectMany(code => new[]
            {
                Task.Run(() => harness.SubmitAsync(code, page, fields)),
                Task.Run(() => harness.SubmitAsync(code, page, fields)),
            })));
        }

        // Assert
        Assert.All(results, r => Assert.True(r.Success, string.Join("; ", r.Errors.Select(e => e.Message))));
        await using var db = harness.Database.CreateContext();
        var answers = await db.Answers.Select(a => new { a.ResponseId, a.ItemCode, a.Value }).ToListAsync();
        Assert.Equal(codes.Count * 4, answers.Count);
        Assert.Equal(codes.Count, answers.Count(a => a.ItemCode == "age" && a.Value == "35"));
        Assert.Equal(codes.Count, await db.Responses.CountAsync(r => r.CompletedAt != null));
    }
}
