using System.Globalization;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Export;

/// <summary>
/// The bundle of the demo study (seed-demo, 300 responses, seed 2027) as R 4.2 read it with the bundle's load.R:
/// TestData/R/export holds the load.R that R ran, the R script (scale_means.R, with the commands that made the bundle)
/// and what R found. The tests compare the platform's own values with R's, without R.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ExportRoundTripRTests : IDisposable
{
    private const int Responses = 300;
    private const int Seed = 2027;
    private static readonly string Reference = Path.Combine(AppContext.BaseDirectory, "TestData", "R", "export");
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("coprosurvey-export-r-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task ScaleScores_HaveTheMeansRComputedFromTheExport()
    {
        // Arrange
        using var database = await DemoStudyDatabase.CreateAsync(Responses, Seed);
        var dataset = new StudyDataset(database.ContextFactory);
        var layout = (await dataset.GetLayoutAsync("coproduction", null, CancellationToken.None))!;
        var scales = layout.Values.Select((v, i) => (v, i)).Where(x => x.v.Kind == DatasetVariableKind.ScaleScore).ToList();
        var sums = new double[scales.Count];
        var counts = new int[scales.Count];

        // Act
        await foreach (var row in dataset.ReadRowsAsync(layout, DatasetFilter.All, CancellationToken.None))
        {
            for (var s = 0; s < scales.Count; s++)
            {
                if (row.Cells[scales[s].i].Value is { } score)
                {
                    sums[s] += score;
                    counts[s]++;
                }
            }
        }

        // Assert
        var r = BundleFiles.ReadRecords(Path.Combine(Reference, "scale_means.csv"));
        Assert.Equal(r.Select(x => x["scale"]), scales.Select(s => s.v.Name));
        for (var s = 0; s < scales.Count; s++)
        {
            Assert.Equal(int.Parse(r[s]["n"], CultureInfo.InvariantCulture), counts[s]);
            Precision.AssertDigits(double.Parse(r[s]["mean"], CultureInfo.InvariantCulture), sums[s] / counts[s], 14, scales[s].v.Name);
        }
    }

    [Fact]
    public async Task LoadScriptThatRRan_IsTheOneTheExportWrites_AndNamesEveryColumnAndValueLabel()
    {
        // Arrange
        using var database = await DemoStudyDatabase.CreateAsync(Responses, Seed);
        var clock = TestClock.New();
        var writer = new ExportBundleWriter(new StudyDataset(database.ContextFactory), database.ContextFactory, new AuditLog(database.ContextFactory, clock), clock);

        // Act
        await writer.WriteToDirectoryAsync(new ExportRequest("coproduction", DatasetFilter.All, false), folder.FullName, CancellationToken.None);

        // Assert
        var stored = await File.ReadAllTextAsync(Path.Combine(Reference, "load.R"));
        Assert.Equal(stored, await File.ReadAllTextAsync(Path.Combine(folder.FullName, "load.R")));
        var header = BundleFiles.ReadCsv(Path.Combine(folder.FullName, "data.csv"))[0];
        var codebook = BundleFiles.ReadRecords(Path.Combine(folder.FullName, "codebook.csv"));
        Assert.All(header, column => Assert.Contains($"attr(survey[[\"{column}\"]], \"label\")", stored));
        var labels = codebook.Where(c => c["file"] == "data.csv" && c["value_labels"] != "")
            .SelectMany(c => c["value_labels"].Split("; ").Select(l => l[(l.IndexOf(" = ", StringComparison.Ordinal) + 3)..]))
            .Distinct()
            .ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.Contains($"\"{label}\"", stored));
        var check = Assert.Single(BundleFiles.ReadRecords(Path.Combine(Reference, "load_check.csv")));
        var withLabels = codebook.Count(c => c["file"] == "data.csv" && c["value_labels"] != "").ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            (Responses.ToString(CultureInfo.InvariantCulture), header.Length.ToString(CultureInfo.InvariantCulture), header.Length.ToString(CultureInfo.InvariantCulture), withLabels, withLabels),
            (check["rows"], check["columns"], check["labelled_columns"], check["columns_with_value_labels"], check["factors_matching_codebook"]));
    }
}
