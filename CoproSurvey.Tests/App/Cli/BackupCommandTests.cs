using System.Net;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Browser;
using CoproSurvey.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>The <c>backup</c> verb: an online copy of the database, checked, and what restoring it gives.</summary>
public sealed class BackupCommandTests : CliDatabaseTest
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);

    private string BackupPath => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "copy.db");

    [Fact]
    public async Task Backup_CopiesEveryEarlierResponseConsistently_WhileTheAppServesRespondents_AndTheCopyRestores()
    {
        var baseUrl = AppProcess.FreeLocalUrl();
        var tokens = new List<string>();
        await using (var app = await AppProcess.StartAsync(baseUrl, $"Data Source={DatabasePath}"))
        {
            for (var i = 0; i < 6; i++)
            {
                using var respondent = Respondent(baseUrl);
                var page = await SurveyFlowTests.StartAsync(respondent);
                page = await respondent.SubmitAsync(page, "page", Citizen.ForPage(page));
                Assert.Equal(HttpStatusCode.OK, page.Status);
                tokens.Add(page.Path.Split('/')[2]);
            }

            var before = await ReadAsync(db => db.Responses.Select(r => new { r.Id, Answers = r.Answers.Count }).ToListAsync());

            // Respondents keep submitting pages while the copy is taken.
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 3).Select(_ => Task.Run(() => AnswerUntilStoppedAsync(baseUrl, stop.Token))).ToList();
            await Task.Delay(500);
            var exit = await RunAsync("backup", "--out", BackupPath, "--database", DatabasePath);
            await stop.CancelAsync();
            var pagesDuringBackup = (await Task.WhenAll(load)).Sum();

            Assert.True(exit == 0, Error.ToString());
            Assert.True(pagesDuringBackup > 0, "no page was submitted while the copy was taken");
            Assert.Matches(@"Responses: \d+", Output.ToString());
            Assert.Contains("Integrity: ok", Output.ToString());
            Assert.Equal(["ok"], await QueryAsync(BackupPath, "PRAGMA integrity_check"));
            Assert.False(File.Exists(BackupPath + "-wal"));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(BackupPath)!, "*.tmp"));
            var copied = await ReadAsync(db => db.Responses.Select(r => new { r.Id, Answers = r.Answers.Count }).ToListAsync(), BackupPath);
            foreach (var response in before)
            {
                var copy = Assert.Single(copied, r => r.Id == response.Id);
                Assert.True(copy.Answers >= response.Answers);
            }
        }

        // Restore: the platform started on the copy serves it, and the respondents resume where they were.
        var restoredUrl = AppProcess.FreeLocalUrl();
        await using (var restored = await AppProcess.StartAsync(restoredUrl, $"Data Source={BackupPath}"))
        {
            using (var monitor = new HttpClient { BaseAddress = new Uri(restoredUrl) })
            {
                Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/health")).StatusCode);
            }

            foreach (var token in tokens)
            {
                using var respondent = Respondent(restoredUrl);
                var page = await respondent.GetAsync($"/r/{token}");
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Equal($"/r/{token}/2", page.Path);
            }
        }
    }

    [Fact]
    public async Task Backup_RefusesAnExistingTarget_AndLeavesItUnchanged()
    {
        await CreateDatabaseAsync();
        await File.WriteAllTextAsync(BackupPath, "an earlier copy");

        var exit = await RunAsync("backup", "--out", BackupPath, "--database", DatabasePath);

        Assert.Equal(2, exit);
        Assert.Contains("already exists", Error.ToString());
        Assert.Equal("an earlier copy", await File.ReadAllTextAsync(BackupPath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(BackupPath)!, "*.tmp"));
    }

    [Fact]
    public async Task Backup_ReplacesAnExistingTarget_WithForce()
    {
        await CreateDatabaseAsync();
        await File.WriteAllTextAsync(BackupPath, "an earlier copy");

        var exit = await RunAsync("backup", "--out", BackupPath, "--database", DatabasePath, "--force");

        Assert.True(exit == 0, Error.ToString());
        Assert.Equal(["ok"], await QueryAsync(BackupPath, "PRAGMA integrity_check"));
        Assert.Equal(["coproduction"], await QueryAsync(BackupPath, "SELECT Key FROM Studies"));
    }

    [Fact]
    public async Task Backup_ExitsTwo_AndWritesNothing_WhenTheDatabaseDoesNotExist()
    {
        var exit = await RunAsync("backup", "--out", BackupPath, "--database", DatabasePath);

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", Error.ToString());
        Assert.False(File.Exists(BackupPath));
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Backup_ExitsTwo_AndLeavesNoFile_WhenTheDatabaseIsNotSqlite()
    {
        await File.WriteAllTextAsync(DatabasePath, "not a database at all, just text that is long enough to have a header");

        var exit = await RunAsync("backup", "--out", BackupPath, "--database", DatabasePath);

        Assert.Equal(2, exit);
        Assert.False(File.Exists(BackupPath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(BackupPath)!));
    }

    [Fact]
    public async Task Backup_ExitsOne_WithoutOut()
    {
        var exit = await RunAsync("backup", "--database", DatabasePath);

        Assert.Equal(1, exit);
        Assert.Contains("Missing --out", Error.ToString());
    }

    [Fact]
    public async Task Backup_PrintsItsOptionsAndHowToRestore_OnHelp()
    {
        var exit = await RunAsync("backup", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--out FILE", Output.ToString());
        Assert.Contains("--force", Output.ToString());
        Assert.Contains("Restore:", Output.ToString());
    }

    private async Task CreateDatabaseAsync() =>
        Assert.Equal(0, await RunAsync("migrate", "--database", DatabasePath, "--data", RepositoryPaths.Data));

    private static HtmlFormClient Respondent(string baseUrl) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, UseCookies = true }) { BaseAddress = new Uri(baseUrl) });

    /// <summary>Starts one response and posts its first page again and again (each post a write) until stopped; returns the posts made.</summary>
    private static async Task<int> AnswerUntilStoppedAsync(string baseUrl, CancellationToken stop)
    {
        using var respondent = Respondent(baseUrl);
        var first = await SurveyFlowTests.StartAsync(respondent);
        var submitted = 0;
        while (!stop.IsCancellationRequested)
        {
            var next = await respondent.SubmitAsync(first, "page", Citizen.ForPage(first));
            Assert.Equal(HttpStatusCode.OK, next.Status);
            Assert.EndsWith("/2", next.Path);
            submitted++;
            first = await respondent.GetAsync(first.Path);
        }

        return submitted;
    }

    private async Task<T> ReadAsync<T>(Func<CoproSurvey.Core.Persistence.CoproSurveyDbContext, Task<T>> query, string? path = null)
    {
        await using var db = path is null ? Context() : new CoproSurvey.Core.Persistence.CoproSurveyDbContext(
            new DbContextOptionsBuilder<CoproSurvey.Core.Persistence.CoproSurveyDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
        return await query(db);
    }

    private static async Task<List<string>> QueryAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
