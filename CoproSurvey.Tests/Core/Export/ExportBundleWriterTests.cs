using System.IO.Compression;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using System.Security.Cryptography;
using System.Text.Json;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Core.Datasets;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Export;

public sealed class ExportBundleWriterTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("coprosurvey-export-test-");

    public void Dispose() => folder.Delete(recursive: true);

    private static ExportBundleWriter Writer(DatasetTestStudy study) =>
        new(study.Dataset, study.Harness.Database.ContextFactory, new AuditLog(study.Harness.Database.ContextFactory, study.Harness.Clock), study.Harness.Clock);

    private async Task<ExportSummary> ExportAsync(DatasetTestStudy study, DatasetFilter filter, bool text) =>
        await Writer(study).WriteToDirectoryAsync(new ExportRequest(SurveyHarness.StudyKey, filter, text), folder.FullName, CancellationToken.None);

    private string PathOf(string name) => Path.Combine(folder.FullName, name);

    [Fact]
    public async Task WriteToDirectoryAsync_WritesDataCsv_WithMissingCodesAsNumbers_AndNoTextFile_ByDefault()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();

        // Act
        var summary = await ExportAsync(study, DatasetFilter.All, text: false);

        // Assert
        Assert.Equal(4, summary.Responses);
        Assert.False(File.Exists(PathOf("text.csv")));
        var data = BundleFiles.ReadRecords(PathOf("data.csv"));
        Assert.Equal(4, data.Count);
        var first = data[0];
        Assert.Equal(("citizen", "BE", "health", "unit-7", "complete"), (first["audience"], first["country"], first["policy_field"], first["service_unit"], first["status"]));
        Assert.Equal(("2026-03-02T10:30:00Z", "2026-03-02T10:40:00Z", "600"), (first["started_at"], first["completed_at"], first["duration_seconds"]));
        Assert.Equal(("34", "1", "4", "-1", "1", "0", "1"), (first["age"], first["uses_service"], first["trust_staff"], first["trust_info"], first["channels_web"], first["channels_phone"], first["channels_desk"]));
        Assert.Equal(("3", "2.5", "-2", "4"), (first["satisfaction"], first["hours"], first["recommend"], first["trust_scale"]));
        Assert.Equal(("-2", "-4", "-2"), (data[1]["trust_staff"], data[1]["hours"], data[1]["trust_scale"]));
        Assert.Equal("-4", data[2]["channels_web"]);
        Assert.DoesNotContain("comment", data[0].Keys);
        // Negative codes are numbers, not text a spreadsheet would need protecting from.
        Assert.DoesNotContain("'-", await File.ReadAllTextAsync(PathOf("data.csv")));
        Assert.DoesNotContain(BundleFiles.ReadRecords(PathOf("long.csv")), r => r["variable"] is "comment" or "followup");
    }

    [Fact]
    public async Task WriteToDirectoryAsync_WritesOpenAnswersQuotedAndFormulasNeutralised_WhenTextIsAsked()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();

        // Act
        await ExportAsync(study, DatasetFilter.All, text: true);

        // Assert
        var text = BundleFiles.ReadRecords(PathOf("text.csv"));
        Assert.Equal(2, text.Count); // R3 and R4 wrote no open answer
        Assert.Equal((DatasetTestStudy.Comment, ""), (text[0]["comment"], text[0]["followup"]));
        Assert.Equal("'=1+1", text[1]["followup"]);
        var raw = await File.ReadAllTextAsync(PathOf("text.csv"));
        Assert.Contains("\"slow; rude staff\nsecond \"\"line\"\"\"", raw);
        var longRows = BundleFiles.ReadRecords(PathOf("long.csv"));
        Assert.Contains(longRows, r => r["variable"] == "comment" && r["value"] == DatasetTestStudy.Comment);
        Assert.Contains(longRows, r => r["variable"] == "channels_desk" && r["value"] == "1");
        Assert.Contains(longRows, r => r["variable"] == "trust_info" && r["value"] == "-1");
        var codebook = BundleFiles.ReadRecords(PathOf("codebook.csv"));
        Assert.Equal("text.csv", codebook.Single(r => r["variable"] == "comment")["file"]);
    }

    [Theory]
    [InlineData(false, nameof(SqliteAnswerPath.ProviderReader))]
    [InlineData(true, nameof(SqliteAnswerPath.ProviderReader))]
    [InlineData(false, nameof(SqliteAnswerPath.StatementThroughSqlitePclRaw))]
    [InlineData(true, nameof(SqliteAnswerPath.StatementThroughSqlitePclRaw))]
    public async Task WriteToDirectoryAsync_WritesTheSameFiles_WhicheverWaySqliteAnswersAreRead(bool filtered, string path)
    {
        // Arrange: quotes, separators, a formula, don't know, multiple choice, two versions and a partial response; the
        // filtered request binds every kind of parameter the filter makes (an audience, lists of codes, times).
        using var study = await DatasetTestStudy.CreateAsync();
        var factory = study.Harness.Database.ContextFactory;
        var filter = filtered
            ? new DatasetFilter(Audience.Citizen, ["BE", "EE"], ["health", "education"], IncludePartial: true,
                From: study.Harness.Clock.GetUtcNow().AddDays(-1), To: study.Harness.Clock.GetUtcNow().AddDays(1))
            : new DatasetFilter(IncludePartial: true);
        var request = new ExportRequest(SurveyHarness.StudyKey, filter, IncludeText: true);
        var direct = folder.CreateSubdirectory("direct");
        var other = folder.CreateSubdirectory("other");

        // Act
        var directSummary = await Writer(study).WriteToDirectoryAsync(request, direct.FullName, CancellationToken.None);
        var otherSummary = await new ExportBundleWriter(
                new StudyDataset(factory) { AnswersOnSqlite = Enum.Parse<SqliteAnswerPath>(path) }, factory, new AuditLog(factory, study.Harness.Clock), study.Harness.Clock)
            .WriteToDirectoryAsync(request, other.FullName, CancellationToken.None);

        // Assert
        Assert.Equal(5, directSummary.Responses);
        Assert.Equal(directSummary.Files.Select(f => f.Name), otherSummary.Files.Select(f => f.Name));
        foreach (var file in directSummary.Files)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(other.FullName, file.Name)), await File.ReadAllBytesAsync(Path.Combine(direct.FullName, file.Name)));
        }

        Assert.Contains("\"slow; rude staff\nsecond \"\"line\"\"\"", await File.ReadAllTextAsync(Path.Combine(direct.FullName, "long.csv")));
    }

    [Fact]
    public async Task WriteToDirectoryAsync_WritesAManifest_WithCountsFiltersTimeAndTheHashOfEveryOtherFile()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();

        // Act
        var summary = await ExportAsync(study, new DatasetFilter(Countries: ["BE"], IncludePartial: true), text: false);

        // Assert
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(PathOf("manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(4, root.GetProperty("responses").GetInt32());
        Assert.Equal(4, root.GetProperty("rows").GetProperty("data.csv").GetInt32());
        Assert.Equal(["BE"], root.GetProperty("filters").GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.True(root.GetProperty("filters").GetProperty("includePartial").GetBoolean());
        Assert.Equal(ExportFormatTime(study.Harness.Clock.GetUtcNow()), root.GetProperty("exportedAt").GetString());
        Assert.Equal(
            [TestInstrument.Citizen.Sha256, DatasetTestStudy.Version2.Sha256],
            root.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("sha256").GetString()));
        var listed = root.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("sha256").GetString());
        var onDisk = folder.GetFiles().Select(f => f.Name).Where(n => n != "manifest.json").Order().ToList();
        Assert.Equal(onDisk, listed.Keys.Order());
        foreach (var name in onDisk)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(PathOf(name)))), listed[name]);
        }

        Assert.Equal("manifest.json", summary.Files[^1].Name);
    }

    [Fact]
    public async Task WriteZipAsync_HoldsTheSameFilesAsTheFolder()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        var request = new ExportRequest(SurveyHarness.StudyKey, DatasetFilter.All, true);
        await Writer(study).WriteToDirectoryAsync(request, folder.FullName, CancellationToken.None);
        using var zipped = new MemoryStream();

        // Act
        var summary = await Writer(study).WriteZipAsync(request, zipped, CancellationToken.None);

        // Assert
        zipped.Position = 0;
        using var archive = new ZipArchive(zipped, ZipArchiveMode.Read);
        Assert.Equal(summary.Files.Select(f => f.Name), archive.Entries.Select(e => e.FullName));
        Assert.Equal(10, archive.Entries.Count);
        using var reader = new StreamReader(archive.GetEntry("data.csv")!.Open());
        Assert.Equal(await File.ReadAllTextAsync(PathOf("data.csv")), await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task WriteToDirectoryAsync_WritesSecondsOnPageAndVisits_FromPageEvents()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var token = await harness.StartAsync();
        // Each accepted post stores when its page was shown (the form's time) and when it was submitted.
        async Task PostAsync(int page, int secondsOnPage, params (string Key, string Value)[] fields)
        {
            var shown = harness.Clock.GetUtcNow();
            harness.Clock.Advance(TimeSpan.FromSeconds(secondsOnPage));
            Assert.True((await harness.Responses.SubmitPageAsync(token, page, SurveyHarness.Form(fields), shown, CancellationToken.None)).Success);
        }

        await PostAsync(1, 30, ("age", "34"), ("uses_service", "no"));
        await PostAsync(1, 5, ("age", "34"), ("uses_service", "no"));
        await PostAsync(2, 12, ("satisfaction", "3"));
        var dataset = new StudyDataset(harness.Database.ContextFactory);
        var writer = new ExportBundleWriter(dataset, harness.Database.ContextFactory, new AuditLog(harness.Database.ContextFactory, harness.Clock), harness.Clock);

        // Act
        await writer.WriteToDirectoryAsync(new ExportRequest(SurveyHarness.StudyKey, new DatasetFilter(IncludePartial: true), false), folder.FullName, CancellationToken.None);

        // Assert: page 1 posted twice (30 s, then 5 s on going back to it), the views page once (12 s); the last page not reached.
        var paradata = BundleFiles.ReadCsv(PathOf("paradata.csv"));
        Assert.Equal(["response_id", "page", "visits", "seconds", "submitted"], paradata[0]);
        Assert.Equal([["about", "2", "35", "1"], ["views", "1", "12", "1"]], paradata.Skip(1).Select(r => r[1..]));
        var data = BundleFiles.ReadRecords(PathOf("data.csv"));
        Assert.Equal(("partial", "", ""), (data[0]["status"], data[0]["completed_at"], data[0]["duration_seconds"]));
        Assert.Equal(("3", "-2"), (data[0]["satisfaction"], data[0]["trust_staff"]));
    }

    [Fact]
    public async Task WriteToDirectoryAsync_WritesHeadersOnly_ForAStudyWithoutResponses()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var writer = new ExportBundleWriter(new StudyDataset(harness.Database.ContextFactory), harness.Database.ContextFactory, new AuditLog(harness.Database.ContextFactory, harness.Clock), harness.Clock);

        // Act
        var summary = await writer.WriteToDirectoryAsync(new ExportRequest(SurveyHarness.StudyKey, DatasetFilter.All, true), folder.FullName, CancellationToken.None);

        // Assert
        Assert.Equal(0, summary.Responses);
        Assert.Single(BundleFiles.ReadCsv(PathOf("data.csv")));
        Assert.Single(BundleFiles.ReadCsv(PathOf("paradata.csv")));
    }

    [Fact]
    public async Task WriteToDirectoryAsync_Throws_AndWritesNothing_ForAnUnknownStudy()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var writer = new ExportBundleWriter(new StudyDataset(harness.Database.ContextFactory), harness.Database.ContextFactory, new AuditLog(harness.Database.ContextFactory, harness.Clock), harness.Clock);
        var target = PathOf("bundle");

        // Act
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            writer.WriteToDirectoryAsync(new ExportRequest("nope", DatasetFilter.All, false), target, CancellationToken.None));

        // Assert
        Assert.Contains("'nope'", error.Message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task WriteToDirectoryAsync_WritesCodebookAndLoadScripts_NamingEveryColumnAndValueLabel()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        var layout = (await study.Dataset.GetLayoutAsync(SurveyHarness.StudyKey, null, CancellationToken.None))!;

        // Act
        await ExportAsync(study, DatasetFilter.All, text: false);

        // Assert
        var header = BundleFiles.ReadCsv(PathOf("data.csv"))[0];
        var codebook = BundleFiles.ReadRecords(PathOf("codebook.csv"));
        Assert.Equal(header, codebook.Select(r => r["variable"]));
        Assert.Equal("1 = Yes; 2 = No", codebook.Single(r => r["variable"] == "uses_service")["value_labels"]);
        Assert.Equal("don't know = -1; not asked = -2; not reached = -3; not answered = -4; not applicable = -5", codebook.Single(r => r["variable"] == "age")["missing_codes"]);
        Assert.Equal(("trust_scale", "yes"), (codebook.Single(r => r["variable"] == "trust_info")["scale"], codebook.Single(r => r["variable"] == "trust_info")["reverse_keyed"]));
        var r = await File.ReadAllTextAsync(PathOf("load.R"));
        var stata = await File.ReadAllTextAsync(PathOf("load.do"));
        var spss = await File.ReadAllTextAsync(PathOf("load.sps"));
        Assert.All(header, column =>
        {
            Assert.Contains($"attr(survey[[\"{column}\"]], \"label\")", r);
            Assert.Contains($"label variable {column} ", stata);
            Assert.Contains($"\n    {column} ", spss);
        });
        Assert.All(layout.Values.SelectMany(v => v.ValueLabels.Select(l => (v.Name, l.Label))), pair =>
        {
            Assert.Contains($"\"{pair.Label}\"", r);
            Assert.Contains($"`\"{pair.Label}\"'", stata);
            Assert.Contains($"'{pair.Label.Replace("'", "''")}'", spss);
        });
        Assert.Contains("mvdecode age, mv(-1=.a \\ -2=.b \\ -3=.c \\ -4=.d \\ -5=.e)", stata);
        Assert.Contains("age (-5 THRU -1)", spss);
        Assert.Contains("survey[[\"age\"]][survey[[\"age\"]] %in% c(-1, -2, -3, -4, -5)] <- NA", r);
        var html = await File.ReadAllTextAsync(PathOf("codebook.html"));
        Assert.Contains("<td>uses_service</td>", html);
        Assert.DoesNotContain("<td>Don't", html); // the apostrophe is encoded
    }

    [Fact]
    public async Task RecordAsync_AddsAnExportEntryToTheStudysAuditLog()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        var request = new ExportRequest(SurveyHarness.StudyKey, new DatasetFilter(Countries: ["BE"]), false);
        var summary = await Writer(study).WriteToDirectoryAsync(request, folder.FullName, CancellationToken.None);

        // Act
        await Writer(study).RecordAsync(request, summary, new Actor("r-1", "ana@example.org"), CancellationToken.None);

        // Assert
        var log = new AuditLog(study.Harness.Database.ContextFactory, study.Harness.Clock);
        await using var db = study.Harness.Database.CreateContext();
        var studyId = db.Studies.Single().Id;
        var entry = Assert.Single(await log.EntriesAsync(studyId, 10, CancellationToken.None), e => e.Action == AuditActions.Export);
        Assert.Equal("ana@example.org", entry.Actor);
        Assert.StartsWith("3 responses; audience both; countries BE; fields all; complete only;", entry.Detail);
        Assert.Contains(summary.Files[0].Sha256, entry.Detail);
    }

    private static string ExportFormatTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
