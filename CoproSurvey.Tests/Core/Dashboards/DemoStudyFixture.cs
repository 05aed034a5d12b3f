using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Demo;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>The demo study from data/ with the 300 completed responses seed-demo adds for seed 2027, shared by the dashboard query tests.</summary>
public sealed class DemoStudyFixture : IAsyncLifetime
{
    public const string StudyKey = "coproduction";

    public SqliteDatabase Database { get; } = SqliteDatabase.InMemory();

    public StudyDataset Dataset => new(Database.ContextFactory);

    public async Task InitializeAsync()
    {
        var clock = TestClock.New();
        await new DatabaseInitializer(Database.ContextFactory, Database.Options(RepositoryPaths.Data), clock).InitializeAsync(CancellationToken.None);
        var study = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json"));
        var generator = new DemoDataGenerator(study.Study!, study.Instruments, 2027, TestClock.Start);
        await new ResponseImporter(Database.ContextFactory, clock).ImportCompletedAsync(StudyKey, generator.Generate(300), CancellationToken.None);
    }

    /// <summary>Every completed response of the study as the dataset reads it, with the layout of both audiences.</summary>
    public async Task<(DatasetLayout Layout, List<DatasetRow> Rows)> RowsAsync(DatasetFilter filter)
    {
        var layout = (await Dataset.GetLayoutAsync(StudyKey, filter.Audience, CancellationToken.None))!;
        var rows = new List<DatasetRow>();
        await foreach (var row in Dataset.ReadRowsAsync(layout, filter, CancellationToken.None))
        {
            rows.Add(row);
        }

        return (layout, rows);
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}
