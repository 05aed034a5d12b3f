using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoproSurvey.Core.Persistence;

/// <summary>
/// How the platform writes, with what is particular to SQLite kept here: a write transaction takes the write lock
/// when it begins, and a write that finds the database busy is run again a bounded number of times, so that
/// "database is locked" never reaches a respondent.
/// </summary>
/// <remarks>
/// SQLite lets one writer at a time into a file (in WAL mode readers never wait). A transaction begun as
/// <c>BEGIN DEFERRED</c> that reads and then writes can find that another writer committed in between: SQLite then
/// answers SQLITE_BUSY at once, without waiting, and only running the whole transaction again helps.
/// <c>BEGIN IMMEDIATE</c> (what Microsoft.Data.Sqlite issues for <c>BeginTransaction</c>) waits for the lock first,
/// for up to the command timeout; <see cref="RetryWhenBusyAsync{T}"/> covers what is left (a wait that ran out, a
/// checkpoint holding the file).
/// </remarks>
public static class WriteTransactions
{
    /// <summary>Attempts of one write before its error is let through.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Begins a transaction for a write. On SQLite it is <c>BEGIN IMMEDIATE</c>, so the write lock is held before the
    /// first read: concurrent writes of one response run one after the other and each sees what the other stored.
    /// </summary>
    /// <remarks>
    /// Microsoft.Data.Sqlite begins every transaction that is not asked to be deferred with <c>BEGIN IMMEDIATE</c>
    /// (<c>WriteTransactionsTests</c> holds it to that); other providers begin their default transaction.
    /// </remarks>
    public static Task<IDbContextTransaction> BeginWriteAsync(this DatabaseFacade database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.BeginTransactionAsync(ct);
    }

    /// <summary>
    /// Runs <paramref name="write"/> (which must create its own context, so that a retry starts clean) and runs it
    /// again while the database answers busy or locked, at most <see cref="MaxAttempts"/> times in all, with a short
    /// random pause that grows with each attempt.
    /// </summary>
    public static async Task<T> RetryWhenBusyAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write(ct);
            }
            catch (Exception ex) when (IsBusy(ex) && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), ct);
            }
        }
    }

    /// <summary>As <see cref="RetryWhenBusyAsync{T}"/>, for a write with no result.</summary>
    public static Task RetryWhenBusyAsync(Func<CancellationToken, Task> write, CancellationToken ct) =>
        RetryWhenBusyAsync(
            async token =>
            {
                await write(token);
                return true;
            },
            ct);

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), also when EF wraps it.</summary>
    public static bool IsBusy(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: 5 or 6 }
        || (ex is DbUpdateException or InvalidOperationException && ex.InnerException is { } inner && IsBusy(inner));
}
