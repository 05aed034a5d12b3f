using System.Text.Json;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Core.Datasets;
using CoproSurvey.Tests.Core.Responses;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>The dashboards' in-memory data: the same rows and values as the dataset's query, and read again when the study changes.</summary>
public sealed class DashboardDataCacheTests
{
    public static TheoryData<string> Filters => ["all", "partial", "country", "field", "from", "to", "citizen", "everything"];

    private static DatasetFilter Filter(string name) => name switch
    {
        "all" => DatasetFilter.All,
        "partial" => new DatasetFilter(IncludePartial: true),
        "country" => new DatasetFilter(Countries: ["EE"], IncludePartial: true),
        "field" => new DatasetFilter(PolicyFields: ["health"], IncludePartial: true),
        // R1 completes at +1:10, R2 at +2:20, R3 at +3:30, R4 at +4:40; R5 (partial) starts at +5:40.
        "from" => new DatasetFilter(IncludePartial: true, From: Support.TestClock.Start.AddHours(3.5)),
        "to" => new DatasetFilter(IncludePartial: true, To: Support.TestClock.Start.AddHours(3.5)),
        "citizen" => new DatasetFilter(Audience.Citizen),
        _ => new DatasetFilter(Audience.Citizen, ["BE"], ["health", "education"], true, Support.TestClock.Start.AddHours(1.1), Support.TestClock.Start.AddHours(6)),
    };

    private static DashboardDataCache Cache(DatasetTestStudy study) =>
        new(study.Harness.Database.ContextFactory, study.Dataset, study.Harness.Clock, Options.Create(new DashboardOptions()));

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Rows_SelectTheResponsesAndValuesOfTheDatasetQuery_ForEveryKindOfFilter(string name)
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        using var cache = Cache(study);
        var filter = Filter(name);
        var (layout, expected) = await study.ReadAsync(filter);

        // Act
        var snapshot = await cache.GetAsync(SurveyHarness.StudyKey, filter.Audience, CancellationToken.None);

        // Assert
        Assert.NotNull(snapshot);
        var data = snapshot.Data;
        var rows = data.Rows(filter).ToList();
        Assert.Equal(expected.Select(r => r.ResponseId), rows.Select(data.ResponseId));
        Assert.NotEmpty(rows);
        foreach (var (row, want) in rows.Zip(expected))
        {
            Assert.Equal((want.Audience, want.Country, want.PolicyField, want.ServiceUnit), (data.Audience(row), data.Country(row), data.PolicyField(row), data.ServiceUnit(row)));
            Assert.Equal(want.Cells.Select(c => c.Value), layout.Values.Select((_, i) => data.Value(row, i)));
        }
    }

    [Fact]
    public async Task GetAsync_ServesTheSameData_WhileNothingChanged()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        using var cache = Cache(study);
        var first = await cache.GetAsync(SurveyHarness.StudyKey, null, CancellationToken.None);

        // Act
        var second = await cache.GetAsync(SurveyHarness.StudyKey, null, CancellationToken.None);

        // Assert
        Assert.Same(first!.Data, second!.Data);
        Assert.False(second.Refreshing);
        Assert.Equal(5, second.Data.Count);
        Assert.Equal(new DashboardDataStatus(study.Harness.Clock.GetUtcNow(), false), cache.Status(SurveyHarness.StudyKey));
        Assert.Null(cache.Progress(SurveyHarness.StudyKey));
    }

    [Fact]
    public async Task GetAsync_ReadsTheStudyAgain_WhenAResponseAdvancesOrArrives()
    {
        // Arrange: R5 is partial after its first page.
        using var study = await DatasetTestStudy.CreateAsync();
        using var cache = Cache(study);
        var before = await cache.GetAsync(SurveyHarness.StudyKey, null, CancellationToken.None);
        var r6 = await study.Harness.StartAsync();

        // Act
        var arrived = await cache.GetAsync(SurveyHarness.StudyKey, null, CancellationToken.None);
        await study.Harness.SubmitOkAsync(r6, 1, ("age", "61"), ("uses_service", "no"));
        var advanced = await cache.GetAsync(SurveyHarness.StudyKey, null, CancellationToken.None);

        // Assert
        Assert.Equal((5, 6, 6), (before!.Data.Count, arrived!.Data.Count, advanced!.Data.Count));
        var age = advanced.Data.IndexOf("age");
        Assert.Null(arrived.Data.Value(5, age));
        Assert.Equal(61, advanced.Data.Value(5, age));
    }

    [Fact]
    public async Task GetAsync_KeepsTheAudiencesApart_AndAnswersNullForAnUnknownStudy()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        using var cache = Cache(study);

        // Act
        var professionals = await cache.GetAsync(SurveyHarness.StudyKey, Audience.Professional, CancellationToken.None);
        var unknown = await cache.GetAsync("no-such-study", null, CancellationToken.None);

        // Assert
        Assert.Equal(0, professionals?.Data.Count ?? -1);
        Assert.Null(unknown);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task OverviewAsync_GivesTheSameOverview_FromTheResponsesTableAndFromTheReadData(string name)
    {
        // Arrange: the first overview comes from the responses table and starts the read; the second from the read data.
        using var study = await DatasetTestStudy.CreateAsync();
        using var cache = Cache(study);
        var queries = new OverviewQueries(study.Harness.Database.ContextFactory, cache, Options.Create(new DashboardOptions { MinimumCellSize = 1 }));
        var filter = Dashboard(Filter(name));
        await using var db = study.Harness.Database.CreateContext();
        var studyId = db.Studies.Single().Id;

        // Act
        var fromTable = await queries.OverviewAsync(studyId, filter, CancellationToken.None);
        await cache.GetAsync(SurveyHarness.StudyKey, null, CancellationToken.None);
        var fromData = await queries.OverviewAsync(studyId, filter, CancellationToken.None);

        // Assert
        Assert.Equal(JsonSerializer.Serialize(fromTable), JsonSerializer.Serialize(fromData));
        Assert.True(fromTable.Responses > 0);
    }

    /// <summary>The dashboard filter of whole days that selects what a dataset filter does in the test study.</summary>
    private static DashboardFilter Dashboard(DatasetFilter filter) => new(
        filter.Audience is { } a ? [a] : [],
        filter.Countries ?? [],
        filter.PolicyFields ?? [],
        !filter.IncludePartial,
        filter.From is { } from ? DateOnly.FromDateTime(from.UtcDateTime) : null,
        filter.To is { } to ? DateOnly.FromDateTime(to.UtcDateTime) : null);
}
