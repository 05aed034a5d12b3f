using System.Globalization;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoproSurvey.Tests.Core.Persistence;

/// <summary>
/// A database written by the schema before <c>TypedAnswers</c> (old text forms: "a;b" for multiple choice, times with
/// their offsets) is migrated, and every answer and time is compared with what the new model must read.
/// </summary>
public class TypedAnswersMigrationTests
{
    private const string PreviousMigration = "20261130021133_RespondentAccess";

    private const string Comment = "slow; rude staff\n\"late\" 🙂";

    /// <summary>The test instrument with a single choice coded by numbers and a multiple choice whose codes need JSON escaping.</summary>
    private static readonly Instrument Instrument = WithExtraPage(TestInstrument.Citizen);

    /// <summary>(response, item, old stored text, don't know, answered at in the old form, what the new model reads).</summary>
    private static readonly (int Response, string Item, string? Old, bool DontKnow, string At, AnswerValue Expected)[] Answers =
    [
        (1, "age", "34", false, "2026-03-01 10:01:00.1234567+05:00", AnswerValue.Numeric("age", 34)),
        (1, "uses_service", "yes", false, "2026-03-01 10:01:00+05:00", AnswerValue.SingleChoice("uses_service", "yes")),
        (1, "trust_staff", "4", false, "2026-03-01 10:02:00+05:00", AnswerValue.ScalePoint("trust_staff", 4)),
        (1, "trust_info", null, true, "2026-03-01 10:02:00+05:00", AnswerValue.DontKnowTo("trust_info")),
        (1, "channels", "web;desk", false, "2026-03-01 10:02:00+05:00", AnswerValue.MultipleChoice("channels", ["web", "desk"])),
        (1, "satisfaction", "3", false, "2026-03-01 10:03:00-00:30", AnswerValue.ScalePoint("satisfaction", 3)),
        (1, "hours", "2.5", false, "2026-03-01 10:03:00.5+14:00", AnswerValue.Numeric("hours", 2.5m)),
        (1, "comment", Comment, false, "2026-03-01 10:03:00+00:00", AnswerValue.Text("comment", Comment)),
        (1, "household", "2", false, "2026-03-01 10:04:00+05:00", AnswerValue.SingleChoice("household", "2")),
        (1, "extras", "a\"b;c\\d", false, "2026-03-01 10:04:00+05:00", AnswerValue.MultipleChoice("extras", ["a\"b", "c\\d"])),
        (1, "nickname", "a;b", false, "2026-03-01 10:05:00+05:00", AnswerValue.Text("nickname", "a;b")),
        (2, "age", "61", false, "2026-02-28 23:31:00-08:00", AnswerValue.Numeric("age", 61)),
        (2, "uses_service", "no", false, "2026-02-28 23:31:00-08:00", AnswerValue.SingleChoice("uses_service", "no")),
        (2, "household", "3+", false, "2026-02-28 23:32:00-08:00", AnswerValue.SingleChoice("household", "3+")),
        (2, "extras", "plain", false, "2026-02-28 23:32:00-08:00", AnswerValue.MultipleChoice("extras", ["plain"])),
        (2, "followup", "x;y", false, "2026-02-28 23:33:00-08:00", AnswerValue.Text("followup", "x;y")),
    ];

    [Fact]
    public async Task TypedAnswers_KeepsEveryAnswerAndInstant_OfADatabaseWrittenByThePreviousSchema()
    {
        // Arrange: the schema before TypedAnswers, a study loaded, then rows in the old forms through plain SQL.
        using var database = SqliteDatabase.InMemoryAt(PreviousMigration);
        await LoadStudyAtPreviousSchemaAsync(database);
        await using (var setup = database.CreateContext())
        {
            Assert.Equal(PreviousMigration, (await setup.Database.GetAppliedMigrationsAsync()).Last());
            await WriteOldRowsAsync(setup);
        }

        // Act
        await using var db = database.CreateContext();
        await db.GetService<IMigrator>().MigrateAsync();

        // Assert: responses' times as the same instants, in UTC text that sorts.
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var responses = await db.Responses.Include(r => r.Answers).AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync();
        Assert.Equal([1, 2], responses.Select(r => r.Id)); // by their old text, 2 ("2026-02-28 ...") would come first
        var complete = responses.Single(r => r.Id == 1);
        var partial = responses.Single(r => r.Id == 2);
        Assert.Equal(Instant("2026-03-01 10:00:00.1234567+05:00"), complete.StartedAt);
        Assert.Equal(Instant("2026-03-01 10:20:00+05:00"), complete.CompletedAt);
        Assert.Equal(Instant("2026-02-28 23:30:00-08:00"), partial.StartedAt);
        Assert.Null(partial.CompletedAt);
        Assert.Equal(
            ["2026-03-01 05:00:00.1234567", "2026-03-01 07:30:00"],
            await Column(db, """SELECT "StartedAt" FROM "Responses" ORDER BY "Id" """));

        // Every answer, read through the instrument, with its numeric value and its time.
        var stored = responses.SelectMany(r => r.AnswerValues(Instrument).Values.Select(v => (r.Id, v))).ToList();
        Assert.Equal(Answers.Length, stored.Count);
        foreach (var (response, item, _, _, at, expected) in Answers)
        {
            Assert.Equal(expected, stored.Single(s => s.Id == response && s.v.ItemCode == item).v);
            var row = responses.Single(r => r.Id == response).Answers.Single(a => a.ItemCode == item);
            Assert.Equal(Instant(at), row.AnsweredAt);
            Assert.Equal(expected.Number, row.Number);
        }

        Assert.Equal(2.5, await db.Answers.Where(a => a.ItemCode == "hours").SumAsync(a => a.Number));
        Assert.Equal(Instant("2026-03-01 10:10:00-03:00"), (await db.PageEvents.SingleAsync()).At);
        Assert.Equal(Instant("2026-03-01 12:00:00.25+01:00"), (await db.AuditEvents.SingleAsync()).At);
        Assert.Equal(Instant("2026-04-01 00:00:00+02:00"), (await db.Users.SingleAsync()).LockoutEnd);

        // The audit log is append-only again after the conversion.
        var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "Detail" = 'changed'"""));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedAnswers_Down_RestoresTheOldForms()
    {
        // Arrange
        using var database = SqliteDatabase.InMemoryAt(PreviousMigration);
        await LoadStudyAtPreviousSchemaAsync(database);
        await using var db = database.CreateContext();
        await WriteOldRowsAsync(db);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync();

        // Act
        await migrator.MigrateAsync(PreviousMigration);

        // Assert: multiple choice joined by ';' again, times in UTC with an explicit zero offset, the log still append-only.
        Assert.Equal(
            ["web;desk", "a\"b;c\\d", "plain"],
            await Column(db, """SELECT "Value" FROM "Answers" WHERE "ItemCode" IN ('channels', 'extras') ORDER BY "ResponseId", "ItemCode" """));
        Assert.Equal(
            ["2026-03-01 05:00:00.1234567+00:00", "2026-03-01 07:30:00+00:00"],
            await Column(db, """SELECT "StartedAt" FROM "Responses" ORDER BY "Id" """));
        Assert.Equal([Comment], await Column(db, """SELECT "Value" FROM "Answers" WHERE "ItemCode" = 'comment'"""));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "Detail" = 'changed'"""));
    }

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.ParseExact(text, ["yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:sszzz"], CultureInfo.InvariantCulture);

    private static async Task<List<string>> Column(CoproSurveyDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>
    /// Loads the test study with today's model, which also reads what later migrations add (the study's languages,
    /// the translations): those stand in for the load and are removed again, so that the migration under test starts
    /// from the schema before it.
    /// </summary>
    private static async Task LoadStudyAtPreviousSchemaAsync(SqliteDatabase database)
    {
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("""
                ALTER TABLE Studies ADD COLUMN Languages TEXT NOT NULL DEFAULT '[]';
                CREATE TABLE TranslationVersions (Id INTEGER PRIMARY KEY, InstrumentVersionId INTEGER NOT NULL, Language TEXT NOT NULL,
                    Sha256 TEXT NOT NULL, Status TEXT NOT NULL, CanonicalJson TEXT NOT NULL, LoadedAt TEXT NOT NULL, IsCurrent INTEGER NOT NULL);
                """);
        }

        var initializer = new DatabaseInitializer(database.ContextFactory, database.Options(), TestClock.New());
        await initializer.LoadStudyAsync(
            TestInstrument.Study(SurveyHarness.StudyKey, StudyStatus.Open),
            new Dictionary<Audience, Instrument> { [Audience.Citizen] = Instrument },
            CancellationToken.None);

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE TranslationVersions; ALTER TABLE Studies DROP COLUMN Languages;");
        }
    }

    private static async Task WriteOldRowsAsync(CoproSurveyDbContext db)
    {
        // Ids only: the schema here is older than the model's Study.
        var study = new { Id = await db.Studies.Select(s => s.Id).SingleAsync() };
        var version = await db.InstrumentVersions.Select(v => new { v.Id, v.Sha256 }).SingleAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Responses" ("Id", "StudyId", "InstrumentVersionId", "InstrumentSha256", "Audience", "ResumeCode", "Country",
                "PolicyField", "ServiceUnit", "Language", "ConsentVersion", "StartedAt", "CompletedAt", "LastPage", "IsSimulated")
            VALUES (1, {study.Id}, {version.Id}, {version.Sha256}, 'Citizen', 'AAAAABBBBB', 'BE', 'health', NULL, 'en', NULL,
                    '2026-03-01 10:00:00.1234567+05:00', '2026-03-01 10:20:00+05:00', 5, 0),
                   (2, {study.Id}, {version.Id}, {version.Sha256}, 'Citizen', 'CCCCCDDDDD', 'EE', 'education', NULL, 'en', NULL,
                    '2026-02-28 23:30:00-08:00', NULL, 1, 0)
            """);
        foreach (var (response, item, old, dontKnow, at, _) in Answers)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Answers" ("ResponseId", "ItemCode", "Value", "DontKnow", "AnsweredAt")
                VALUES ({response}, {item}, {old}, {dontKnow}, {at})
                """);
        }

        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "PageEvents" ("ResponseId", "SectionCode", "Kind", "At") VALUES (1, 'about', 'Submitted', '2026-03-01 10:10:00-03:00');
            INSERT INTO "AuditEvents" ("At", "Action", "Actor", "StudyId") VALUES ('2026-03-01 12:00:00.25+01:00', 'import', 'command line', NULL);
            INSERT INTO "Researchers" ("Id", "IsAdmin", "IsDisabled", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount")
            VALUES ('r1', 0, 0, '2026-01-01 09:00:00+01:00', 'ana@example.org', 'ANA@EXAMPLE.ORG', 'ana@example.org', 'ANA@EXAMPLE.ORG',
                1, 0, 0, '2026-04-01 00:00:00+02:00', 1, 5);
            """);
    }

    private static Instrument WithExtraPage(Instrument instrument)
    {
        var extra = new Section("household", "Your household", null, null,
        [
            new Question("household", QuestionType.SingleChoice, "How many people live in your household?", null, false, null, null,
                [new("1", "One"), new("2", "Two"), new("3+", "Three or more")], null, null, []),
            new Question("extras", QuestionType.MultipleChoice, "Which apply?", null, false, null, null,
                [new("a\"b", "Quoted"), new("c\\d", "Slashed"), new("plain", "Plain")], null, null, []),
        ]);
        var withPage = instrument with { Sections = [.. instrument.Sections.Take(3), extra, .. instrument.Sections.Skip(3)], Sha256 = "" };
        return withPage with { Sha256 = InstrumentCanonicalizer.ComputeSha256(withPage) };
    }
}
