using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>The <c>import</c> verb: problems by file, row and column with exit code 2, and nothing written.</summary>
public sealed class ImportCommandTests : CliDatabaseTest
{
    [Fact]
    public async Task Import_NamesFileRowAndColumn_AndWritesNothing_ForABadFile()
    {
        // Arrange
        var csv = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "paper.csv");
        await File.WriteAllTextAsync(csv, "audience,country,started_at,completed_at,no_such_item\ncitizen,BE,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,3\n");

        // Act
        var exit = await RunAsync("import", "--study", "coproduction", "--csv", csv, "--database", DatabasePath);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains($"{csv}: row 1, column no_such_item: study 'coproduction' has no such column", Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing was imported", Error.ToString(), StringComparison.Ordinal);
        await using var db = Context();
        Assert.Equal(0, await db.Responses.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action == "import"));
    }

    [Fact]
    public async Task ExportImportExport_GivesTheSameDataCsv()
    {
        // Arrange
        var folder = Path.GetDirectoryName(DatabasePath)!;
        var second = Path.Combine(folder, "second.db");
        Assert.Equal(0, await RunAsync("seed-demo", "--responses", "60", "--database", DatabasePath));
        Assert.Equal(0, await RunAsync("export", "--study", "coproduction", "--out", Path.Combine(folder, "first"), "--database", DatabasePath));

        // Act
        var imported = await RunAsync("import", "--study", "coproduction", "--csv", Path.Combine(folder, "first", "data.csv"), "--database", second);
        var exported = await RunAsync("export", "--study", "coproduction", "--out", Path.Combine(folder, "again"), "--database", second);

        // Assert
        Assert.True(imported == 0, Error.ToString());
        Assert.Equal(0, exported);
        Assert.Contains("Imported 60 responses (60 complete, 0 partial)", Output.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(folder, "first", "data.csv")),
            await File.ReadAllTextAsync(Path.Combine(folder, "again", "data.csv")));
    }

    [Fact]
    public async Task Import_SaysSo_WhenTheFileDoesNotExist()
    {
        // Act
        var exit = await RunAsync("import", "--study", "coproduction", "--csv", "/no/such/file.csv", "--database", DatabasePath);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains("/no/such/file.csv: file not found; nothing was imported.", Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PrintsUsage_ForHelp_AndWithoutTheRequiredOptions()
    {
        // Act
        var help = await RunAsync("import", "--help");
        var missing = await RunAsync("import", "--study", "coproduction");

        // Assert
        Assert.Equal(0, help);
        Assert.Contains("Usage: CoproSurvey.App import --study KEY --csv FILE", Output.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(0, missing);
        Assert.Contains("--csv", Error.ToString(), StringComparison.Ordinal);
    }
}
