using CoproSurvey.Core;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.Core.Accounts;

/// <summary>The Core account services on a fresh migrated SQLite database, with a clock the test moves.</summary>
public sealed class AccountServices : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly SqliteDatabase database = SqliteDatabase.InMemory();
    private readonly ServiceProvider services;

    public AccountServices()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddCoproSurveyCore(database.Options());
        services = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = TestClock.New();

    public ResearcherAccounts Accounts => services.GetRequiredService<ResearcherAccounts>();

    public StudyAccess Access => services.GetRequiredService<StudyAccess>();

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public CoproSurveyDbContext CreateContext() => database.CreateContext();

    /// <summary>Adds a study straight to the database (no instruments needed for access checks).</summary>
    public async Task<int> AddStudyAsync(string key, string title = "A study")
    {
        await using var db = database.CreateContext();
        var study = Study.Create(new StudyDefinition(key, title, "Description.", StudyStatus.Open, [], [], new Dictionary<Audience, string>()));
        db.Studies.Add(study);
        await db.SaveChangesAsync();
        return study.Id;
    }

    /// <summary>A researcher with a password set through their setup link, optionally with roles in studies.</summary>
    public async Task<string> AddResearcherAsync(string email, bool isAdmin = false, params (string Study, StudyRole Role)[] roles)
    {
        var added = await Accounts.AddAsync(email, isAdmin, Actor.CommandLine, default);
        Assert.True(added.Success, added.Error);
        var set = await Accounts.CompleteSetupAsync(added.Link!.Token, null, Password, default);
        Assert.True(set.Success, string.Join(" ", set.Errors));
        foreach (var (study, role) in roles)
        {
            var found = (await Access.StudyByKeyAsync(study, default))!.Value;
            var grant = new StudyGrant(found.Id, found.Key, found.Title, StudyRole.Owner, ViaAdmin: true);
            Assert.True((await Access.SetMemberAsync(grant, email, role, Actor.CommandLine, default)).Success);
        }

        return (await Accounts.FindIdByEmailAsync(email, default))!;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        database.Dispose();
    }
}
