using CoproSurvey.Core;
using CoproSurvey.App.Cli;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>The <c>researcher</c> verb on a database file in a temporary folder.</summary>
public sealed class ResearcherCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("coprosurvey-cli-researcher-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private string DatabasePath => Path.Combine(folder, "cli.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Task<int> RunAsync(params string[] args) =>
        CliApp.RunAsync([.. args, "--database", DatabasePath], new CliConsole(output, error), CancellationToken.None);

    private CoproSurveyDbContext Context() =>
        new(new DbContextOptionsBuilder<CoproSurveyDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False").Options);

    [Fact]
    public async Task Add_PrintsAnAbsoluteOneTimeLink_AndCreatesTheAccountWithoutPassword()
    {
        var exit = await RunAsync("researcher", "add", "--email", "Ana@Example.org", "--role", "admin");

        Assert.Equal(0, exit);
        var link = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/account/setup?token=", StringComparison.Ordinal));
        Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri), link);
        Assert.Equal("/account/setup", uri.AbsolutePath);
        await using var db = Context();
        var researcher = await db.Users.SingleAsync();
        Assert.Equal("ana@example.org", researcher.Email);
        Assert.True(researcher.IsAdmin);
        Assert.Null(researcher.PasswordHash);
        var token = uri.Query["?token=".Length..];
        Assert.Equal(SecretTokens.Hash(Uri.UnescapeDataString(token)), (await db.SetupTokens.SingleAsync()).TokenHash);
    }

    [Fact]
    public async Task Add_GivesARoleInAStudy_WhenAsked()
    {
        var exit = await RunAsync("researcher", "add", "--email", "ana@example.org", "--role", "researcher", "--study", "coproduction", "--study-role", "analyst");

        Assert.Equal(0, exit);
        Assert.Contains("ana@example.org is analyst of study 'coproduction'", output.ToString());
        await using var db = Context();
        Assert.Equal(StudyRole.Analyst, (await db.StudyMemberships.SingleAsync()).Role);
    }

    [Theory]
    [InlineData("add", "--email", "ana@example.org", "--role", "superuser")]
    [InlineData("add", "--email", "ana@example.org")]
    [InlineData("add", "--email", "ana@example.org", "--role", "researcher", "--study-role", "owner")]
    [InlineData("add", "--email", "ana@example.org", "--role", "researcher", "--study", "coproduction", "--study-role", "3")]
    [InlineData("promote", "--email", "ana@example.org")]
    public async Task BadUsage_ExitsOne_WithTheReason(params string[] args)
    {
        var exit = await CliApp.RunAsync(["researcher", .. args], new CliConsole(output, error), CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.NotEmpty(error.ToString());
        Assert.Contains("Usage", error.ToString() + output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DescribesTheActions()
    {
        var exit = await CliApp.RunAsync(["researcher", "--help"], new CliConsole(output, error), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("researcher add --email E --role admin|researcher", output.ToString());
    }

    [Fact]
    public async Task AddTwice_ExitsTwo_AndDisableListLinkWork()
    {
        await RunAsync("researcher", "add", "--email", "ana@example.org", "--role", "researcher");

        var twice = await RunAsync("researcher", "add", "--email", "ana@example.org", "--role", "researcher");
        var disable = await RunAsync("researcher", "disable", "--email", "ANA@example.org");
        var list = await RunAsync("researcher", "list");
        var link = await RunAsync("researcher", "link", "--email", "ana@example.org");
        var unknown = await RunAsync("researcher", "disable", "--email", "nobody@example.org");

        Assert.Equal((2, 0, 0, 0, 2), (twice, disable, list, link, unknown));
        Assert.Contains("already exists", error.ToString());
        Assert.Matches(@"ana@example\.org\s+researcher\s+disabled", output.ToString());
        Assert.Equal(2, output.ToString().Split("/account/setup?token=").Length - 1);
        await using var db = Context();
        Assert.True((await db.Users.SingleAsync()).IsDisabled);
    }
}
