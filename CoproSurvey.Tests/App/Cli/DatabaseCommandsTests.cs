using CoproSurvey.App.Cli;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>The verbs that create and fill a database: <c>migrate</c> and <c>seed-demo</c>, on a file in a temporary folder.</summary>
public sealed class DatabaseCommandsTests : CliDatabaseTest
{
    [Fact]
    public async Task Migrate_CreatesTheSchemaAndLoadsTheStudies_AndIsIdempotent()
    {
        var first = await RunAsync("migrate", "--database", DatabasePath, "--data", RepositoryPaths.Data);
        var firstOutput = Output.ToString();
        Output.GetStringBuilder().Clear();
        var second = await RunAsync("migrate", "--database", DatabasePath, "--data", RepositoryPaths.Data);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("Applied migration", firstOutput);
        Assert.Contains("Schema already up to date.", Output.ToString());
        await using var db = Context();
        Assert.Equal("coproduction", Assert.Single(await db.Studies.ToListAsync()).Key);
        Assert.Equal(2, await db.InstrumentVersions.CountAsync());
    }

    [Fact]
    public async Task Migrate_ExitsOne_OnAnUnknownOption()
    {
        var exit = await RunAsync("migrate", "--bogus");

        Assert.Equal(1, exit);
        Assert.Contains("Unknown option --bogus", Error.ToString());
    }

    [Fact]
    public async Task SeedDemo_AddsTheRequestedNumberOfSimulatedResponses_OfBothAudiences()
    {
        var exit = await RunAsync("seed-demo", "--responses", "120", "--seed", "4", "--database", DatabasePath, "--data", RepositoryPaths.Data);

        Assert.Equal(0, exit);
        Assert.Contains("Added 120 simulated responses to study 'coproduction' (seed 4)", Output.ToString());
        Assert.Contains($"s): {DatabasePath}", Output.ToString()); // where, as a path: never the connection string, which may hold a password
        await using var db = Context();
        var audiences = await db.Responses.Where(r => r.IsSimulated && r.CompletedAt != null).GroupBy(r => r.Audience).Select(g => g.Key).ToListAsync();
        Assert.Equal(120, await db.Responses.CountAsync());
        Assert.Equal([Audience.Citizen, Audience.Professional], audiences.Order());
    }

    [Theory]
    [InlineData("--responses", "0")]
    [InlineData("--responses", "many")]
    [InlineData("--seed", "7")]
    public async Task SeedDemo_ExitsOne_WithoutAValidNumberOfResponses(string option, string value)
    {
        var exit = await RunAsync("seed-demo", option, value, "--database", DatabasePath);

        Assert.Equal(1, exit);
        Assert.Contains("--responses needs a whole number", Error.ToString());
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task SeedDemo_ExitsTwo_ForAnUnknownStudy_AndAddsNothing()
    {
        var exit = await RunAsync("seed-demo", "--responses", "10", "--study", "nope", "--database", DatabasePath, "--data", RepositoryPaths.Data);

        Assert.Equal(2, exit);
        Assert.Contains("there is no study 'nope' (found: coproduction)", Error.ToString());
        await using var db = Context();
        Assert.Equal(0, await db.Responses.CountAsync());
    }
}
