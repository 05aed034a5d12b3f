using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Persistence;

public class MigrationTests
{
    [Fact]
    public void Migrations_LeaveNothingPending_OnEmptyDatabase()
    {
        // Arrange / Act: the fixture migrates an empty in-memory database.
        using var database = SqliteDatabase.InMemory();
        using var context = database.CreateContext();

        // Assert
        Assert.Empty(context.Database.GetPendingMigrations());
        Assert.NotEmpty(context.Database.GetAppliedMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "The model has changes without a migration: add one with dotnet ef migrations add.");
    }

    [Fact]
    public void Migrations_CreateUniqueIndexes_ForResumeCodeAndAnswerItem()
    {
        // Arrange
        using var database = SqliteDatabase.InMemory();
        using var context = database.CreateContext();

        // Act
        var indexes = context.Database
            .SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE%'")
            .ToList();

        // Assert
        Assert.Contains(indexes, s => s.Contains("\"Responses\"") && s.Contains("\"ResumeCode\""));
        Assert.Contains(indexes, s => s.Contains("\"Answers\"") && s.Contains("\"ResponseId\", \"ItemCode\""));
        Assert.Contains(indexes, s => s.Contains("\"Studies\"") && s.Contains("\"Key\""));
    }
}
