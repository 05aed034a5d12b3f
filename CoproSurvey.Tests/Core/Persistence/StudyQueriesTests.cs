using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Persistence;

/// <summary>On SQLite; <see cref="StudyQueriesPostgresTests"/> runs every test again on PostgreSQL.</summary>
public class StudyQueriesTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [SkippableFact]
    public async Task ListOpenAsync_ListsOpenStudiesOnly_WithTheirCompletedResponses()
    {
        // Arrange: an open study with one completed and one started response, and a closed study.
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var done = await harness.StartAsync();
        await harness.CompleteShortPathAsync(done);
        await harness.StartAsync();
        await harness.Initializer.LoadStudyAsync(
            TestInstrument.Study("closed-study", StudyStatus.Closed),
            new Dictionary<Audience, Instrument> { [Audience.Citizen] = TestInstrument.Citizen },
            CancellationToken.None);

        // Act
        var studies = await harness.Queries.ListOpenAsync(CancellationToken.None);

        // Assert
        var study = Assert.Single(studies);
        Assert.Equal((SurveyHarness.StudyKey, "Test study", 1), (study.Key, study.Title, study.CompletedResponses));
        Assert.Equal([Audience.Citizen], study.Audiences);
        Assert.Equal(["health", "education"], study.PolicyFields.Select(f => f.Code));
    }

    [SkippableFact]
    public async Task ListOpenAsync_ListsBothAudiences_OfTheDataStudy()
    {
        // Arrange
        using var database = TestDatabases.Create(Provider);
        await new DatabaseInitializer(database.ContextFactory, database.Options(DatabaseInitializerTests.RepositoryData()), TestClock.New())
            .InitializeAsync(CancellationToken.None);

        // Act
        var studies = await new StudyQueries(database.ContextFactory).ListOpenAsync(CancellationToken.None);

        // Assert
        var study = Assert.Single(studies, s => s.Key == "coproduction");
        Assert.Equal([Audience.Citizen, Audience.Professional], study.Audiences);
        Assert.Equal(0, study.CompletedResponses);
        Assert.Equal(5, study.Countries.Count);
    }
}

/// <summary>The same tests on a PostgreSQL database of their own; skipped, saying so, where no server is configured.</summary>
public sealed class StudyQueriesPostgresTests : StudyQueriesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
