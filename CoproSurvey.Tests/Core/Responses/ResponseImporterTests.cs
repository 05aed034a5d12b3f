using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Responses;

/// <summary>On SQLite; <see cref="ResponseImporterPostgresTests"/> runs every test again on PostgreSQL.</summary>
public class ResponseImporterTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly DateTimeOffset Start = new(2026, 2, 1, 10, 0, 0, TimeSpan.FromHours(1));

    private static SimulatedResponse Simulated(int i, params AnswerValue[] answers) => new(
        Audience.Citizen,
        new RespondentContext(i % 2 == 0 ? "BE" : "EE", "health", null),
        Start.AddMinutes(i),
        Start.AddMinutes(i + 14),
        answers);

    private static SimulatedResponse Valid(int i) => Simulated(
        i,
        AnswerValue.Numeric("age", 20 + i % 50),
        AnswerValue.SingleChoice("uses_service", "yes"),
        AnswerValue.ScalePoint("trust_staff", 4),
        AnswerValue.DontKnowTo("trust_info"),
        AnswerValue.MultipleChoice("channels", ["web", "desk"]),
        AnswerValue.ScalePoint("satisfaction", 3),
        AnswerValue.Numeric("hours", 2.5m),
        AnswerValue.Text("comment", "Fine; thanks."));

    [SkippableFact]
    public async Task ImportCompletedAsync_StoresCompleteSimulatedResponses_WithTheirAnswers()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);

        // Act
        var imported = await harness.Importer.ImportCompletedAsync(SurveyHarness.StudyKey, Enumerable.Range(0, 25).Select(Valid), CancellationToken.None);

        // Assert
        Assert.Equal(25, imported);
        await using var db = harness.Database.CreateContext();
        var responses = await db.Responses.Include(r => r.Answers).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(25, responses.Count);
        Assert.All(responses, r => Assert.True(r.IsSimulated && r.IsCompleted && r.Answers.Count == 8));
        Assert.Equal(25, responses.Select(r => r.ResumeCode).Distinct().Count());
        var third = responses[3];
        Assert.Equal((Start.AddMinutes(3), Start.AddMinutes(17), "EE", 4), (third.StartedAt, third.CompletedAt, third.Country, third.LastPage));
        Assert.Equal(Valid(3).Answers.OrderBy(a => a.ItemCode), third.Answers.Select(a => a.ToValue(TestInstrument.Citizen.FindItem(a.ItemCode)!.Question.Type)).OrderBy(a => a.ItemCode));
        Assert.Equal(TestInstrument.Citizen.Sha256, third.InstrumentSha256);
        var summary = Assert.Single(await harness.Queries.ListOpenAsync(CancellationToken.None));
        Assert.Equal(25, summary.CompletedResponses);
        var logged = Assert.Single(await db.AuditEvents.ToListAsync());
        Assert.Equal((AuditActions.Import, "command line", third.StudyId, "25 simulated responses"), (logged.Action, logged.Actor, logged.StudyId, logged.Detail));
    }

    public static TheoryData<string, SimulatedResponse> BadResponses => new()
    {
        { "item 'q99' is not in instrument", Simulated(7, new AnswerValue("q99", "1")) },
        { "item 'satisfaction'", Simulated(7, new AnswerValue("satisfaction", "9")) },
        { "item 'age' is answered twice", Simulated(7, AnswerValue.Numeric("age", 30), AnswerValue.Numeric("age", 31)) },
        { "item 'channels'", Simulated(7, AnswerValue.MultipleChoice("channels", ["desk", "web"])) },
        { "item 'trust_staff'", Simulated(7, new AnswerValue("trust_staff", "2", DontKnow: true)) },
        { "completed before it was started", Valid(7) with { CompletedAt = Start } },
        { "country 'FR'", Valid(7) with { Context = new RespondentContext("FR", null, null) } },
        { "no current instrument", Valid(7) with { Audience = Audience.Professional } },
    };

    [SkippableTheory]
    [MemberData(nameof(BadResponses))]
    public async Task ImportCompletedAsync_StoresNothing_AndNamesTheResponse_WhenOneIsBad(string problem, SimulatedResponse bad)
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var responses = Enumerable.Range(0, 10).Select(i => i == 7 ? bad : Valid(i));

        // Act
        var error = await Assert.ThrowsAsync<ResponseImportException>(
            () => harness.Importer.ImportCompletedAsync(SurveyHarness.StudyKey, responses, CancellationToken.None));

        // Assert
        var reported = Assert.Single(error.Problems);
        Assert.StartsWith("Simulated response 7 ", reported);
        Assert.Contains(problem, reported);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.Responses.CountAsync());
        Assert.Equal(0, await db.Answers.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [SkippableFact]
    public async Task ImportCompletedAsync_StoresEveryAnswer_OfTwoThousandResponsesOfEightyItems()
    {
        // Arrange: one page of 80 Likert rows. Speed is measured by `seed-demo` (README), not asserted here.
        using var harness = await SurveyHarness.CreateAsync(Provider);
        var wide = TestInstrument.Wide(80);
        await harness.LoadStudyAsync(StudyStatus.Open, wide);
        var items = wide.Items.Select(i => i.Code).ToList();
        var responses = Enumerable.Range(0, 2_000).Select(i => Simulated(
            i, [.. items.Select((code, j) => AnswerValue.ScalePoint(code, 1 + (i + j) % 5))]));

        // Act
        var imported = await harness.Importer.ImportCompletedAsync(SurveyHarness.StudyKey, responses, CancellationToken.None);

        // Assert
        Assert.Equal(2_000, imported);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(160_000, await db.Answers.CountAsync());
        var indexes = await (Provider == DatabaseProvider.Postgres
                ? db.Database.SqlQuery<string>($"SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'Answers' AND indexname NOT LIKE 'PK%'")
                : db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Answers' AND sql IS NOT NULL"))
            .ToListAsync();
        Assert.Equal(
            db.Model.FindEntityType(typeof(Answer))!.GetIndexes().Select(i => i.GetDatabaseName()).Order(),
            indexes.Order()); // the indexes set aside for the bulk write are back
        Assert.Equal(2_000, await db.Responses.Select(r => r.ResumeCode).Distinct().CountAsync());
    }
}

/// <summary>The same tests on a PostgreSQL database of their own; skipped, saying so, where no server is configured.</summary>
public sealed class ResponseImporterPostgresTests : ResponseImporterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
