using System.Globalization;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Demo;
using CoproSurvey.Core.Export;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Core.Export;
using CoproSurvey.Tests.Support;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>
/// The demo study (seed-demo, 400 responses, seed 11) and its export bundle for <see cref="Filter"/>, read back as a
/// researcher reads data.csv: each column's missing codes (from the codebook) are missing. Dashboards are checked
/// against the <c>analyze</c> verbs run on files written from these records.
/// </summary>
public sealed class DemoExportFixture : IAsyncLifetime
{
    /// <summary>Three countries, both audiences, completed responses only.</summary>
    public static readonly DashboardFilter Filter = new([], ["BE", "DE", "NL"], [], true, null, null);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("coprosurvey-dash-export-");

    public SqliteDatabase Database { get; } = SqliteDatabase.InMemory();

    public StudyDataset Dataset => new(Database.ContextFactory);

    public IOptions<DashboardOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new DashboardOptions());

    /// <summary>A fresh dashboards' data cache over the database, as the web app holds one.</summary>
    public DashboardDataCache Cache() => new(Database.ContextFactory, Dataset, TimeProvider.System, Options);

    /// <summary>data.csv as records keyed by column, missing codes replaced by "".</summary>
    public List<Dictionary<string, string>> Data { get; private set; } = [];

    /// <summary>data.csv as records keyed by column, as written (missing codes kept).</summary>
    public List<Dictionary<string, string>> RawData { get; private set; } = [];

    /// <summary>codebook.csv as records.</summary>
    public List<Dictionary<string, string>> Codebook { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var clock = TestClock.New();
        await new DatabaseInitializer(Database.ContextFactory, Database.Options(RepositoryPaths.Data), clock).InitializeAsync(CancellationToken.None);
        var study = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json"));
        var generator = new DemoDataGenerator(study.Study!, study.Instruments, 11, TestClock.Start);
        await new ResponseImporter(Database.ContextFactory, clock).ImportCompletedAsync("coproduction", generator.Generate(400), CancellationToken.None);
        var writer = new ExportBundleWriter(Dataset, Database.ContextFactory, new AuditLog(Database.ContextFactory, clock), clock);
        await writer.WriteToDirectoryAsync(
            new ExportRequest("coproduction", CompareQueries.ToDatasetFilter(Filter), false), folder.FullName, CancellationToken.None);

        Codebook = BundleFiles.ReadRecords(Path.Combine(folder.FullName, "codebook.csv"));
        var missing = Codebook.ToDictionary(
            c => c["variable"],
            c => c["missing_codes"].Split("; ", StringSplitOptions.RemoveEmptyEntries)
                .Where(m => m.Contains(" = ", StringComparison.Ordinal))
                .Select(m => m[(m.IndexOf(" = ", StringComparison.Ordinal) + 3)..])
                .ToHashSet());
        RawData = BundleFiles.ReadRecords(Path.Combine(folder.FullName, "data.csv"));
        Data = RawData
            .Select(r => r.ToDictionary(p => p.Key, p => missing.GetValueOrDefault(p.Key)?.Contains(p.Value) == true ? "" : p.Value))
            .ToList();
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The items of a scale as the codebook lists them, with each item's reverse key and point range.</summary>
    public IReadOnlyList<(string Item, bool Reversed, double Min, double Max)> ScaleItems(string scale) =>
        Codebook.Where(c => c["scale"] == scale && c["type"] == "likert")
            .Select(c =>
            {
                var points = c["value_labels"].Split("; ").Select(l => double.Parse(l[..l.IndexOf(" = ", StringComparison.Ordinal)], CultureInfo.InvariantCulture)).ToList();
                return (c["variable"], c["reverse_keyed"] == "yes", points.Min(), points.Max());
            })
            .ToList();

    /// <summary>Writes some records' columns as a CSV file (empty cells missing) in the fixture's folder and returns its path.</summary>
    public string WriteCsv(string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var path = Path.Combine(folder.FullName, name);
        using (var csv = CsvWriter.ToFile(path, new CsvWriterOptions()))
        {
            csv.WriteRecord(columns.ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(row.ToArray());
            }
        }

        return path;
    }

    /// <summary>The records of one audience (and country, unless null).</summary>
    public IEnumerable<Dictionary<string, string>> Rows(Audience audience, string? country) =>
        Data.Where(r => r["audience"] == audience.ToString().ToLowerInvariant() && (country is null || r["country"] == country));
}
