using System.Globalization;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Datasets;

public class StudyDatasetTests
{
    private static readonly string[] ValueColumns =
    [
        "age", "uses_service", "trust_staff", "trust_info", "channels_web", "channels_phone", "channels_desk", "channels_none",
        "satisfaction", "hours", "recommend", "trust_scale",
    ];

    [Fact]
    public async Task GetLayoutAsync_UnitesTheItemsOfBothVersions_InQuestionnaireOrder()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();

        // Act
        var (layout, _) = await study.ReadAsync(DatasetFilter.All);

        // Assert
        Assert.Equal(
            ["response_id", "audience", "country", "policy_field", "service_unit", "language", "instrument_key", "instrument_sha256",
             "translation_sha256", "status", "started_at", "completed_at", "duration_seconds", .. ValueColumns],
            layout.DataColumns.Select(c => c.Name));
        Assert.Equal(["comment", "followup", "nickname"], layout.Texts.Select(t => t.Name));
        var v1 = TestInstrument.Citizen.Sha256;
        var v2 = DatasetTestStudy.Version2.Sha256;
        var byName = layout.Values.ToDictionary(v => v.Name);
        Assert.Equal([v1], byName["hours"].InstrumentVersions);
        Assert.Equal([v2], byName["recommend"].InstrumentVersions);
        Assert.Equal([v1, v2], byName["trust_scale"].InstrumentVersions);
        Assert.Equal((DatasetVariableKind.ScaleScore, "Trust (v2)"), (byName["trust_scale"].Kind, byName["trust_scale"].Label));
        Assert.True(byName["trust_info"].Reversed);
        Assert.False(byName["trust_staff"].Reversed);
        Assert.Equal([new ValueLabel(1, "Yes"), new ValueLabel(2, "No")], byName["uses_service"].ValueLabels);
        Assert.Equal("Question trust: I trust the staff.", byName["trust_staff"].Label);
        Assert.Equal(("channels", "phone", DatasetVariableKind.MultipleChoiceOption), (byName["channels_phone"].ItemCode, byName["channels_phone"].OptionCode, byName["channels_phone"].Kind));
        Assert.Equal(new MissingCodes(-1, -2, -3, -4, -5), byName["satisfaction"].MissingCodes);
    }

    [Fact]
    public async Task ReadRowsAsync_GivesHandComputedCellsAndMissingReasons_ForCompletedResponsesOfTwoVersions()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();

        // Act
        var (_, rows) = await study.ReadAsync(DatasetFilter.All);

        // Assert
        Assert.Equal(4, rows.Count);
        //                     age  uses  staff info  web   phone desk  satisf hours recommend trust_scale
        Assert.Equal(["34", "1", "4", "DK", "1", "0", "1", "0", "3", "2.5", "NotAsked", "4"], Cells(rows[0]));
        Assert.Equal(["70", "2", "NotAsked", "NotAsked", "NotAsked", "NotAsked", "NotAsked", "NotAsked", "2", "NotAnswered", "NotAsked", "NotAsked"], Cells(rows[1]));
        // v2 reverse-keys trust_info on 1..5: 4 counts as 2, so the mean of 2 and 2.
        Assert.Equal(["40", "1", "2", "4", "NotAnswered", "NotAnswered", "NotAnswered", "NotAnswered", "4", "NotAsked", "1", "2"], Cells(rows[2]));
        // v2 needs two answered items; don't know leaves one, and don't know is the reason the score is missing.
        Assert.Equal(["50", "1", "5", "DK", "NotAnswered", "NotAnswered", "NotAnswered", "NotAnswered", "1", "NotAsked", "2", "DK"], Cells(rows[3]));
        Assert.Equal([DatasetTestStudy.Comment, "NotAsked", "NotAnswered"], Texts(rows[0]));
        Assert.Equal(["NotAnswered", "=1+1", "NotAnswered"], Texts(rows[1]));
        Assert.Equal(["NotAnswered", "NotAsked", "NotAnswered"], Texts(rows[2]));
    }

    [Fact]
    public async Task ReadRowsAsync_GivesTheResponseMetadata_InResponseOrder()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();

        // Act
        var (_, rows) = await study.ReadAsync(DatasetFilter.All);

        // Assert
        Assert.True(rows.Select(r => r.ResponseId).SequenceEqual(rows.Select(r => r.ResponseId).Order()));
        var first = rows[0];
        Assert.Equal(
            (Audience.Citizen, "BE", "health", "unit-7", "en", "test-citizen", TestInstrument.Citizen.Sha256, DatasetStatus.Complete),
            (first.Audience, first.Country, first.PolicyField, first.ServiceUnit, first.Language, first.InstrumentKey, first.InstrumentSha256, first.Status));
        Assert.Equal(TestClock.Start.AddHours(1), first.StartedAt);
        Assert.Equal(TestClock.Start.AddHours(1).AddMinutes(10), first.CompletedAt);
        Assert.Equal(600, first.DurationSeconds);
        Assert.Equal(DatasetTestStudy.Version2.Sha256, rows[2].InstrumentSha256);
        Assert.Equal(
            ["age", "uses_service", "trust_staff", "trust_info", "channels", "satisfaction", "hours", "comment"],
            first.Answers.Select(a => a.ItemCode).OrderBy(c => Array.IndexOf(["age", "uses_service", "trust_staff", "trust_info", "channels", "satisfaction", "hours", "comment"], c)));
    }

    [Fact]
    public async Task ReadRowsAsync_MarksPagesAfterTheLastSubmittedOne_AsNotReached_ForAPartialResponse()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();

        // Act
        var (_, rows) = await study.ReadAsync(new DatasetFilter(IncludePartial: true));

        // Assert
        Assert.Equal(5, rows.Count);
        var partial = rows[4];
        Assert.Equal((DatasetStatus.Partial, (DateTimeOffset?)null, (double?)null), (partial.Status, partial.CompletedAt, partial.DurationSeconds));
        Assert.Equal(
            ["30", "1", "NotReached", "NotReached", "NotReached", "NotReached", "NotReached", "NotReached", "NotReached", "NotAsked", "NotReached", "NotReached"],
            Cells(partial));
        Assert.Equal(["NotReached", "NotReached", "NotReached"], Texts(partial));
    }

    [Fact]
    public async Task ReadRowsAsync_SelectsByAudienceCountryFieldAndDates()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        var start = TestClock.Start;

        // Act / Assert: completed at +1:10, +2:20, +3:30 and +4:40; the partial one started at +5:40.
        Assert.Equal(["70"], await AgesAsync(study, new DatasetFilter(Countries: ["EE"])));
        Assert.Equal(["70", "40"], await AgesAsync(study, new DatasetFilter(PolicyFields: ["education"])));
        Assert.Equal(["40", "50"], await AgesAsync(study, new DatasetFilter(From: start.AddHours(2.5))));
        Assert.Equal(["34", "70", "40"], await AgesAsync(study, new DatasetFilter(To: start.AddHours(4).AddMinutes(10))));
        Assert.Equal(["30"], await AgesAsync(study, new DatasetFilter(IncludePartial: true, From: start.AddHours(4).AddMinutes(50))));
        Assert.Equal(["34", "50"], await AgesAsync(study, new DatasetFilter(Countries: ["BE", "NL"], PolicyFields: ["health"])));
        Assert.Empty(await AgesAsync(study, new DatasetFilter(Audience: Audience.Professional)));
        Assert.Equal(4, await study.Dataset.CountAsync((await study.ReadAsync(DatasetFilter.All)).Layout, DatasetFilter.All, CancellationToken.None));
    }

    [Fact]
    public async Task GetLayoutAsync_ReturnsNull_ForAnUnknownStudy()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();

        // Act / Assert
        Assert.Null(await study.Dataset.GetLayoutAsync("no-such-study", null, CancellationToken.None));
    }

    [Fact]
    public async Task ReadRowsAsync_ReadsEveryResponseOnce_InOrder_ForManyResponses()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var count = 1_207;
        var simulated = Enumerable.Range(0, count).Select(i => new SimulatedResponse(
            Audience.Citizen,
            SurveyHarness.Context,
            TestClock.Start.AddMinutes(i),
            TestClock.Start.AddMinutes(i + 5),
            [AnswerValue.Numeric("age", i % 100), AnswerValue.SingleChoice("uses_service", "no"), AnswerValue.ScalePoint("satisfaction", 1 + i % 4)]));
        await harness.Importer.ImportCompletedAsync(SurveyHarness.StudyKey, simulated, CancellationToken.None);
        var dataset = new StudyDataset(harness.Database.ContextFactory);
        var layout = (await dataset.GetLayoutAsync(SurveyHarness.StudyKey, null, CancellationToken.None))!;
        var satisfaction = layout.Values.ToList().FindIndex(v => v.Name == "satisfaction");

        // Act
        var rows = new List<DatasetRow>();
        await foreach (var row in dataset.ReadRowsAsync(layout, DatasetFilter.All, CancellationToken.None))
        {
            rows.Add(row);
        }

        // Assert
        Assert.Equal(count, rows.Select(r => r.ResponseId).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, count).Select(i => (double?)(1 + i % 4)), rows.Select(r => r.Cells[satisfaction].Value));
    }

    private static async Task<List<string>> AgesAsync(DatasetTestStudy study, DatasetFilter filter) =>
        [.. (await study.ReadAsync(filter)).Rows.Select(r => Show(r.Cells[0]))];

    private static List<string> Cells(DatasetRow row) => [.. row.Cells.Select(Show)];

    private static List<string> Texts(DatasetRow row) => [.. row.Texts.Select(t => t.Text ?? t.Missing.ToString()!)];

    private static string Show(DatasetCell cell) =>
        cell.Value is { } value ? value.ToString(CultureInfo.InvariantCulture)
        : cell.Missing == MissingReason.DontKnow ? "DK"
        : cell.Missing.ToString()!;
}
