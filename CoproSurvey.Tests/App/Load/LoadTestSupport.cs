using CoproSurvey.App.Load;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Browser;
using CoproSurvey.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Load;

/// <summary>The shipped study for load runs, the app started with room for them, and checks of what they stored.</summary>
internal static class LoadTestSupport
{
    /// <summary>Configuration a load run needs: starting questionnaires is limited to 30 a minute per client address.</summary>
    public static readonly IReadOnlyDictionary<string, string> RaisedLimits =
        new Dictionary<string, string> { ["RateLimits:respondent-start:PermitLimit"] = "1000000" };

    public static StudyLoadResult Study { get; } = StudyLoader.LoadDirectory(RepositoryPaths.Data).Single(s => s.IsValid);

    public static LoadSettings Settings(string baseUrl, int respondents, TimeSpan duration) =>
        new(new Uri(baseUrl), Study.Study!.Key, Study.Instruments,
            Study.Study.Countries.Select(c => c.Code).ToList(), Study.Study.PolicyFields.Select(f => f.Code).ToList(),
            respondents, duration, TimeSpan.Zero);

    public static Task<AppProcess> StartAppAsync(string baseUrl, string databasePath) =>
        AppProcess.StartAsync(baseUrl, $"Data Source={databasePath}", settings: RaisedLimits);

    public static async Task<IReadOnlyList<string>> IntegrityCheckAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Every item of every logged page post is in the database with the value posted (the last post of a page counts).</summary>
    public static async Task AssertStoredAsync(string databasePath, LoadSettings settings, IReadOnlyList<AcknowledgedPagePost> posts)
    {
        await using var db = new CoproSurveyDbContext(
            new DbContextOptionsBuilder<CoproSurveyDbContext>().UseSqlite($"Data Source={databasePath};Pooling=False").Options);
        var checkedItems = 0;
        foreach (var response in posts.GroupBy(p => p.Token))
        {
            var hash = AccessTokens.Hash(response.Key);
            var stored = await db.ResponseAccessTokens.Where(t => t.TokenHash == hash)
                .Join(db.Responses.Include(r => r.Answers), t => t.ResponseId, r => r.Id, (t, r) => r)
                .SingleOrDefaultAsync();
            Assert.True(stored is not null, $"no response for token {response.Key}, which had {response.Count()} acknowledged page posts");
            var instrument = settings.Instruments[stored.Audience];
            var answers = stored.AnswerValues(instrument);
            foreach (var post in response.GroupBy(p => p.Page).Select(g => g.Last()))
            {
                foreach (var (item, posted) in post.Items)
                {
                    Assert.True(answers.TryGetValue(item, out var value), $"{item} of page {post.Page} of {response.Key} was acknowledged but is not stored");
                    IReadOnlyList<string> storedValues = value.DontKnow ? [AnswerValidator.DontKnowValue] : value.Choices ?? [value.Value!];
                    Assert.True(
                        storedValues.Order(StringComparer.Ordinal).SequenceEqual(posted.Order(StringComparer.Ordinal)),
                        $"{item} of {response.Key}: posted {string.Join(",", posted)}, stored {string.Join(",", storedValues)}");
                    checkedItems++;
                }
            }
        }

        Assert.True(checkedItems > 0, "the log holds no answered item");
    }
}
