using CoproSurvey.Core.Demo;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Tests.Support;

/// <summary>The demo study of data/ in an in-memory database, with the responses seed-demo adds for the same count and seed.</summary>
internal static class DemoStudyDatabase
{
    public static async Task<SqliteDatabase> CreateAsync(int responses, int seed)
    {
        var database = SqliteDatabase.InMemory();
        var clock = TestClock.New();
        await new DatabaseInitializer(database.ContextFactory, database.Options(RepositoryPaths.Data), clock).InitializeAsync(CancellationToken.None);
        var study = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json"));
        var generator = new DemoDataGenerator(study.Study!, study.Instruments, seed, TestClock.Start);
        await new ResponseImporter(database.ContextFactory, clock).ImportCompletedAsync("coproduction", generator.Generate(responses), CancellationToken.None);
        return database;
    }
}
