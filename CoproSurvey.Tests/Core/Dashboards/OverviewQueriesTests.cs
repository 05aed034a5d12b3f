using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Core.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>The overview's query on real SQLite: which responses each filter lets through.</summary>
public sealed class OverviewQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private SurveyHarness harness = default!;
    private int studyId;

    public async Task InitializeAsync()
    {
        harness = await SurveyHarness.CreateAsync();
        await using var db = harness.Database.CreateContext();
        var version = await db.InstrumentVersions.SingleAsync();
        studyId = version.StudyId;
        var code = 0;
        Response Add(string country, string field, DateTimeOffset started, bool completed, int lastPage)
        {
            var response = Response.Start(version.StudyId, version.Id, version.Sha256, Audience.Citizen, $"ABCDE{++code:00000}".Replace('0', 'A').Replace('1', 'B'),
                new RespondentContext(country, field, ""), started, null);
            response.PageSubmitted(lastPage);
            if (completed)
            {
                response.Complete(started.AddMinutes(10 + code));
            }

            db.Responses.Add(response);
            return response;
        }

        // Belgium, health: 6 completed on 1 March, 2 in progress on 5 March. Belgium, education: 5 completed on 10 March.
        for (var i = 0; i < 6; i++)
        {
            Add("BE", "health", March1, completed: true, lastPage: 3);
        }

        Add("BE", "health", March1.AddDays(4), completed: false, lastPage: 1);
        Add("BE", "health", March1.AddDays(4), completed: false, lastPage: 2);
        for (var i = 0; i < 5; i++)
        {
            Add("BE", "education", March1.AddDays(9), completed: true, lastPage: 3);
        }

        for (var i = 0; i < 7; i++)
        {
            db.ConsentDeclines.Add(ConsentDecline.Create(version.StudyId, Audience.Citizen, "BE", i < 5 ? "health" : "education", March1));
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        harness.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OverviewAsync_TakesTheStudysOwnSmallCellThreshold_OverThePlatformSetting()
    {
        // Arrange: 11 completed and 2 in progress; the platform says 5.
        var platform = await Queries(5).OverviewAsync(studyId, DashboardFilter.All, CancellationToken.None);
        await LoadStudyWithThresholdAsync(12);
        var strict = await Queries(5).OverviewAsync(studyId, DashboardFilter.All, CancellationToken.None);
        await LoadStudyWithThresholdAsync(1);
        var lenient = await Queries(5).OverviewAsync(studyId, DashboardFilter.All, CancellationToken.None);

        // Assert
        Assert.Equal((5, 11, (int?)null), (platform.MinimumCellSize, Status(platform, ResponseStatus.Completed), Status(platform, ResponseStatus.InProgress)));
        Assert.Equal((12, (int?)null), (strict.MinimumCellSize, Status(strict, ResponseStatus.Completed)));
        Assert.Equal((1, (int?)2), (lenient.MinimumCellSize, Status(lenient, ResponseStatus.InProgress)));
    }

    private Task LoadStudyWithThresholdAsync(int minimumCellSize) =>
        harness.Initializer.LoadStudyAsync(
            TestInstrument.Study(SurveyHarness.StudyKey, CoproSurvey.Core.Studies.StudyStatus.Open) with { MinimumCellSize = minimumCellSize },
            new Dictionary<Audience, Instrument> { [Audience.Citizen] = TestInstrument.Citizen },
            CancellationToken.None);

    private OverviewQueries Queries(int minimum = 5)
    {
        var options = Options.Create(new DashboardOptions { MinimumCellSize = minimum });
        var cache = new DashboardDataCache(harness.Database.ContextFactory, new CoproSurvey.Core.Datasets.StudyDataset(harness.Database.ContextFactory), harness.Clock, options);
        return new(harness.Database.ContextFactory, cache, options);
    }

    private static int? Status(StudyOverview overview, ResponseStatus status) =>
        overview.Statuses.Single(s => s.Audience == Audience.Citizen && s.Status == status).N;

    [Fact]
    public async Task OverviewAsync_CountsEveryResponseAndDecline_WithoutFilter()
    {
        // Act
        var overview = await Queries(minimum: 1).OverviewAsync(studyId, DashboardFilter.All, default);

        // Assert
        Assert.Equal(13, overview.Responses);
        Assert.Equal((11, 2, 7), (Status(overview, ResponseStatus.Completed), Status(overview, ResponseStatus.InProgress), Status(overview, ResponseStatus.DeclinedConsent)));
        Assert.Equal([("health", (int?)8), ("education", 5)], overview.Groups.Select(g => (g.PolicyField, g.N)));
        Assert.Equal([13, 13, 12, 11, 11], overview.Funnel.Select(f => f.N ?? -1)); // started, page 1, 2, 3, completed
    }

    [Fact]
    public async Task OverviewAsync_AppliesFieldAndDateFilters_ToResponsesAndDeclines()
    {
        // Arrange: health, started 1 to 4 March (both ends included).
        var filter = DashboardFilter.All with { PolicyFields = ["health"], From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 4) };

        // Act
        var overview = await Queries(minimum: 1).OverviewAsync(studyId, filter, default);

        // Assert
        Assert.Equal(6, overview.Responses);
        Assert.Equal(5, Status(overview, ResponseStatus.DeclinedConsent));
    }

    [Fact]
    public async Task OverviewAsync_WithCompleteOnly_LeavesOutResponsesInProgressAndDeclines()
    {
        // Act
        var overview = await Queries().OverviewAsync(studyId, DashboardFilter.All with { CompleteOnly = true }, default);

        // Assert
        Assert.Equal(11, overview.Responses);
        Assert.Equal((0, 0), (Status(overview, ResponseStatus.InProgress), Status(overview, ResponseStatus.DeclinedConsent)));
    }

    [Fact]
    public async Task OverviewAsync_SuppressesGroupsBelowTheConfiguredMinimum()
    {
        // Act
        var overview = await Queries(minimum: 6).OverviewAsync(studyId, DashboardFilter.All, default);

        // Assert: education has 5 < 6; health's 2 in progress are hidden in the status table.
        Assert.Equal([("health", (int?)8), ("education", null)], overview.Groups.Select(g => (g.PolicyField, g.N)));
        Assert.Null(Status(overview, ResponseStatus.InProgress));
        Assert.Equal(6, overview.MinimumCellSize);
    }

    [Fact]
    public async Task OverviewAsync_IsEmpty_ForACountryWithoutResponses()
    {
        // Act
        var overview = await Queries().OverviewAsync(studyId, DashboardFilter.All with { Countries = ["NL"] }, default);

        // Assert
        Assert.True(overview.IsEmpty);
    }
}
