using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// A study's responses as a wide dataset (<see cref="DatasetLayout"/>, <see cref="DatasetRow"/>): what exports,
/// dashboards and analyses read. Rows are streamed in response order, a response at a time, so memory stays flat however large the study grows.
/// </summary>
public sealed class StudyDataset(IDbContextFactory<CoproSurveyDbContext> contextFactory)
{
    /// <summary>The layout of the study's dataset for an audience (null: both), or null when there is no such study.</summary>
    public async Task<DatasetLayout?> GetLayoutAsync(string studyKey, Instruments.Audience? audience, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var studyId = await db.Studies.AsNoTracking().Where(s => s.Key == studyKey).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (studyId is null)
        {
            return null;
        }

        var versions = await db.InstrumentVersions.AsNoTracking()
            .Where(v => v.StudyId == studyId && (audience == null || v.Audience == audience))
            .OrderBy(v => v.Id)
            .Select(v => new { v.Sha256, v.CanonicalJson })
            .ToListAsync(ct);
        var instruments = versions.Select(v => InstrumentSnapshots.Get(v.Sha256, v.CanonicalJson)).ToList();
        return DatasetLayout.Build(studyKey, instruments, studyId.Value);
    }

    /// <summary>How many responses the filter selects (for progress reports).</summary>
    public async Task<int> CountAsync(DatasetLayout layout, DatasetFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await Select(db, layout, filter).CountAsync(ct);
    }

    /// <summary>The rows the filter selects, in response order.</summary>
    /// <remarks>
    /// Three queries stream side by side on one connection inside one read transaction (one snapshot, and in WAL mode
    /// no lock that keeps respondents from saving): the responses by id, their answers by response, and for partial
    /// responses the pages they submitted. Each is one pass in index order, so the time grows linearly with the study
    /// and memory holds one response at a time.
    /// </remarks>
    public async IAsyncEnumerable<DatasetRow> ReadRowsAsync(DatasetLayout layout, DatasetFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(filter);
        var builder = new DatasetRowBuilder(layout);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // PostgreSQL reads one result set at a time per connection: there the answers and the pages come from
        // connections of their own, each a read-committed pass (a completed response no longer changes).
        var oneConnection = db.Database.IsSqlite();
        await using var answersDb = oneConnection ? db : await contextFactory.CreateDbContextAsync(ct);
        await using var pagesDb = oneConnection ? db : await contextFactory.CreateDbContextAsync(ct);
        await using var snapshot = oneConnection ? await BeginSnapshotAsync(db, ct) : null;

        var responses = Select(db, layout, filter)
            .OrderBy(r => r.Id)
            .Select(r => new DatasetResponseFacts(r.Id, r.Audience, r.Country, r.PolicyField, r.ServiceUnit, r.Language, r.InstrumentSha256, r.StartedAt, r.CompletedAt, r.LastPage, r.TranslationSha256))
            .AsAsyncEnumerable();
        await using var answers = await AnswerReader.OpenAsync(
            answersDb,
            answersDb.Answers.AsNoTracking()
                .Where(a => Select(answersDb, layout, filter).Select(r => r.Id).Contains(a.ResponseId))
                .OrderBy(a => a.ResponseId).ThenBy(a => a.ItemCode),
            ct);
        var submitted = filter.IncludePartial
            ? pagesDb.PageEvents.AsNoTracking()
                .Where(e => e.Kind == PageEventKind.Submitted && Select(pagesDb, layout, filter).Where(r => r.CompletedAt == null).Select(r => r.Id).Contains(e.ResponseId))
                .OrderBy(e => e.ResponseId)
                .Select(e => new SubmittedPage(e.ResponseId, e.SectionCode))
                .AsAsyncEnumerable()
            : AsyncEnumerable.Empty<SubmittedPage>();

        await using var pageCursor = new Cursor<SubmittedPage>(submitted, ct);
        var rowAnswers = new List<DatasetStoredAnswer>();
        var rowPages = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var response in responses.WithCancellation(ct))
        {
            rowAnswers.Clear();
            await answers.ReadResponseAsync(response.Id, rowAnswers, ct);

            rowPages.Clear();
            while (await pageCursor.PeekAsync() && pageCursor.Current.ResponseId <= response.Id)
            {
                if (pageCursor.Current.ResponseId == response.Id)
                {
                    rowPages.Add(pageCursor.Current.SectionCode);
                }

                await pageCursor.MoveAsync();
            }

            yield return builder.Build(response, rowAnswers, rowPages);
        }
    }

    /// <summary>A deferred read transaction: one snapshot for the three passes, and in WAL mode no lock on writers.</summary>
    private static async Task<SqliteTransaction> BeginSnapshotAsync(CoproSurveyDbContext db, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var transaction = connection.BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return transaction;
    }

    /// <summary>
    /// The answers of a query in response order, read with the provider's own data reader on the connection (and in the
    /// transaction) of the context: EF translates the filter, but materialising fourteen million answers through it,
    /// each time parsed into a DateTimeOffset only to be formatted again, took most of an export's time. On SQLite the
    /// stored UTC text is kept as it is when it has the form the converter writes.
    /// </summary>
    private sealed class AnswerReader : IAsyncDisposable
    {
        // Don't know and not applicable come as one column: every column read through the provider costs about as much as stepping to the row.
        private const string MissingColumn = "Missing";
        private const int DontKnow = 1;
        private const int NotApplicable = 2;

        private readonly DbCommand command;
        private readonly DbDataReader reader;
        private readonly int responseId;
        private readonly int itemCode;
        private readonly int value;
        private readonly int number;
        private readonly int missing;
        private readonly int answeredAt;
        private readonly bool timeAsText;
        private bool any;

        private AnswerReader(DbCommand command, DbDataReader reader)
        {
            this.command = command;
            this.reader = reader;
            responseId = reader.GetOrdinal(nameof(Answer.ResponseId));
            itemCode = reader.GetOrdinal(nameof(Answer.ItemCode));
            value = reader.GetOrdinal(nameof(Answer.Value));
            number = reader.GetOrdinal(nameof(Answer.Number));
            missing = reader.GetOrdinal(MissingColumn);
            answeredAt = reader.GetOrdinal(nameof(Answer.AnsweredAt));
            timeAsText = reader.GetFieldType(answeredAt) == typeof(string);
        }

        public static async Task<AnswerReader> OpenAsync(CoproSurveyDbContext db, IQueryable<Answer> query, CancellationToken ct)
        {
            var command = query
                .Select(a => new { a.ResponseId, a.ItemCode, a.Value, a.Number, Missing = a.DontKnow ? DontKnow : a.NotApplicable ? NotApplicable : 0, a.AnsweredAt })
                .CreateDbCommand();
            try
            {
                if (command.Connection!.State != ConnectionState.Open)
                {
                    await db.Database.OpenConnectionAsync(ct);
                }

                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                var answers = new AnswerReader(command, await command.ExecuteReaderAsync(ct));
                answers.any = await answers.reader.ReadAsync(ct);
                return answers;
            }
            catch
            {
                await command.DisposeAsync();
                throw;
            }
        }

        /// <summary>Adds the answers of response <paramref name="id"/>, passing over those of responses before it.</summary>
        /// <remarks>One call per response rather than an async sequence of answers: the state machines of a sequence cost more than reading an answer.</remarks>
        public async ValueTask ReadResponseAsync(int id, List<DatasetStoredAnswer> into, CancellationToken ct)
        {
            while (any)
            {
                var of = reader.GetInt32(responseId);
                if (of > id)
                {
                    return;
                }

                if (of == id)
                {
                    var reason = reader.GetInt32(missing);
                    into.Add(new DatasetStoredAnswer(
                        of,
                        reader.GetString(itemCode),
                        reader.IsDBNull(value) ? null : reader.GetString(value),
                        reader.IsDBNull(number) ? null : reader.GetDouble(number),
                        reason == DontKnow,
                        reason == NotApplicable,
                        timeAsText ? TimeOfText() : StoredUtcTime.Of(reader.GetFieldValue<DateTimeOffset>(answeredAt))));
                }

                any = await reader.ReadAsync(ct);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }

        /// <summary>Stored text in the converter's form as it is; anything else read as the converter reads it (a UTC DateTime).</summary>
        private StoredUtcTime TimeOfText() =>
            StoredUtcTime.FromStoredText(reader.GetString(answeredAt))
            ?? StoredUtcTime.Of(new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(answeredAt), DateTimeKind.Utc)));
    }

    /// <summary>An async sequence read one element ahead.</summary>
    private sealed class Cursor<T>(IAsyncEnumerable<T> source, CancellationToken ct) : IAsyncDisposable
    {
        private readonly IAsyncEnumerator<T> enumerator = source.GetAsyncEnumerator(ct);
        private bool started;
        private bool any;

        public T Current => enumerator.Current;

        /// <summary>Whether there is a current element.</summary>
        public async ValueTask<bool> PeekAsync()
        {
            if (!started)
            {
                started = true;
                await MoveAsync();
            }

            return any;
        }

        public async ValueTask MoveAsync() => any = await enumerator.MoveNextAsync();

        public ValueTask DisposeAsync() => enumerator.DisposeAsync();
    }

    private sealed record SubmittedPage(int ResponseId, string SectionCode);

    /// <summary>The responses of the layout's study that the filter selects (for queries that follow the dataset's rows, such as paradata).</summary>
    internal static IQueryable<Response> Select(CoproSurveyDbContext db, DatasetLayout layout, DatasetFilter filter)
    {
        var query = db.Responses.AsNoTracking().Where(r => r.StudyId == layout.StudyId);
        if (filter.Audience is { } audience)
        {
            query = query.Where(r => r.Audience == audience);
        }

        if (filter.Countries is { Count: > 0 } countries)
        {
            query = query.Where(r => r.Country != null && countries.Contains(r.Country));
        }

        if (filter.PolicyFields is { Count: > 0 } fields)
        {
            query = query.Where(r => r.PolicyField != null && fields.Contains(r.PolicyField));
        }

        if (!filter.IncludePartial)
        {
            query = query.Where(r => r.CompletedAt != null);
        }

        if (filter.From is { } from)
        {
            query = query.Where(r => (r.CompletedAt != null && r.CompletedAt >= from) || (r.CompletedAt == null && r.StartedAt >= from));
        }

        if (filter.To is { } to)
        {
            query = query.Where(r => (r.CompletedAt != null && r.CompletedAt < to) || (r.CompletedAt == null && r.StartedAt < to));
        }

        return query;
    }
}
