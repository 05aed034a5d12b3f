using CoproSurvey.Core.Audit;
using CoproSurvey.Tests.Core.Export;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>The <c>export</c> verb on a demo database in a temporary folder.</summary>
public sealed class ExportCommandTests : CliDatabaseTest
{
    private string OutPath => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "bundle");

    private async Task SeedAsync(int responses = 40)
    {
        var seeded = await RunAsync("seed-demo", "--responses", responses.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "11", "--database", DatabasePath, "--data", RepositoryPaths.Data);
        Assert.Equal(0, seeded);
        Output.GetStringBuilder().Clear();
    }

    private Task<int> ExportAsync(params string[] options) =>
        RunAsync(["export", "--study", "coproduction", "--out", OutPath, "--database", DatabasePath, "--data", RepositoryPaths.Data, .. options]);

    [Fact]
    public async Task Export_WritesTheBundle_AndRecordsItInTheAuditLog()
    {
        // Arrange
        await SeedAsync();

        // Act
        var exit = await ExportAsync("--countries", "BE,NL", "--audience", "citizen", "--text");

        // Assert
        Assert.Equal(0, exit);
        Assert.Contains("responses of study 'coproduction' to " + OutPath, Output.ToString());
        Assert.Equal(
            ["codebook.csv", "codebook.html", "data.csv", "load.R", "load.do", "load.sps", "long.csv", "manifest.json", "paradata.csv", "text.csv"],
            Directory.GetFiles(OutPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var data = BundleFiles.ReadRecords(Path.Combine(OutPath, "data.csv"));
        Assert.NotEmpty(data);
        Assert.All(data, r => Assert.True(r["audience"] == "citizen" && r["country"] is "BE" or "NL"));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(OutPath)!, ".bundle.*"));
        await using var db = Context();
        var entry = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.Export);
        Assert.Equal("command line", entry.Actor);
        Assert.StartsWith($"{data.Count} responses; audience citizen; countries BE,NL;", entry.Detail);
    }

    [Theory]
    [InlineData("--audience", "citizens", "--audience: 'citizens' is not an audience")]
    [InlineData("--countries", "BE,FR", "--countries: 'FR' is not one of study 'coproduction'")]
    [InlineData("--fields", "health,,care", "--fields has an empty name")]
    [InlineData("--from", "2026-13-01", "--from: '2026-13-01' is not a date")]
    [InlineData("--to", "yesterday", "--to: 'yesterday' is not a date")]
    public async Task Export_ExitsTwo_AndWritesNothing_OnBadInput(string option, string value, string message)
    {
        // Arrange
        await SeedAsync(5);

        // Act
        var exit = await ExportAsync(option, value);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains(message, Error.ToString());
        Assert.False(Directory.Exists(OutPath));
        await using var db = Context();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Export));
    }

    [Fact]
    public async Task Export_ExitsTwo_ForAnUnknownStudy_OrDatesOutOfOrder_OrATargetThatIsNotEmpty()
    {
        // Arrange
        await SeedAsync(5);

        // Act / Assert
        Assert.Equal(2, await RunAsync("export", "--study", "nope", "--out", OutPath, "--database", DatabasePath, "--data", RepositoryPaths.Data));
        Assert.Contains("there is no study 'nope'", Error.ToString());
        Assert.Equal(2, await ExportAsync("--from", "2026-05-01", "--to", "2026-04-30"));
        Assert.Contains("--from (2026-05-01) is not before --to (2026-04-30)", Error.ToString());
        Directory.CreateDirectory(OutPath);
        await File.WriteAllTextAsync(Path.Combine(OutPath, "keep.txt"), "mine");
        Assert.Equal(2, await ExportAsync());
        Assert.Contains("already exists and is not an empty folder", Error.ToString());
        Assert.Equal(["keep.txt"], Directory.GetFiles(OutPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_SelectsByDate_WithADateAloneIncludingThatDay()
    {
        // Arrange
        await SeedAsync(30);
        await using (var db = Context())
        {
            var last = (await db.Responses.Select(r => r.CompletedAt).ToListAsync()).Max()!.Value.UtcDateTime;
            var day = last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

            // Act
            var exit = await ExportAsync("--from", day, "--to", day);

            // Assert
            Assert.Equal(0, exit);
            var expected = (await db.Responses.Select(r => r.CompletedAt).ToListAsync()).Count(c => c!.Value.UtcDateTime.Date == last.Date);
            Assert.Equal(expected, BundleFiles.ReadRecords(Path.Combine(OutPath, "data.csv")).Count);
        }
    }

    [Fact]
    public async Task Export_ExitsOne_WithoutTheRequiredOptions_AndShowsUsageOnHelp()
    {
        Assert.Equal(1, await RunAsync("export", "--study", "coproduction"));
        Assert.Contains("Missing --out", Error.ToString());
        Assert.Equal(0, await RunAsync("export", "--help"));
        Assert.Contains("--include-partial", Output.ToString());
    }
}
