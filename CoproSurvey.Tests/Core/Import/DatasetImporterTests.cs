using System.Globalization;
using System.Text;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Import;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Import;

/// <summary>On SQLite; <see cref="DatasetImporterPostgresTests"/> runs every test again on PostgreSQL.</summary>
public class DatasetImporterTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string Header =
        "response_id,audience,country,policy_field,service_unit,language,instrument_key,instrument_sha256,status,started_at,completed_at,duration_seconds," +
        "age,uses_service,trust_staff,trust_info,channels_web,channels_phone,channels_desk,satisfaction,hours,trust_scale,comment,followup,nickname";

    [SkippableFact]
    public async Task ImportAsync_StoresEveryRow_AsTheDatasetReadsItBack()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var sha = TestInstrument.Citizen.Sha256;
        var csv = Csv(
            $"12,citizen,BE,health,unit-7,en,test-citizen,{sha},complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,600,34,1,4,-1,1,0,1,3,2.5,4,\"slow; rude staff\nsecond line\",,",
            $"15,citizen,EE,education,,nl,test-citizen,{sha},complete,2026-03-02T09:00:00Z,2026-03-02T09:20:00Z,1200,70,2,-2,-2,-2,-2,-2,2,-4,-2,,'=1+1,",
            $",citizen,BE,health,,en,,,partial,2026-03-03T09:00:00Z,,,30,1,-3,-3,-3,-3,-3,-3,-3,-3,,,");

        // Act
        var report = await Importer(harness).ImportAsync(SurveyHarness.StudyKey, csv, "paper.csv", Actor.CommandLine, CancellationToken.None);

        // Assert
        Assert.True(report.Success, string.Join("\n", report.Problems));
        Assert.Equal((3, 3, 2, 1), (report.Rows, report.Imported, report.Complete, report.Partial));
        var rows = await ReadAsync(harness, new DatasetFilter(IncludePartial: true));
        Assert.Equal([12, 15], rows.Take(2).Select(r => r.ResponseId));
        Assert.True(rows[2].ResponseId > 15);
        Assert.Equal(["34", "1", "4", "DontKnow", "1", "0", "1", "0", "3", "2.5", "4"], Cells(rows[0]));
        Assert.Equal(["slow; rude staff\nsecond line", "NotAsked", "NotAnswered"], Texts(rows[0]));
        Assert.Equal(["70", "2", "NotAsked", "NotAsked", "NotAsked", "NotAsked", "NotAsked", "NotAsked", "2", "NotAnswered", "NotAsked"], Cells(rows[1]));
        Assert.Equal(["NotAnswered", "=1+1", "NotAnswered"], Texts(rows[1]));
        Assert.Equal(("nl", (string?)null, DatasetStatus.Complete), (rows[1].Language, rows[1].ServiceUnit, rows[1].Status));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 20, 0, TimeSpan.Zero), rows[1].CompletedAt);
        Assert.Equal(["30", "1", "NotReached", "NotReached", "NotReached", "NotReached", "NotReached", "NotReached", "NotReached", "NotReached", "NotReached"], Cells(rows[2]));
        Assert.Equal(DatasetStatus.Partial, rows[2].Status);
    }

    [SkippableFact]
    public async Task ImportAsync_KeepsAPartialResponsesEmptyPage_AsNotAnswered()
    {
        // Arrange: the second page was submitted empty, the third never reached.
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var csv = Csv($"20,citizen,BE,health,,en,,,partial,2026-03-03T09:00:00Z,,,30,1,-4,-4,-4,-4,-4,-3,-3,-3,,,");

        // Act
        var report = await Importer(harness).ImportAsync(SurveyHarness.StudyKey, csv, "paper.csv", Actor.CommandLine, CancellationToken.None);

        // Assert
        Assert.True(report.Success, string.Join("\n", report.Problems));
        var row = Assert.Single(await ReadAsync(harness, new DatasetFilter(IncludePartial: true)));
        Assert.Equal(["30", "1", "NotAnswered", "NotAnswered", "NotAnswered", "NotAnswered", "NotAnswered", "NotAnswered", "NotReached", "NotReached", "NotAnswered"], Cells(row));
    }

    [SkippableFact]
    public async Task ImportAsync_ReportsEveryProblemByRowAndColumn_AndStoresNothing()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var sha = TestInstrument.Citizen.Sha256;
        var good = $"1,citizen,BE,health,,en,,{sha},complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,34,1,4,4,1,0,0,3,,,,,";
        var csv = Csv(
            good,
            $"2,citizen,BE,health,,en,,{sha},complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,34,3,4,4,1,0,0,9,,,,,",
            $"1,citizen,BE,health,,en,,{sha},complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,thirty,1,4,4,1,0,0,3,,,,,",
            $"4,citizen,FR,health,,en,,{new string('a', 64)},complete,2026-03-01T09:00:00Z,2026-03-01T08:10:00Z,,34,1,4,4,1,0,0,3,,,,,",
            $"5,citizen,BE,health,,en,,{sha},complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,34,2,4,4,1,0,0,3,,,,,",
            $"6,citizen,BE,health,,en,,{sha},complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,34,1,4,4,1,0,0,3,,,{new string('x', 51)},,");

        // Act
        var report = await Importer(harness).ImportAsync(SurveyHarness.StudyKey, csv, "paper.csv", Actor.CommandLine, CancellationToken.None);

        // Assert
        Assert.False(report.Success);
        var problems = report.Problems.Select(p => (p.Row, p.Column)).ToList();
        Assert.Contains((3, "uses_service"), problems);
        Assert.Contains((3, "satisfaction"), problems);
        Assert.Contains((4, "response_id"), problems);
        Assert.Contains((4, "age"), problems);
        Assert.Contains((5, "country"), problems);
        Assert.Contains((5, "instrument_sha256"), problems);
        Assert.Contains((5, "completed_at"), problems);
        Assert.Contains((6, "trust_staff"), problems);
        Assert.Contains((7, "comment"), problems);
        Assert.DoesNotContain(report.Problems, p => p.Row == 2);
        Assert.Contains("9 is not a point of the scale", report.Problems.Single(p => p.Column == "satisfaction").Message, StringComparison.Ordinal);
        await using var db = await harness.Database.ContextFactory.CreateDbContextAsync();
        Assert.Equal(0, await db.Responses.CountAsync());
        Assert.Equal(0, await db.Answers.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [SkippableFact]
    public async Task ImportAsync_RefusesUnknownColumns_InTheHeader()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var csv = new MemoryStream(Encoding.UTF8.GetBytes("response_id,audience,agee,age,age\n1,citizen,3,4,5\n"));

        // Act
        var report = await Importer(harness).ImportAsync(SurveyHarness.StudyKey, csv, "paper.csv", Actor.CommandLine, CancellationToken.None);

        // Assert
        Assert.Equal([(1, "agee"), (1, "age")], report.Problems.Select(p => (p.Row, p.Column)));
        Assert.Equal("row 1, column agee: study 'test-study' has no such column: not a metadata column (response_id, audience, country, ...), nor an item, option or score of its questionnaires.", report.Problems[0].ToString());
    }

    [SkippableFact]
    public async Task ImportAsync_RefusesAResponseIdTheDatabaseHas()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var row = $"7,citizen,BE,health,,en,,,complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,34,2,-2,-2,-2,-2,-2,3,,,,,";
        Assert.True((await Importer(harness).ImportAsync(SurveyHarness.StudyKey, Csv(row), "a.csv", Actor.CommandLine, CancellationToken.None)).Success);

        // Act
        var report = await Importer(harness).ImportAsync(SurveyHarness.StudyKey, Csv(row), "a.csv", Actor.CommandLine, CancellationToken.None);

        // Assert
        Assert.Equal("row 2, column response_id: response 7 is already in the database or earlier in this file.", Assert.Single(report.Problems).ToString());
        var next = await harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, SurveyHarness.Context, true, CancellationToken.None);
        Assert.True(next.Success);
        await using var db = await harness.Database.ContextFactory.CreateDbContextAsync();
        Assert.Equal([7, 8], await db.Responses.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
    }

    [SkippableFact]
    public async Task ImportAsync_RefusesAnswersTheRoutingHides_AndCodesThatContradictIt()
    {
        // Arrange: row 2 answers the service page although uses_service = no; row 3 codes a shown item "not asked".
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var csv = Csv(
            $"1,citizen,BE,health,,en,,,complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,34,2,4,4,-2,-2,-2,3,,,,,",
            $"2,citizen,BE,health,,en,,,complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,34,1,-2,4,1,0,0,3,,,,,");

        // Act
        var report = await Importer(harness).ImportAsync(SurveyHarness.StudyKey, csv, "paper.csv", Actor.CommandLine, CancellationToken.None);

        // Assert
        Assert.Equal([(2, "trust_staff"), (2, "trust_info"), (3, "trust_staff")], report.Problems.Select(p => (p.Row, p.Column)));
    }

    [SkippableFact]
    public async Task ImportAsync_JoinsTheOpenAnswersFile_ByResponseId_AndRefusesOnesWithoutData()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var row = "31,citizen,BE,health,,en,,,complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,70,2,-2,-2,-2,-2,-2,3,,";
        var header = Header[..Header.LastIndexOf(",comment", StringComparison.Ordinal)];
        MemoryStream Data() => new(Encoding.UTF8.GetBytes(header + "\n" + row + "\n"));
        var text = "response_id,comment,followup\n31,\"'=SUM(A1)\nsecond line\",older\n";

        // Act
        var orphan = await Importer(harness).ImportAsync(
            SurveyHarness.StudyKey, Data(), "data.csv", Actor.CommandLine, CancellationToken.None, openAnswers: new MemoryStream(Encoding.UTF8.GetBytes(text + "99,x,\n")));
        var joined = await Importer(harness).ImportAsync(
            SurveyHarness.StudyKey, Data(), "data.csv", Actor.CommandLine, CancellationToken.None, openAnswers: new MemoryStream(Encoding.UTF8.GetBytes(text)));

        // Assert
        Assert.Equal("row 1, column response_id: the open answers name response 99, which is not in the data file.", Assert.Single(orphan.Problems).ToString());
        Assert.True(joined.Success, string.Join("\n", joined.Problems));
        var stored = Assert.Single(await ReadAsync(harness, DatasetFilter.All));
        Assert.Equal(["=SUM(A1)\nsecond line", "older", "NotAnswered"], Texts(stored));
    }

    [SkippableFact]
    public async Task ImportAsync_RecordsTheImportInTheAuditLog()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var csv = Csv($",citizen,BE,health,,en,,,complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,,34,2,-2,-2,-2,-2,-2,3,,,,,");

        // Act
        await Importer(harness).ImportAsync(SurveyHarness.StudyKey, csv, "paper.csv", new Actor("r1", "ana@example.org"), CancellationToken.None);

        // Assert
        await using var db = await harness.Database.ContextFactory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync();
        Assert.Equal(("import", "ana@example.org", "paper.csv", "1 response (1 complete, 0 partial)"), (entry.Action, entry.Actor, entry.Subject, entry.Detail));
    }

    [SkippableFact]
    public async Task ImportAsync_SaysSo_ForAnEmptyFileAndAnUnknownStudy()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);

        // Act
        var empty = await Importer(harness).ImportAsync(SurveyHarness.StudyKey, new MemoryStream(), "empty.csv", Actor.CommandLine, CancellationToken.None);
        var unknown = await Importer(harness).ImportAsync("nope", Csv(), "a.csv", Actor.CommandLine, CancellationToken.None);

        // Assert
        Assert.Equal("row 1: the file is empty; the first row must name the columns.", Assert.Single(empty.Problems).ToString());
        Assert.Equal("row 1: there is no study 'nope'.", Assert.Single(unknown.Problems).ToString());
    }

    private static DatasetImporter Importer(SurveyHarness harness) =>
        new(harness.Database.ContextFactory, new StudyDataset(harness.Database.ContextFactory), harness.Clock);

    private static MemoryStream Csv(params string[] rows) =>
        new(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n"));

    private static async Task<List<DatasetRow>> ReadAsync(SurveyHarness harness, DatasetFilter filter)
    {
        var dataset = new StudyDataset(harness.Database.ContextFactory);
        var layout = (await dataset.GetLayoutAsync(SurveyHarness.StudyKey, null, CancellationToken.None))!;
        var rows = new List<DatasetRow>();
        await foreach (var row in dataset.ReadRowsAsync(layout, filter, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static List<string> Cells(DatasetRow row) =>
        [.. row.Cells.Select(c => c.Value?.ToString(CultureInfo.InvariantCulture) ?? c.Missing.ToString()!)];

    private static List<string> Texts(DatasetRow row) => [.. row.Texts.Select(t => t.Text ?? t.Missing.ToString()!)];
}

public sealed class DatasetImporterPostgresTests : DatasetImporterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
