using CoproSurvey.Core;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Responses;

/// <summary>
/// A migrated database holding the <see cref="TestInstrument"/> study, with the services under test on a fake clock.
/// Pages of the instrument: about (age, uses_service); service, only when uses_service = yes (trust matrix,
/// channels); views (satisfaction, hours, comment, followup only when age &gt; 60); final (nickname).
/// </summary>
internal sealed class SurveyHarness : IDisposable
{
    public const string StudyKey = "test-study";

    private SurveyHarness(ITestDatabase database)
    {
        Database = database;
        Responses = new ResponseService(database.ContextFactory, Clock);
        Importer = new ResponseImporter(database.ContextFactory, Clock);
        Queries = new StudyQueries(database.ContextFactory);
        Initializer = new DatabaseInitializer(database.ContextFactory, database.Options(), Clock);
    }

    public ITestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = TestClock.New();

    public ResponseService Responses { get; }

    public ResponseImporter Importer { get; }

    public StudyQueries Queries { get; }

    public DatabaseInitializer Initializer { get; }

    public static Task<SurveyHarness> CreateAsync(bool fileDatabase = false, StudyStatus status = StudyStatus.Open) =>
        CreateAsync(DatabaseProvider.Sqlite, fileDatabase, status);

    /// <summary>The harness on <paramref name="provider"/>; <paramref name="fileDatabase"/> asks SQLite for a file (PostgreSQL always has a server).</summary>
    public static async Task<SurveyHarness> CreateAsync(DatabaseProvider provider, bool fileDatabase = false, StudyStatus status = StudyStatus.Open)
    {
        var harness = new SurveyHarness(TestDatabases.Create(provider, fileDatabase));
        await harness.LoadStudyAsync(status);
        return harness;
    }

    /// <summary>The harness on a database given by the test, such as one whose contexts are instrumented.</summary>
    public static async Task<SurveyHarness> CreateAsync(ITestDatabase database)
    {
        var harness = new SurveyHarness(database);
        await harness.LoadStudyAsync(StudyStatus.Open);
        return harness;
    }

    public Task LoadStudyAsync(StudyStatus status, Instrument? instrument = null) =>
        Initializer.LoadStudyAsync(
            TestInstrument.Study(StudyKey, status),
            new Dictionary<Audience, Instrument> { [Audience.Citizen] = instrument ?? TestInstrument.Citizen },
            CancellationToken.None);

    public static RespondentContext Context => new("BE", "health", "unit-7");

    /// <summary>Starts a response and returns its access token.</summary>
    public async Task<string> StartAsync() => (await StartWithCodeAsync()).AccessToken;

    /// <summary>Starts a response and returns its access token and its resume code.</summary>
    public async Task<(string AccessToken, string ResumeCode)> StartWithCodeAsync()
    {
        var result = await Responses.StartAsync(StudyKey, Audience.Citizen, Context, true, CancellationToken.None);
        Assert.Empty(result.Errors);
        return (result.AccessToken!, result.ResumeCode!);
    }

    public Task<SubmitResult> SubmitAsync(string token, int page, params (string Key, string Value)[] fields) =>
        Responses.SubmitPageAsync(token, page, Form(fields), CancellationToken.None);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Form(params (string Key, string Value)[] fields) =>
        fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList());

    /// <summary>Submits the first page with the given answers, asserting success.</summary>
    public async Task<SubmitResult> SubmitOkAsync(string token, int page, params (string Key, string Value)[] fields)
    {
        var result = await SubmitAsync(token, page, fields);
        Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => $"{e.ItemCode}: {e.Message}")));
        return result;
    }

    /// <summary>Answers the short path (no service page) through to completion.</summary>
    public async Task CompleteShortPathAsync(string token)
    {
        await SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
        await SubmitOkAsync(token, 2, ("satisfaction", "3"));
        await SubmitOkAsync(token, 3, ("nickname", "Robin"));
    }

    /// <summary>Everything stored about a response, in a comparable form: answers and paradata.</summary>
    public async Task<string> SnapshotAsync(string token)
    {
        await using var db = Database.CreateContext();
        var response = await LoadAsync(db, token);
        var events = await db.PageEvents.Where(e => e.ResponseId == response.Id && e.Kind == PageEventKind.Submitted).CountAsync();
        var answers = response.Answers.OrderBy(a => a.ItemCode).Select(a => $"{a.ItemCode}={a.Value}|{a.DontKnow}|{a.AnsweredAt:O}");
        return $"{response.LastPage}|{response.CompletedAt:O}|{events}|{string.Join(",", answers)}";
    }

    /// <summary>The response an access token opens, with its answers.</summary>
    public static async Task<Response> LoadAsync(CoproSurveyDbContext db, string token)
    {
        var hash = AccessTokens.Hash(token);
        var responseId = await db.ResponseAccessTokens.Where(t => t.TokenHash == hash).Select(t => t.ResponseId).SingleAsync();
        return await db.Responses.Include(r => r.Answers).AsNoTracking().SingleAsync(r => r.Id == responseId);
    }

    public void Dispose() => Database.Dispose();
}
