using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;
using CoproSurvey.Core.Import;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Export;

/// <summary>
/// data.csv's <c>translation_sha256</c>: the version of the texts each response was shown, written by the export, read
/// back by the import and checked there against the study's translations.
/// </summary>
public sealed class TranslationColumnTests : IDisposable
{
    private const string Study = "coproduction";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("coprosurvey-translation-column-");
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = TestClock.New();

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Export_WritesTheTranslationEachResponseWasShown_AndAnImportKeepsIt()
    {
        // Arrange: one citizen answering in Dutch, one in English (the source).
        using var first = await CoproductionAsync();
        var responses = new ResponseService(first.ContextFactory, clock);
        var dutch = await responses.StartAsync(Study, Audience.Citizen, new RespondentContext("NL", "health", null, "nl"), true, CancellationToken.None);
        var english = await responses.StartAsync(Study, Audience.Citizen, new RespondentContext("GB", "health", null, "en"), true, CancellationToken.None);
        Assert.Empty(dutch.Errors.Concat(english.Errors));
        var dutchTexts = await CurrentCitizenTranslationAsync(first, "nl");

        // Act
        var exported = await ExportAsync(first, "first");
        using var second = await CoproductionAsync();
        ImportReport report;
        await using (var csv = File.OpenRead(Path.Combine(exported, "data.csv")))
        {
            report = await Importer(second).ImportAsync(Study, csv, "data.csv", Actor.CommandLine, CancellationToken.None);
        }

        var again = await ExportAsync(second, "again");

        // Assert
        var rows = BundleFiles.ReadRecords(Path.Combine(exported, "data.csv"));
        Assert.Equal([("nl", dutchTexts), ("en", "")], rows.Select(r => (r["language"], r["translation_sha256"])));
        Assert.True(report.Success, string.Join("\n", report.Problems));
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(exported, "data.csv")),
            await File.ReadAllTextAsync(Path.Combine(again, "data.csv")));
        await using var db = await second.ContextFactory.CreateDbContextAsync();
        Assert.Equal(dutchTexts, await db.Responses.Where(r => r.Language == "nl").Select(r => r.TranslationSha256).SingleAsync());
    }

    [Fact]
    public async Task Import_RefusesATranslation_OfAnotherLanguageOrUnknown_ByRowAndColumn()
    {
        // Arrange
        using var database = await CoproductionAsync();
        var dutchTexts = await CurrentCitizenTranslationAsync(database, "nl");
        var csv = string.Join('\n',
            "audience,country,policy_field,language,translation_sha256,started_at",
            $"citizen,NL,health,nl,{dutchTexts},2026-03-01T09:00:00Z",
            $"citizen,FR,health,fr,{dutchTexts},2026-03-01T09:00:00Z",
            $"citizen,NL,health,nl,{new string('a', 64)},2026-03-01T09:00:00Z") + "\n";

        // Act
        var report = await Importer(database).ImportAsync(
            Study, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "paper.csv", Actor.CommandLine, CancellationToken.None);

        // Assert
        Assert.False(report.Success);
        var problems = report.Problems.Where(p => p.Column == "translation_sha256").ToList();
        Assert.Equal([3, 4], problems.Select(p => p.Row));
        Assert.Contains("this translation is in 'nl', but the row's language is 'fr'", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("is not the SHA-256 of any translation", problems[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Problems, p => p.Row == 2);
        await using var db = await database.ContextFactory.CreateDbContextAsync();
        Assert.Equal(0, await db.Responses.CountAsync());
    }

    private async Task<SqliteDatabase> CoproductionAsync()
    {
        var database = SqliteDatabase.InMemory();
        await new DatabaseInitializer(database.ContextFactory, database.Options(RepositoryPaths.Data), clock).InitializeAsync(CancellationToken.None);
        return database;
    }

    private static async Task<string> CurrentCitizenTranslationAsync(SqliteDatabase database, string language)
    {
        await using var db = await database.ContextFactory.CreateDbContextAsync();
        return await db.TranslationVersions
            .Where(t => t.IsCurrent && t.Language == language
                && db.InstrumentVersions.Any(v => v.Id == t.InstrumentVersionId && v.IsCurrent && v.Audience == Audience.Citizen))
            .Select(t => t.Sha256)
            .SingleAsync();
    }

    private DatasetImporter Importer(SqliteDatabase database) =>
        new(database.ContextFactory, new StudyDataset(database.ContextFactory), clock);

    private async Task<string> ExportAsync(SqliteDatabase database, string name)
    {
        var writer = new ExportBundleWriter(new StudyDataset(database.ContextFactory), database.ContextFactory, new AuditLog(database.ContextFactory, clock), clock);
        var directory = folder.CreateSubdirectory(name).FullName;
        await writer.WriteToDirectoryAsync(new ExportRequest(Study, new DatasetFilter(IncludePartial: true), false), directory, CancellationToken.None);
        return directory;
    }
}
