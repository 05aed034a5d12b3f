using CoproSurvey.Core.Audit;
using System.Text.RegularExpressions;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Responses;

/// <summary>On SQLite; <see cref="ResponseServicePostgresTests"/> runs every test again on PostgreSQL.</summary>
public class ResponseServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly CancellationToken None = CancellationToken.None;

    [SkippableFact]
    public async Task GetEntryAsync_DescribesTheQuestionnaire_ForAnOpenStudy()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);

        // Act
        var entry = await harness.Responses.GetEntryAsync(SurveyHarness.StudyKey, Audience.Citizen, None);

        // Assert
        Assert.NotNull(entry);
        Assert.Equal("Test questionnaire", entry.InstrumentTitle);
        Assert.Equal(["BE", "EE"], entry.Countries.Select(c => c.Code));
        Assert.Equal(4, entry.PageCount); // every page counts, the service page shown only after uses_service = yes too
        Assert.True(entry.SomePagesConditional);
    }

    [SkippableFact]
    public async Task GetEntryAsync_ReturnsNull_ForUnknownStudyOrAudienceOrClosedStudy()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        using var closed = await SurveyHarness.CreateAsync(Provider, status: StudyStatus.Closed);

        // Act / Assert
        Assert.Null(await harness.Responses.GetEntryAsync("no-such-study", Audience.Citizen, None));
        Assert.Null(await harness.Responses.GetEntryAsync(SurveyHarness.StudyKey, Audience.Professional, None));
        Assert.Null(await closed.Responses.GetEntryAsync(SurveyHarness.StudyKey, Audience.Citizen, None));
    }

    [SkippableFact]
    public async Task StartAsync_ReturnsAFormattedResumeCodeAndAToken_AndStoresTheContextAndConsentVersion()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);

        // Act
        var result = await harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, SurveyHarness.Context, true, None);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Matches(new Regex("^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$"), result.ResumeCode);
        Assert.Matches(new Regex("^[A-Za-z0-9_-]{22}$"), result.AccessToken);
        await using var db = harness.Database.CreateContext();
        var response = await db.Responses.SingleAsync();
        Assert.Equal(result.ResumeCode!.Replace("-", ""), response.ResumeCode);
        Assert.Equal(TestInstrument.Consent.Version, response.ConsentVersion);
        var stored = await db.ResponseAccessTokens.SingleAsync();
        Assert.Equal((response.Id, AccessTokens.Hash(result.AccessToken!)), (stored.ResponseId, stored.TokenHash));
        Assert.DoesNotContain(result.AccessToken!, stored.TokenHash);
        Assert.Equal(("BE", "health", "unit-7", "en"), (response.Country, response.PolicyField, response.ServiceUnit, response.Language));
        Assert.Equal(harness.Clock.GetUtcNow(), response.StartedAt);
        Assert.Equal(TestInstrument.Citizen.Sha256, response.InstrumentSha256);
        Assert.False(response.IsSimulated);
    }

    [SkippableFact]
    public async Task StartAsync_GivesDistinctCodesAndTokens_ForManyRespondents()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);

        // Act
        var started = new List<(string AccessToken, string ResumeCode)>();
        for (var i = 0; i < 60; i++)
        {
            started.Add(await harness.StartWithCodeAsync());
        }

        // Assert
        Assert.Equal(started.Count, started.Select(s => s.ResumeCode).Distinct().Count());
        Assert.Equal(started.Count, started.Select(s => s.AccessToken).Distinct().Count());
        Assert.All(started, s => Assert.DoesNotMatch("[01OIL]", s.ResumeCode.Replace("-", "")));
    }

    [Theory]
    [InlineData("BE", "BE-H-01", null)]
    [InlineData("BE", "EE-H-01", "Please choose the service from the list.")]
    [InlineData("BE", "BE-H-99", "Please choose the service from the list.")]
    [InlineData("BE", "BE.H.01", "The service unit may have at most 64 letters")]
    [InlineData("EE", "EE-H-01", null)]
    public async Task StartAsync_TakesOnlyAUnitListedForTheCountry_WhenTheStudyListsUnits(string country, string unit, string? error)
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var listed = TestInstrument.Study(SurveyHarness.StudyKey, StudyStatus.Open) with
        {
            Countries =
            [
                new Country("BE", "Belgium") { ServiceUnits = [new ServiceUnit("BE-H-01", "Ghent health centre")] },
                new Country("EE", "Estonia") { ServiceUnits = [new ServiceUnit("EE-H-01", "Tartu health centre")] },
            ],
        };
        await harness.Initializer.LoadStudyAsync(listed, new Dictionary<Audience, Instrument> { [Audience.Citizen] = TestInstrument.Citizen }, None);

        // Act
        var result = await harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, new RespondentContext(country, "health", unit), true, None);
        var entry = await harness.Responses.GetEntryAsync(SurveyHarness.StudyKey, Audience.Citizen, None);

        // Assert
        if (error is null)
        {
            Assert.Empty(result.Errors);
        }
        else
        {
            var problem = Assert.Single(result.Errors);
            Assert.Equal(("ServiceUnit", true), (problem.ItemCode, problem.Message.StartsWith(error, StringComparison.Ordinal)));
        }

        Assert.Equal(["Ghent health centre", "Tartu health centre"], entry!.Countries.SelectMany(c => c.ServiceUnits).Select(u => u.Label));
    }

    [SkippableFact]
    public async Task StartAsync_NamesEachBadField_AndStoresNothing()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var context = new RespondentContext("FR", null, "unit 7; drop", "en");

        // Act
        var result = await harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, context, true, None);

        // Assert
        Assert.Null(result.ResumeCode);
        Assert.Equal(["Country", "PolicyField", "ServiceUnit"], result.Errors.Select(e => e.ItemCode));
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    [SkippableFact]
    public async Task StartAsync_RefusesWithAPageError_WhenTheStudyIsClosed()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider, status: StudyStatus.Closed);

        // Act
        var result = await harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, SurveyHarness.Context, true, None);

        // Assert
        Assert.Equal([new FieldError(null, ResponseService.NotOpenMessage)], result.Errors);
    }

    [SkippableFact]
    public async Task DeclineAsync_CountsTheDecline_WithoutStartingAResponse()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
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

    [SkippableFact]
    public async Task ResumeAsync_IssuesANewTokenForTheCode_InAnyCaseWithOrWithoutDash_AndKeepsTheOldOnes()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var (first, code) = await harness.StartWithCodeAsync();
        var variants = new[] { code, code.ToLowerInvariant(), code.Replace("-", ""), $" {code.Replace("-", "").ToLowerInvariant()} " };

        // Act
        var resumed = new List<ResumedResponse?>();
        foreach (var variant in variants)
        {
            resumed.Add(await harness.Responses.ResumeAsync(variant, None));
        }

        // Assert
        Assert.All(resumed, r => Assert.Equal((SurveyHarness.StudyKey, Audience.Citizen), (r!.StudyKey, r.Audience)));
        var tokens = resumed.Select(r => r!.AccessToken).Prepend(first).ToList();
        Assert.Equal(5, tokens.Distinct().Count());
        foreach (var token in tokens)
        {
            Assert.Equal(new ResponseState(code, SurveyHarness.StudyKey, Audience.Citizen, false, 1, 3), await harness.Responses.GetStateAsync(token, None));
        }
    }

    [SkippableTheory]
    [InlineData("ABCDE-FGHJ")]
    [InlineData("AAAAA-AAAAA")]
    [InlineData("AAAA-AAAA")]
    [InlineData("")]
    public async Task ResumeAsync_ReturnsNullAndIssuesNothing_ForAnUnknownOrMalformedCode(string code)
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        await harness.StartAsync();

        // Act
        var resumed = await harness.Responses.ResumeAsync(code, None);

        // Assert
        Assert.Null(resumed);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(1, await db.ResponseAccessTokens.CountAsync());
    }

    [SkippableFact]
    public async Task ResumeAsync_AcceptsALegacyEightCharacterCode_OfAnExistingResponse()
    {
        // Arrange: a response from before codes grew to ten characters, without any token.
        using var harness = await SurveyHarness.CreateAsync(Provider);
        await using (var db = harness.Database.CreateContext())
        {
            var version = await db.InstrumentVersions.SingleAsync();
            db.Responses.Add(Response.Start(version.StudyId, version.Id, version.Sha256, Audience.Citizen, "ABCD2345", SurveyHarness.Context, harness.Clock.GetUtcNow(), null));
            await db.SaveChangesAsync();
        }

        // Act
        var resumed = await harness.Responses.ResumeAsync("abcd-2345", None);

        // Assert
        Assert.NotNull(resumed);
        Assert.Equal("ABCD-2345", (await harness.Responses.GetStateAsync(resumed.AccessToken, None))!.ResumeCode);
    }

    [SkippableFact]
    public async Task GetStateAsync_ReturnsNull_ForAResumeCodeOrAnUnknownOrMalformedToken()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var (token, code) = await harness.StartWithCodeAsync();
        var unknown = AccessTokens.NewToken();

        // Act / Assert
        Assert.NotNull(await harness.Responses.GetStateAsync(token, None));
        foreach (var probe in new[] { code, code.Replace("-", ""), unknown, token[..^1], token + "A", token.ToUpperInvariant() == token ? token.ToLowerInvariant() : token.ToUpperInvariant(), "", "../1" })
        {
            Assert.Null(await harness.Responses.GetStateAsync(probe, None));
            Assert.Null(await harness.Responses.GetPageAsync(probe, 1, None));
            Assert.False((await harness.Responses.SubmitPageAsync(probe, 1, SurveyHarness.Form(("age", "34"), ("uses_service", "no")), None)).Success);
        }

        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.PageEvents.CountAsync());
        Assert.Equal(0, await db.Answers.CountAsync());
    }

    [SkippableFact]
    public async Task SubmitPageAsync_SkipsTheConditionalPage_WhenItsConditionIsFalse()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();

        // Act
        var result = await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
        var page2 = await harness.Responses.GetPageAsync(token, 2, None);

        // Assert
        Assert.Equal(2, result.NextPage);
        Assert.NotNull(page2);
        Assert.Equal("views", page2.Section.Code);
        Assert.Equal(3, page2.PageCount);
        Assert.Equal(["satisfaction", "hours", "comment"], page2.Questions.Select(q => q.Code)); // followup needs age > 60
    }

    [SkippableFact]
    public async Task SubmitPageAsync_ShowsTheConditionalPage_WhenItsConditionIsTrue()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();

        // Act
        await harness.SubmitOkAsync(token, 1, ("age", "70"), ("uses_service", "yes"));
        var page2 = await harness.Responses.GetPageAsync(token, 2, None);
        await harness.SubmitOkAsync(token, 2, ("trust_staff", "5"), ("trust_info", "dk"));
        var page3 = await harness.Responses.GetPageAsync(token, 3, None);

        // Assert
        Assert.Equal(("service", 4), (page2!.Section.Code, page2.PageCount));
        Assert.Contains(page3!.Questions, q => q.Code == "followup");
        Assert.Equal(new AnswerValue("trust_info", null, true), page3.Answers["trust_info"]);
    }

    [SkippableFact]
    public async Task SubmitPageAsync_RemovesAnswersThatNoLongerApply_WhenGoingBackAndChangingAnAnswer()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();
        await harness.SubmitOkAsync(token, 1, ("age", "70"), ("uses_service", "yes"));
        await harness.SubmitOkAsync(token, 2, ("trust_staff", "5"), ("trust_info", "4"), ("channels", "web"));
        await harness.SubmitOkAsync(token, 3, ("satisfaction", "2"), ("followup", "call me"));

        // Act: back to page 1, now not using the service and younger.
        var result = await harness.SubmitOkAsync(token, 1, ("age", "40"), ("uses_service", "no"));

        // Assert
        var state = await harness.Responses.GetStateAsync(token, None);
        var page = await harness.Responses.GetPageAsync(token, 2, None);
        Assert.Equal(2, result.NextPage);
        Assert.Equal(["age", "satisfaction", "uses_service"], page!.Answers.Keys.Order());
        Assert.Equal(3, state!.PageCount);
        Assert.Equal(3, state.NextPage); // views was submitted and is still complete; final never was
    }

    [SkippableFact]
    public async Task GetStateAsync_PointsToTheFirstUnfinishedPage_AfterResuming()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
        await harness.SubmitOkAsync(token, 2, ("satisfaction", "3"));
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "yes")); // the service page appears as page 2

        // Act
        var state = await harness.Responses.GetStateAsync(token, None);

        // Assert
        Assert.Equal((2, 4, false), (state!.NextPage, state.PageCount, state.Completed));
    }

    [SkippableFact]
    public async Task GetPageAsync_RedirectsToTheNextPage_WhenSkippingAhead_AndWritesNothing()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();

        // Act
        var ahead = await harness.Responses.GetPageAsync(token, 3, None);
        var first = await harness.Responses.GetPageAsync(token, 1, None);

        // Assert
        Assert.Equal(1, ahead!.RedirectToPage);
        Assert.Empty(ahead.Questions);
        Assert.Null(first!.RedirectToPage);
        Assert.Equal(("about", false), (first.Section.Code, first.IsLast));
        await using var db = harness.Database.CreateContext();
        Assert.Empty(await db.PageEvents.ToListAsync());
    }

    [SkippableFact]
    public async Task SubmitPageAsync_StoresWhenThePageWasShown_WithinTheResponsesLifetime()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var started = harness.Clock.GetUtcNow();
        var token = await harness.StartAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        var shown = harness.Clock.GetUtcNow();
        harness.Clock.Advance(TimeSpan.FromSeconds(40));
        var submitted = harness.Clock.GetUtcNow();

        // Act: page 1 shown 40 s before its post; page 2 with a time before the start, page 3 with one in the future.
        var page1 = await harness.Responses.SubmitPageAsync(token, 1, SurveyHarness.Form(("age", "34"), ("uses_service", "no")), shown, None);
        var page2 = await harness.Responses.SubmitPageAsync(token, 2, SurveyHarness.Form(("satisfaction", "3")), started.AddDays(-3), None);
        var page3 = await harness.Responses.SubmitPageAsync(token, 3, SurveyHarness.Form(("nickname", "Robin")), submitted.AddDays(3), None);

        // Assert
        Assert.True(page1.Success && page2.Success && page3.Success);
        await using var db = harness.Database.CreateContext();
        var events = (await db.PageEvents.ToListAsync()).OrderBy(e => e.Id).Select(e => (e.SectionCode, e.Kind, e.At)).ToList();
        var sections = events.Select(e => e.SectionCode).Distinct().ToList();
        Assert.Equal(
            [
                (sections[0], PageEventKind.Shown, shown), (sections[0], PageEventKind.Submitted, submitted),
                (sections[1], PageEventKind.Shown, started), (sections[1], PageEventKind.Submitted, submitted),
                (sections[2], PageEventKind.Shown, submitted), (sections[2], PageEventKind.Submitted, submitted),
            ],
            events);
    }

    [SkippableFact]
    public async Task SubmitPageAsync_StoresNoShownEvent_WithoutItsTime_OrForARefusedPost()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();

        // Act
        var refused = await harness.Responses.SubmitPageAsync(token, 1, SurveyHarness.Form(("age", "-4")), harness.Clock.GetUtcNow(), None);
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));

        // Assert
        Assert.False(refused.Success);
        await using var db = harness.Database.CreateContext();
        Assert.Equal([PageEventKind.Submitted], await db.PageEvents.Select(e => e.Kind).ToListAsync());
    }

    [SkippableFact]
    public async Task WithdrawAsync_DeletesTheResponseWithEverythingAndLogsItWithoutContent_InOneGo()
    {
        // Arrange: two responses; the first answered a page, was shown pages and was resumed on a second device.
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var (token, code) = await harness.StartWithCodeAsync();
        var other = await harness.StartAsync();
        await harness.Responses.SubmitPageAsync(token, 1, SurveyHarness.Form(("age", "34"), ("uses_service", "no")), harness.Clock.GetUtcNow(), None);
        await harness.SubmitOkAsync(other, 1, ("age", "50"), ("uses_service", "no"));
        var second = (await harness.Responses.ResumeAsync(code, None))!.AccessToken;
        harness.Clock.Advance(TimeSpan.FromMinutes(3));

        // Act
        var withdrawn = await harness.Responses.WithdrawAsync(second, None);

        // Assert
        Assert.Equal(new WithdrawnResponse(SurveyHarness.StudyKey, Audience.Citizen), withdrawn);
        Assert.Null(await harness.Responses.GetStateAsync(token, None));
        Assert.Null(await harness.Responses.ResumeAsync(code, None));
        Assert.Null(await harness.Responses.WithdrawAsync(token, None));
        await using var db = harness.Database.CreateContext();
        var left = await db.Responses.SingleAsync();
        Assert.Equal([left.Id], await db.Answers.Select(a => a.ResponseId).Distinct().ToListAsync());
        Assert.Equal([left.Id], await db.PageEvents.Select(e => e.ResponseId).Distinct().ToListAsync());
        Assert.Equal([left.Id], await db.ResponseAccessTokens.Select(t => t.ResponseId).ToListAsync());
        var audit = await db.AuditEvents.SingleAsync();
        var studyId = await db.Studies.Select(s => s.Id).SingleAsync();
        Assert.Equal(
            (AuditActions.ResponseWithdrawn, "respondent", (string?)null, (int?)studyId, (string?)null, (string?)"citizen response withdrawn", harness.Clock.GetUtcNow()),
            (audit.Action, audit.Actor, audit.ActorId, audit.StudyId, audit.Subject, audit.Detail, audit.At));
    }

    [SkippableFact]
    public async Task WithdrawByCodeAsync_DeletesTheResponse_ForACompletedResponseToo_AndNothingForAWrongCode()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var (token, code) = await harness.StartWithCodeAsync();
        await harness.CompleteShortPathAsync(token);

        // Act
        var wrong = await harness.Responses.WithdrawByCodeAsync("ZZZZZ-ZZZZZ", None);
        var right = await harness.Responses.WithdrawByCodeAsync(code.ToLowerInvariant(), None);
        var again = await harness.Responses.WithdrawByCodeAsync(code, None);

        // Assert
        Assert.Null(wrong);
        Assert.NotNull(right);
        Assert.Null(again);
        await using var db = harness.Database.CreateContext();
        Assert.Equal((0, 0, 0, 0), (await db.Responses.CountAsync(), await db.Answers.CountAsync(), await db.PageEvents.CountAsync(), await db.ResponseAccessTokens.CountAsync()));
        Assert.Equal(1, await db.AuditEvents.CountAsync());
    }

    public static TheoryData<string, int, (string, string)[]> TamperedPosts => new()
    {
        { "unknown option token", 2, [("satisfaction", "9")] },
        { "out-of-range number", 1, [("age", "300"), ("uses_service", "yes")] },
        { "too long text", 3, [("nickname", new string('x', 500))] },
        { "value for a question of another page", 2, [("satisfaction", "3"), ("age", "20")] },
        { "value for a hidden question", 2, [("satisfaction", "3"), ("followup", "hello")] },
        { "value for a hidden page", 2, [("satisfaction", "3"), ("trust_staff", "2")] },
        { "skipping ahead", 3, [("nickname", "Robin")] },
        { "page beyond the end", 9, [("nickname", "Robin")] },
        { "page zero", 0, [("age", "30"), ("uses_service", "no")] },
    };

    [SkippableTheory]
    [MemberData(nameof(TamperedPosts))]
    public async Task SubmitPageAsync_ChangesNothing_ForATamperedPost(string what, int page, (string, string)[] fields)
    {
        // Arrange: page 1 answered (no service), on page 2 (views).
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
        var before = await harness.SnapshotAsync(token);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        // Act
        var result = await harness.SubmitAsync(token, page, fields);

        // Assert
        Assert.False(result.Success, what);
        Assert.NotEmpty(result.Errors);
        Assert.Equal(before, await harness.SnapshotAsync(token));
    }

    [SkippableFact]
    public async Task SubmitPageAsync_CompletesTheResponse_OnTheLastPage_AndRecordsServerTimes()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
        await harness.SubmitOkAsync(token, 2, ("satisfaction", "3"), ("hours", "1,5"));
        harness.Clock.Advance(TimeSpan.FromMinutes(12));

        // Act
        var result = await harness.SubmitOkAsync(token, 3, ("nickname", "Robin"));

        // Assert
        Assert.Equal((true, (int?)null), (result.Completed, result.NextPage));
        var state = await harness.Responses.GetStateAsync(token, None);
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

    [SkippableFact]
    public async Task SubmitPageAsync_RefusesChanges_AfterCompletion_ButAcceptsTheSamePostAgain()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();
        await harness.CompleteShortPathAsync(token);
        var before = await harness.SnapshotAsync(token);

        // Act
        var changed = await harness.SubmitAsync(token, 2, ("satisfaction", "1"));
        var repeated = await harness.SubmitAsync(token, 3, ("nickname", "Robin"));

        // Assert
        Assert.Equal([new FieldError(null, "This questionnaire has already been completed.")], changed.Errors);
        Assert.Equal(new SubmitResult(true, [], null, true), repeated with { Errors = [] });
        Assert.Empty(repeated.Errors);
        Assert.Equal(before, await harness.SnapshotAsync(token));
    }

    [SkippableFact]
    public async Task SubmitPageAsync_RefusesWithAPageError_WhenTheStudyClosedMeanwhile()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();
        await harness.LoadStudyAsync(StudyStatus.Closed);

        // Act
        var result = await harness.SubmitAsync(token, 1, ("age", "34"), ("uses_service", "no"));

        // Assert
        Assert.Equal([new FieldError(null, ResponseService.NotOpenMessage)], result.Errors);
    }

    [SkippableFact]
    public async Task SubmitPageAsync_GivesTheSameState_WhenTheSamePageIsPostedTwice()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();
        var fields = new[] { ("age", "34"), ("uses_service", "yes") };
        await harness.SubmitOkAsync(token, 1, fields);
        var once = await harness.SnapshotAsync(token);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));

        // Act
        var again = await harness.SubmitOkAsync(token, 1, fields);

        // Assert: same answers with their first times; only the paradata records the second submission.
        Assert.Equal(2, again.NextPage);
        Assert.Equal(once.Replace("|1|", "|2|"), await harness.SnapshotAsync(token));
    }

    [SkippableFact]
    public async Task SubmitPageAsync_StoresEachAnswerOnce_WhenTheSamePageIsPostedTwiceAtOnce()
    {
        // Arrange: a file database, so the two submissions really use two connections.
        using var harness = await SurveyHarness.CreateAsync(Provider, fileDatabase: true);
        var tokens = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            tokens.Add(await harness.StartAsync());
        }

        foreach (var token in tokens)
        {
            await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
            await harness.SubmitOkAsync(token, 2, ("satisfaction", "3"));
        }

        // Act: for each response, page 1 twice at once, then the last page twice at once.
        var results = new List<SubmitResult>();
        foreach (var (page, fields) in new[] { (1, new[] { ("age", "35"), ("uses_service", "no") }), (3, new[] { ("nickname", "Robin") }) })
        {
            results.AddRange(await Task.WhenAll(tokens.SelectMany(token => new[]
            {
                Task.Run(() => harness.SubmitAsync(token, page, fields)),
                Task.Run(() => harness.SubmitAsync(token, page, fields)),
            })));
        }

        // Assert
        Assert.All(results, r => Assert.True(r.Success, string.Join("; ", r.Errors.Select(e => e.Message))));
        await using var db = harness.Database.CreateContext();
        var answers = await db.Answers.Select(a => new { a.ResponseId, a.ItemCode, a.Value }).ToListAsync();
        Assert.Equal(tokens.Count * 4, answers.Count);
        Assert.Equal(tokens.Count, answers.Count(a => a.ItemCode == "age" && a.Value == "35"));
        Assert.Equal(tokens.Count, await db.Responses.CountAsync(r => r.CompletedAt != null));
    }
}

/// <summary>The same tests on a PostgreSQL database of their own; skipped, saying so, where no server is configured.</summary>
public sealed class ResponseServicePostgresTests : ResponseServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
