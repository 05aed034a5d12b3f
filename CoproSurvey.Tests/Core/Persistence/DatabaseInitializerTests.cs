using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Persistence;

/// <summary>On SQLite; <see cref="DatabaseInitializerPostgresTests"/> runs every test again on PostgreSQL.</summary>
public class DatabaseInitializerTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [SkippableFact]
    public async Task InitializeAsync_LoadsTheDataStudies_AndChangesNothingTheSecondTime()
    {
        // Arrange
        using var database = TestDatabases.Create(Provider);
        var initializer = new DatabaseInitializer(database.ContextFactory, database.Options(RepositoryData()), TestClock.New());

        // Act
        var first = await initializer.InitializeAsync(CancellationToken.None);
        var second = await initializer.InitializeAsync(CancellationToken.None);

        // Assert
        await using var db = database.CreateContext();
        var study = await db.Studies.SingleAsync(s => s.Key == "coproduction");
        Assert.Equal(StudyStatus.Open, study.Status);
        Assert.Equal([Audience.Citizen, Audience.Professional], study.Audiences);
        Assert.Equal(2, await db.InstrumentVersions.CountAsync(v => v.IsCurrent));
        Assert.Contains(first.Messages, m => m.Contains("created"));
        Assert.Empty(second.Messages);
        Assert.Empty(second.AppliedMigrations);
    }

    [SkippableFact]
    public async Task InitializeAsync_ThrowsListingEveryProblem_AndLoadsNothing_WhenAFileIsInvalid()
    {
        // Arrange
        using var database = TestDatabases.Create(Provider);
        var data = Directory.CreateTempSubdirectory("coprosurvey-data-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(data, "studies"));
            File.Copy(Path.Combine(RepositoryData(), "studies", "coproduction.json"), Path.Combine(data, "studies", "a-good.json"));
            await File.WriteAllTextAsync(Path.Combine(data, "studies", "b-broken.json"), "{ \"key\": \"broken\", ");
            await File.WriteAllTextAsync(Path.Combine(data, "studies", "c-missing.json"),
                "{ \"key\": \"missing\", \"title\": \"t\", \"description\": \"d\", \"status\": \"open\", \"countries\": [], \"policyFields\": [], \"instruments\": { \"citizen\": \"instruments/none.json\" } }");
            var initializer = new DatabaseInitializer(database.ContextFactory, database.Options(data), TestClock.New());

            // Act
            var error = await Assert.ThrowsAsync<InstrumentValidationException>(() => initializer.InitializeAsync(CancellationToken.None));

            // Assert
            Assert.Contains(error.Problems, p => p.File.Contains("b-broken.json"));
            Assert.Contains(error.Problems, p => p.ToString().Contains("none.json"));
            await using var db = database.CreateContext();
            Assert.Equal(0, await db.Studies.CountAsync());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [SkippableFact]
    public async Task LoadStudyAsync_AddsACurrentVersion_AndKeepsTheOld_WhenTheInstrumentChanges()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var token = await harness.StartAsync();

        // Act
        await harness.LoadStudyAsync(StudyStatus.Open, TestInstrument.Reworded());

        // Assert
        await using var db = harness.Database.CreateContext();
        var versions = await db.InstrumentVersions.OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.False(versions[0].IsCurrent);
        Assert.True(versions[1].IsCurrent);
        Assert.Equal(TestInstrument.Reworded().Sha256, versions[1].Sha256);
        var response = await db.Responses.SingleAsync();
        Assert.Equal(versions[0].Id, response.InstrumentVersionId);
        Assert.Equal(TestInstrument.Citizen.Sha256, response.InstrumentSha256);
        Assert.NotNull(await harness.Responses.GetPageAsync(token, 1, CancellationToken.None));
    }

    [SkippableFact]
    public async Task LoadStudyAsync_StoresCanonicalJson_ThatLoadsBackToTheSameInstrument()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        await using var db = harness.Database.CreateContext();
        var stored = await db.InstrumentVersions.SingleAsync();

        // Act
        var reloaded = InstrumentLoader.Load(stored.CanonicalJson, "stored");

        // Assert
        Assert.True(reloaded.IsValid, string.Join("; ", reloaded.Problems));
        Assert.Equal(stored.Sha256, reloaded.Instrument!.Sha256);
        Assert.Equal(TestInstrument.Citizen.Items.Select(i => i.Code), reloaded.Instrument.Items.Select(i => i.Code));
    }

    /// <summary>The repository's <c>data/</c> folder, found from the test output directory.</summary>
    internal static string RepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(Path.Combine(candidate, "studies")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No data/studies folder above " + AppContext.BaseDirectory);
    }
}

/// <summary>The same tests on a PostgreSQL database of their own; skipped, saying so, where no server is configured.</summary>
public sealed class DatabaseInitializerPostgresTests : DatabaseInitializerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>What only SQLite has: the journal mode kept in the file.</summary>
public sealed class DatabaseInitializerSqliteTests
{
    [Fact]
    public async Task InitializeAsync_SetsWalJournal_ForFileDatabase()
    {
        // Arrange
        using var database = SqliteDatabase.InTempFolder();
        var initializer = new DatabaseInitializer(database.ContextFactory, database.Options(DatabaseInitializerTests.RepositoryData()), TestClock.New());

        // Act
        await initializer.InitializeAsync(CancellationToken.None);

        // Assert
        await using var db = database.CreateContext();
        var mode = db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").AsEnumerable().Single();
        Assert.Equal("wal", mode);
    }
}
