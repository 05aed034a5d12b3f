using System.Collections.Concurrent;
using System.Data;
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

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Begins a transaction for a write. On SQLite it is <c>BEGIN IMMEDIATE</c>, so the write lock is held before the
    /// first read: concurrent writes of one response run one after the other and each sees what the other stored.
    /// </summary>
    /// <remarks>
    /// Microsoft.Data.Sqlite begins every transaction that is not asked to be deferred with <c>BEGIN IMMEDIATE</c>
    /// (<c>WriteTransactionsTests</c> holds it to that). On SQLite the writers of this process also queue for the file
    /// in turn, without blocking a thread, before asking for its lock: SQLite admits one writer at a time anyway, and a
    /// writer that finds the lock taken is retried by Microsoft.Data.Sqlite only after sleeping its thread for 150 ms,
    /// which under load costs far more time than the queue (docs/benchmarks.md). Writers in other processes (the
    /// command-line verbs) still meet the lock and wait for it.
    /// </remarks>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this DatabaseFacade database, CancellationToken ct, IsolationLevel? otherProviders = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        // A write that fails is run again whole on a new context (RetryWhenBusyAsync, the services' retries), never
        // continued in its transaction, so the savepoint EF sets around each SaveChanges in a transaction would be two
        // round trips for nothing.
        database.AutoSavepointsEnabled = false;
        if (!database.IsSqlite())
        {
            return otherProviders is { } level ? await database.BeginTransactionAsync(level, ct) : await database.BeginTransactionAsync(ct);
        }

        var gate = Gates.GetOrAdd(database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return new GatedTransaction(await database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>A transaction that lets the next writer of the file in when it ends.</summary>
    private sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate) : IDbContextTransaction
    {
        private int released;

        public Guid TransactionId => inner.TransactionId;

        public void Commit() => inner.Commit();

        public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);

        public void Rollback() => inner.Rollback();

        public Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);

        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
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
