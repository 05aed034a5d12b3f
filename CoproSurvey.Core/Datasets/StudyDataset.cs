using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// A study's responses as a wide dataset (<see cref="DatasetLayout"/>, <see cref="DatasetRow"/>): what exports,
/// dashboards and analyses read. Rows are streamed in response order, a response at a time, so memory stays flat however large the study grows.
/// </summary>
public sealed class StudyDataset(IDbContextFactory<CoproSurveyDbContext> contextFactory)
{
    /// <summary>
    /// How answers are read on SQLite: for tests that check every path gives the same rows. Elsewhere the provider's
    /// data reader is the only path.
    /// </summary>
    internal SqliteAnswerPath AnswersOnSqlite { get; init; } = SqliteAnswerPath.StatementDirect;

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
            AnswersOnSqlite,
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
    /// The answers of a query in response order, read on the connection (and in the transaction) of the context: EF
    /// translates the filter, but materialising fourteen million answers through it, each time parsed into a
    /// DateTimeOffset only to be formatted again, took most of an export's time. The stored UTC text is kept as it is
    /// when it has the form the converter writes. On SQLite the command EF builds is run through SQLite's own statement
    /// API (<see cref="SqliteAnswerReader"/>); elsewhere through the provider's data reader (<see cref="ProviderAnswerReader"/>).
    /// </summary>
    private abstract class AnswerReader : IAsyncDisposable
    {
        // Don't know and not applicable come as one column: every column read through the provider costs about as much as stepping to the row.
        protected const string MissingColumn = "Missing";
        protected const int DontKnow = 1;
        protected const int NotApplicable = 2;

        public static async Task<AnswerReader> OpenAsync(CoproSurveyDbContext db, SqliteAnswerPath onSqlite, IQueryable<Answer> query, CancellationToken ct)
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
                if (onSqlite != SqliteAnswerPath.ProviderReader && command is SqliteCommand sqlite
                    && SqliteAnswerReader.TryOpen(sqlite, onSqlite == SqliteAnswerPath.StatementDirect && SqliteNative.Available) is { } direct)
                {
                    await command.DisposeAsync();
                    return direct;
                }

                return await ProviderAnswerReader.OpenAsync(command, ct);
            }
            catch
            {
                await command.DisposeAsync();
                throw;
            }
        }

        /// <summary>Adds the answers of response <paramref name="id"/>, passing over those of responses before it.</summary>
        /// <remarks>One call per response rather than an async sequence of answers: the state machines of a sequence cost more than reading an answer.</remarks>
        public abstract ValueTask ReadResponseAsync(int id, List<DatasetStoredAnswer> into, CancellationToken ct);

        public abstract ValueTask DisposeAsync();
    }

    /// <summary>The answers through the provider's <see cref="DbDataReader"/> (PostgreSQL; SQLite where its statement API cannot take the command).</summary>
    private sealed class ProviderAnswerReader : AnswerReader
    {
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

        private ProviderAnswerReader(DbCommand command, DbDataReader reader)
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

        public static async Task<AnswerReader> OpenAsync(DbCommand command, CancellationToken ct)
        {
            var answers = new ProviderAnswerReader(command, await command.ExecuteReaderAsync(ct));
            answers.any = await answers.reader.ReadAsync(ct);
            return answers;
        }

        public override async ValueTask ReadResponseAsync(int id, List<DatasetStoredAnswer> into, CancellationToken ct)
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

        public override async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }

        /// <summary>Stored text in the converter's form as it is; anything else read as the converter reads it (a UTC DateTime).</summary>
        private StoredUtcTime TimeOfText() =>
            StoredUtcTime.FromStoredText(reader.GetString(answeredAt))
            ?? StoredUtcTime.Of(new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(answeredAt), DateTimeKind.Utc)));
    }

    /// <summary>
    /// The answers through SQLite's statement API on the connection's handle: the command EF built (its SQL and
    /// parameters) prepared and stepped directly, each column read with one call and text taken as UTF-8 bytes.
    /// Microsoft.Data.Sqlite's getters cost about 170 ns a call (checks, the column's type asked again, the handle's
    /// reference counted), which for fourteen million answers was more than SQLite took to step through them. The
    /// values read are the provider reader's: item codes, short values and times recur, and are made into strings
    /// once (<see cref="Utf8StringPool"/>; a time is compared with the one before it as bytes).
    /// </summary>
    private sealed class SqliteAnswerReader : AnswerReader
    {
        private readonly sqlite3 db;
        private readonly sqlite3_stmt statement;
        private readonly int responseId;
        private readonly int itemCode;
        private readonly int value;
        private readonly int number;
        private readonly int missing;
        private readonly int answeredAt;
        private readonly Utf8StringPool strings = new();
        private readonly IntPtr pointer;
        private readonly bool direct;
        private byte[] bytes = new byte[256];
        private byte[] lastTimeText = new byte[64];
        private int lastTimeLength = -1;
        private StoredUtcTime lastTime;
        private bool any;

        private SqliteAnswerReader(sqlite3 db, sqlite3_stmt statement, Dictionary<string, int> columns, bool direct)
        {
            this.db = db;
            this.direct = direct;
            this.statement = statement;
            pointer = statement.DangerousGetHandle();
            responseId = columns[nameof(Answer.ResponseId)];
            itemCode = columns[nameof(Answer.ItemCode)];
            value = columns[nameof(Answer.Value)];
            number = columns[nameof(Answer.Number)];
            missing = columns[MissingColumn];
            answeredAt = columns[nameof(Answer.AnsweredAt)];
        }

        /// <summary>The reader on the command's statement and first row, or null when the command holds what this reader does not bind (the provider's reader takes it then).</summary>
        /// <param name="direct">Whether columns are read on the statement's pointer (<see cref="SqliteNative"/>) rather than through SQLitePCLRaw.</param>
        public static SqliteAnswerReader? TryOpen(SqliteCommand command, bool direct)
        {
            var db = ((SqliteConnection)command.Connection!).Handle!;
            var rc = raw.sqlite3_prepare_v2(db, command.CommandText, out var statement, out var tail);
            if (rc != raw.SQLITE_OK)
            {
                statement.Dispose();
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            try
            {
                if (!string.IsNullOrWhiteSpace(tail) || !TryBind(statement, command.Parameters))
                {
                    statement.Dispose();
                    return null;
                }

                var columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < raw.sqlite3_column_count(statement); i++)
                {
                    columns.TryAdd(raw.sqlite3_column_name(statement, i).utf8_to_string(), i);
                }

                var reader = new SqliteAnswerReader(db, statement, columns, direct);
                reader.any = reader.Step();
                return reader;
            }
            catch
            {
                statement.Dispose();
                throw;
            }
        }

        public override ValueTask ReadResponseAsync(int id, List<DatasetStoredAnswer> into, CancellationToken ct)
        {
            while (any)
            {
                var of = checked((int)Int64(responseId));
                if (of > id)
                {
                    break;
                }

                if (of == id)
                {
                    var reason = Int64(missing);
                    into.Add(new DatasetStoredAnswer(
                        of,
                        strings.Get(Bytes(itemCode)),
                        Text(value),
                        Number(),
                        reason == DontKnow,
                        reason == NotApplicable,
                        Time()));
                }

                any = Step();
            }

            return ValueTask.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            statement.Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// Binds the command's parameters as Microsoft.Data.Sqlite binds values of their types: integers (and booleans)
        /// as integers, doubles as reals, strings as text, byte arrays as blobs, null as null. False when a parameter
        /// holds another type, or the statement has a parameter the command does not name.
        /// </summary>
        private static bool TryBind(sqlite3_stmt statement, SqliteParameterCollection parameters)
        {
            var bound = 0;
            foreach (SqliteParameter parameter in parameters)
            {
                var index = IndexOf(statement, parameter.ParameterName);
                if (index == 0)
                {
                    continue;
                }

                var rc = parameter.Value switch
                {
                    null or DBNull => raw.sqlite3_bind_null(statement, index),
                    string text => raw.sqlite3_bind_text(statement, index, text),
                    bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
                    int or long or short or byte or sbyte or ushort or uint => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(parameter.Value, CultureInfo.InvariantCulture)),
                    double or float => raw.sqlite3_bind_double(statement, index, Convert.ToDouble(parameter.Value, CultureInfo.InvariantCulture)),
                    byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                    _ => -1,
                };
                if (rc != raw.SQLITE_OK)
                {
                    return false;
                }

                bound++;
            }

            return bound == raw.sqlite3_bind_parameter_count(statement);
        }

        /// <summary>The statement's index of a parameter (0: not in the statement), named with or without its prefix as Microsoft.Data.Sqlite accepts.</summary>
        private static int IndexOf(sqlite3_stmt statement, string name)
        {
            if (name.Length > 0 && name[0] is '@' or ':' or '$')
            {
                return raw.sqlite3_bind_parameter_index(statement, name);
            }

            foreach (var prefix in (ReadOnlySpan<string>)["@", ":", "$"])
            {
                if (raw.sqlite3_bind_parameter_index(statement, prefix + name) is var index and > 0)
                {
                    return index;
                }
            }

            return 0;
        }

        private bool Step()
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            return false;
        }

        private long Int64(int column) => direct ? SqliteNative.ColumnInt64(pointer, column) : raw.sqlite3_column_int64(statement, column);

        private double Double(int column) => direct ? SqliteNative.ColumnDouble(pointer, column) : raw.sqlite3_column_double(statement, column);

        private int Type(int column) => direct ? SqliteNative.ColumnType(pointer, column) : raw.sqlite3_column_type(statement, column);

        /// <summary>The column's bytes as text or blob (empty for null), valid until the next call: copied out of SQLite's row when called directly.</summary>
        private ReadOnlySpan<byte> Bytes(int column)
        {
            if (!direct)
            {
                return raw.sqlite3_column_blob(statement, column);
            }

            var start = SqliteNative.ColumnBlob(pointer, column);
            var length = SqliteNative.ColumnBytes(pointer, column);
            if (start == IntPtr.Zero || length == 0)
            {
                return [];
            }

            if (bytes.Length < length)
            {
                bytes = new byte[Math.Max(length, bytes.Length * 2)];
            }

            Marshal.Copy(start, bytes, 0, length);
            return bytes.AsSpan(0, length);
        }

        /// <summary>Text or null; the column's type is asked only when there are no bytes (null or empty text).</summary>
        private string? Text(int column)
        {
            var text = Bytes(column);
            return !text.IsEmpty ? strings.Get(text)
                : Type(column) == raw.SQLITE_NULL ? null
                : "";
        }

        /// <summary>The number or null; the column's type is asked only for 0, which is also what SQLite gives for null.</summary>
        private double? Number()
        {
            var read = Double(number);
            return read != 0 || Type(number) != raw.SQLITE_NULL ? read : null;
        }

        /// <summary>The answer's time, read as the provider reader reads it; the same text as the answer before gives the same value without decoding it again.</summary>
        private StoredUtcTime Time()
        {
            if (Type(answeredAt) is raw.SQLITE_INTEGER or raw.SQLITE_FLOAT)
            {
                lastTimeLength = -1;
                return StoredUtcTime.Of(new DateTimeOffset(DateTime.FromOADate(Double(answeredAt) - 2415018.5)));
            }

            var text = Bytes(answeredAt);
            if (text.Length == lastTimeLength && text.SequenceEqual(lastTimeText.AsSpan(0, lastTimeLength)))
            {
                return lastTime;
            }

            var decoded = Encoding.UTF8.GetString(text);
            lastTime = StoredUtcTime.FromStoredText(decoded)
                ?? StoredUtcTime.Of(new DateTimeOffset(DateTime.SpecifyKind(DateTime.Parse(decoded, CultureInfo.InvariantCulture), DateTimeKind.Utc)));
            if (lastTimeText.Length < text.Length)
            {
                lastTimeText = new byte[text.Length];
            }

            text.CopyTo(lastTimeText);
            lastTimeLength = text.Length;
            return lastTime;
        }
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

/// <summary>How <see cref="StudyDataset"/> reads answers on SQLite.</summary>
internal enum SqliteAnswerPath
{
    /// <summary>SQLite's statement API, columns read on the statement's pointer where <see cref="SqliteNative.Available"/> (else as below).</summary>
    StatementDirect,

    /// <summary>SQLite's statement API through SQLitePCLRaw's getters, as where the direct getters are not available.</summary>
    StatementThroughSqlitePclRaw,

    /// <summary>The provider's data reader, as on PostgreSQL.</summary>
    ProviderReader,
}
