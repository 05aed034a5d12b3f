using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Responses;

public class TypedAnswerStorageTests
{
    /// <summary>A separator, quotes, brackets that look like a stored list, a newline and characters beyond ASCII.</summary>
    private const string Comment = "slow; rude staff\n\"late\" [\"x\",\"y\"] naïve 🙂";

    private const string Nickname = "a;b \"c\" é";

    [Fact]
    public async Task SubmitPageAsync_KeepsTextAndChoicesExactly_WhenThePageIsShownAgainAndResubmitted()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var token = await harness.StartAsync();
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "yes"));
        await harness.SubmitOkAsync(token, 2, ("trust_staff", "4"), ("trust_info", "dk"), ("channels", "desk"), ("channels", "web"));
        await harness.SubmitOkAsync(token, 3, ("satisfaction", "3"), ("hours", "2,5"), ("comment", Comment));
        await harness.SubmitOkAsync(token, 4, ("nickname", Nickname));
        var stored = await harness.SnapshotAsync(token);

        // Act: show pages 2 and 3 again and post back exactly what they show.
        foreach (var page in new[] { 2, 3 })
        {
            var view = await harness.Responses.GetPageAsync(token, page, CancellationToken.None);
            var shown = view!.Answers
                .Where(a => view.Questions.SelectMany(q => q.ItemCodes).Contains(a.Key))
                .SelectMany(a => a.Value.DontKnow ? [(a.Key, "dk")] : a.Value.Values.Select(v => (a.Key, v)))
                .ToArray();
            await harness.SubmitOkAsync(token, page, shown);
        }

        // Assert
        var again = await harness.Responses.GetPageAsync(token, 3, CancellationToken.None);
        Assert.Equal(Comment, again!.Answers["comment"].Value);
        Assert.Equal(["web", "desk"], again.Answers["channels"].Choices);
        Assert.Equal(["web", "desk"], again.Answers["channels"].Values);
        Assert.Equal([Comment], again.Answers["comment"].Values);
        Assert.Equal(stored, await harness.SnapshotAsync(token));
        await using var db = harness.Database.CreateContext();
        var answers = (await SurveyHarness.LoadAsync(db, token)).Answers.ToDictionary(a => a.ItemCode);
        Assert.Equal((Comment, null), (answers["comment"].Value, answers["comment"].Number));
        Assert.Equal((Nickname, null), (answers["nickname"].Value, answers["nickname"].Number));
        Assert.Equal(("""["web","desk"]""", null), (answers["channels"].Value, answers["channels"].Number));
        Assert.Equal(("2.5", 2.5), (answers["hours"].Value, answers["hours"].Number));
        Assert.Equal(("34", 34.0), (answers["age"].Value, answers["age"].Number));
        Assert.Equal(("4", 4.0), (answers["trust_staff"].Value, answers["trust_staff"].Number));
        Assert.Equal((null, null, true), (answers["trust_info"].Value, answers["trust_info"].Number, answers["trust_info"].DontKnow));
        Assert.Equal(("yes", null), (answers["uses_service"].Value, answers["uses_service"].Number));
    }

    [Theory]
    [InlineData("2", 2.0)]
    [InlineData("-1.5", -1.5)]
    [InlineData("yes", null)]
    [InlineData("3+", null)]
    public void SingleChoice_HasANumber_OnlyWhenItsCodeIsANumber(string code, double? number)
    {
        Assert.Equal(number, AnswerValue.SingleChoice("q", code).Number);
    }

    [Fact]
    public void FromStored_DecodesByQuestionType_NotByContent()
    {
        // A text that looks like a stored list stays a text; only a multiple-choice item reads the list.
        const string stored = """["web","desk"]""";

        var text = AnswerValue.FromStored(QuestionType.LongText, "comment", stored, null, false, false);
        var choices = AnswerValue.FromStored(QuestionType.MultipleChoice, "channels", stored, null, false, false);

        Assert.Equal([stored], text.Values);
        Assert.Null(text.Choices);
        Assert.Equal(["web", "desk"], choices.Choices);
        Assert.Equal(stored, choices.ToStoredText());
    }

    [Fact]
    public async Task Number_AveragesOneItemPerCountryInSql_ThroughTheItemIndex()
    {
        // Arrange: satisfaction 1..4 cycling; responses alternate between Belgium and Estonia.
        using var harness = await SurveyHarness.CreateAsync();
        var start = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var simulated = Enumerable.Range(0, 40).Select(i => new SimulatedResponse(
            Audience.Citizen,
            new RespondentContext(i % 2 == 0 ? "BE" : "EE", "health", null),
            start.AddMinutes(i),
            start.AddMinutes(i + 10),
            [AnswerValue.Numeric("age", 30), AnswerValue.SingleChoice("uses_service", "no"), AnswerValue.ScalePoint("satisfaction", 1 + i % 4)]))
            .ToList();
        await harness.Importer.ImportCompletedAsync(SurveyHarness.StudyKey, simulated, CancellationToken.None);
        var expected = simulated
            .GroupBy(s => s.Context.Country!)
            .ToDictionary(g => g.Key, g => g.Average(s => s.Answers.Single(a => a.ItemCode == "satisfaction").Number!.Value));
        await using var db = harness.Database.CreateContext();
        var studyId = await db.Studies.Where(s => s.Key == SurveyHarness.StudyKey).Select(s => s.Id).SingleAsync();

        IQueryable<Answer> ItemIn(string country) =>
            db.Answers.Where(a => a.ItemCode == "satisfaction"
                && db.Responses.Any(r => r.Id == a.ResponseId && r.StudyId == studyId && r.Country == country));

        // Act
        var byCountry = new Dictionary<string, double?>();
        foreach (var country in new[] { "BE", "EE" })
        {
            byCountry[country] = await ItemIn(country).AverageAsync(a => a.Number);
        }

        var grouped = db.Answers
            .Where(a => a.ItemCode == "satisfaction")
            .Join(db.Responses.Where(r => r.StudyId == studyId), a => a.ResponseId, r => r.Id, (a, r) => new { r.Country, r.PolicyField, r.Audience, a.Number })
            .GroupBy(x => new { x.Country, x.PolicyField, x.Audience })
            .Select(g => new { g.Key.Country, Mean = g.Average(x => x.Number) });
        var sql = grouped.ToQueryString();
        var plan = await QueryPlanAsync(db, grouped.CreateDbCommand());

        // Assert
        Assert.Equal(expected["BE"], byCountry["BE"]!.Value, 12);
        Assert.Equal(expected["EE"], byCountry["EE"]!.Value, 12);
        Assert.NotEqual(byCountry["BE"], byCountry["EE"]);
        Assert.Contains("AVG(", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("GROUP BY", sql, StringComparison.OrdinalIgnoreCase);
        var rows = await grouped.ToListAsync();
        Assert.Equal(expected["EE"], rows.Single(r => r.Country == "EE").Mean!.Value, 12);
        Assert.Contains(plan, step => step.Contains("COVERING INDEX IX_Answers_ItemCode_ResponseId_Number", StringComparison.Ordinal));
    }

    /// <summary>The steps SQLite's planner chose for EF's command, with EF's parameters.</summary>
    private static async Task<List<string>> QueryPlanAsync(CoproSurveyDbContext db, System.Data.Common.DbCommand command)
    {
        await db.Database.OpenConnectionAsync();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return steps;
    }

    [Fact]
    public async Task DateTimeOffsets_FilterAndOrderInSql_AsInstants_WhateverTheirOffsets()
    {
        // Arrange: by local clock time the order would be C, B, A; by instant it is A, C, B.
        using var harness = await SurveyHarness.CreateAsync();
        var a = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(5));      // 05:00Z
        var b = new DateTimeOffset(2026, 3, 1, 8, 0, 0, 123, TimeSpan.FromHours(-2));  // 10:00:00.123Z
        var c = new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero).AddTicks(7);    // 07:00:00.0000007Z
        var simulated = new[] { ("A", a), ("B", b), ("C", c) }.Select(x => new SimulatedResponse(
            Audience.Citizen,
            new RespondentContext("BE", "health", x.Item1),
            x.Item2,
            x.Item2.AddMinutes(14),
            [AnswerValue.Numeric("age", 30), AnswerValue.SingleChoice("uses_service", "no"), AnswerValue.ScalePoint("satisfaction", 2)]));
        await harness.Importer.ImportCompletedAsync(SurveyHarness.StudyKey, simulated, CancellationToken.None);
        var since = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(2));  // 06:30Z

        // Act
        await using var db = harness.Database.CreateContext();
        var found = await db.Responses
            .Where(r => r.CompletedAt > since)
            .OrderBy(r => r.StartedAt)
            .Select(r => new { r.ServiceUnit, r.StartedAt, r.CompletedAt })
            .ToListAsync();
        var latest = await db.Responses.MaxAsync(r => r.StartedAt);

        // Assert
        Assert.Equal(["C", "B"], found.Select(r => r.ServiceUnit));
        Assert.Equal([c, b], found.Select(r => r.StartedAt));
        Assert.Equal(c.UtcTicks, found[0].StartedAt.UtcTicks);
        Assert.Equal(b.AddMinutes(14), found[1].CompletedAt);
        Assert.Equal(b, latest);
    }

    [Fact]
    public void Model_StoresEveryDateTimeOffsetAsUtc_IdentityAndAuditIncluded()
    {
        using var database = CoproSurvey.Tests.Support.SqliteDatabase.InMemory();
        using var db = database.CreateContext();

        var properties = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(DateTimeOffset))
            .ToList();

        Assert.Contains(properties, p => p.Name == "LockoutEnd");
        Assert.Contains(properties, p => p.DeclaringType.ClrType == typeof(CoproSurvey.Core.Audit.AuditEvent));
        Assert.All(properties, p => Assert.IsType<UtcDateTimeOffsetConverter>(p.GetTypeMapping().Converter));
    }
}
