using CoproSurvey.Core.Persistence;
using CoproSurvey.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Persistence;

/// <summary>Writes take SQLite's write lock when they begin, and a busy database is retried a bounded number of times.</summary>
public sealed class WriteTransactionsTests
{
    [Fact]
    public async Task BeginWriteAsync_HoldsTheWriteLock_BeforeAnythingIsRead()
    {
        // Arrange
        using var database = SqliteDatabase.InTempFolder();
        await using var db = database.CreateContext();

        // Act
        await using var transaction = await db.Database.BeginWriteAsync(CancellationToken.None);

        // Assert: another connection that waits one second cannot begin a write.
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        await using var other = new SqliteConnection($"Data Source={path};Default Timeout=1;Pooling=False");
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        var busy = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(5, busy.SqliteErrorCode);
        Assert.True(WriteTransactions.IsBusy(busy));
    }

    [Fact]
    public async Task RetryWhenBusyAsync_RunsTheWriteAgain_UntilTheDatabaseIsFree()
    {
        var attempts = 0;

        var result = await WriteTransactions.RetryWhenBusyAsync(
            _ => ++attempts < 3 ? throw new DbUpdateException("busy", new SqliteException("database is locked", 5)) : Task.FromResult(attempts),
            CancellationToken.None);

        Assert.Equal(3, result);
    }

    [Fact]
    public async Task RetryWhenBusyAsync_GivesUp_AfterMaxAttempts()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<SqliteException>(() => WriteTransactions.RetryWhenBusyAsync(
            _ =>
            {
                attempts++;
                throw new SqliteException("database is locked", 6);
            },
            CancellationToken.None));

        Assert.Equal(WriteTransactions.MaxAttempts, attempts);
    }

    [Fact]
    public async Task RetryWhenBusyAsync_LetsOtherErrorsThrough_AtOnce()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<SqliteException>(() => WriteTransactions.RetryWhenBusyAsync(
            _ =>
            {
                attempts++;
                throw new SqliteException("UNIQUE constraint failed", 19);
            },
            CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}
