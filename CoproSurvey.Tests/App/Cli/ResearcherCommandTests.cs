using CoproSurvey.Core;
using CoproSurvey.App.Cli;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>The <c>researcher</c> verb on a database file in a temporary folder.</summary>
public sealed class ResearcherCommandTests : CliDatabaseTest
{
    private Task<int> RunOnDatabaseAsync(params string[] args) => RunAsync([.. args, "--database", DatabasePath]);

    [Fact]
    public async Task Add_PrintsAnAbsoluteOneTimeLink_AndCreatesTheAccountWithoutPassword()
    {
        var exit = await RunOnDatabaseAsync("researcher", "add", "--email", "Ana@Example.org", "--role", "admin");

        Assert.Equal(0, exit);
        var link = Output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/account/setup?token=", StringComparison.Ordinal));
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
        var exit = await RunOnDatabaseAsync("researcher", "add", "--email", "ana@example.org", "--role", "researcher", "--study", "coproduction", "--study-role", "analyst");

        Assert.Equal(0, exit);
        Assert.Contains("ana@example.org is analyst of study 'coproduction'", Output.ToString());
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
        var exit = await RunAsync(["researcher", .. args]);

        Assert.Equal(1, exit);
        Assert.NotEmpty(Error.ToString());
        Assert.Contains("Usage", Error.ToString() + Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DescribesTheActions()
    {
        var exit = await RunAsync("researcher", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("researcher add --email E --role admin|researcher", Output.ToString());
    }

    [Fact]
    public async Task AddTwice_ExitsTwo_AndDisableListLinkWork()
    {
        await RunOnDatabaseAsync("researcher", "add", "--email", "ana@example.org", "--role", "researcher");

        var twice = await RunOnDatabaseAsync("researcher", "add", "--email", "ana@example.org", "--role", "researcher");
        var disable = await RunOnDatabaseAsync("researcher", "disable", "--email", "ANA@example.org");
        var list = await RunOnDatabaseAsync("researcher", "list");
        var link = await RunOnDatabaseAsync("researcher", "link", "--email", "ana@example.org");
        var unknown = await RunOnDatabaseAsync("researcher", "disable", "--email", "nobody@example.org");

        Assert.Equal((2, 0, 0, 0, 2), (twice, disable, list, link, unknown));
        Assert.Contains("already exists", Error.ToString());
        Assert.Matches(@"ana@example\.org\s+researcher\s+disabled", Output.ToString());
        Assert.Equal(2, Output.ToString().Split("/account/setup?token=").Length - 1);
        await using var db = Context();
        Assert.True((await db.Users.SingleAsync()).IsDisabled);
    }
}
