using System.Runtime.CompilerServices;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
        var answers = answersDb.Answers.AsNoTracking()
            .Where(a => Select(answersDb, layout, filter).Select(r => r.Id).Contains(a.ResponseId))
            .OrderBy(a => a.ResponseId).ThenBy(a => a.ItemCode)
            .Select(a => new DatasetStoredAnswer(a.ResponseId, a.ItemCode, a.Value, a.Number, a.DontKnow, a.NotApplicable, a.AnsweredAt))
            .AsAsyncEnumerable();
        var submitted = filter.IncludePartial
            ? pagesDb.PageEvents.AsNoTracking()
                .Where(e => e.Kind == PageEventKind.Submitted && Select(pagesDb, layout, filter).Where(r => r.CompletedAt == null).Select(r => r.Id).Contains(e.ResponseId))
                .OrderBy(e => e.ResponseId)
                .Select(e => new SubmittedPage(e.ResponseId, e.SectionCode))
                .AsAsyncEnumerable()
            : AsyncEnumerable.Empty<SubmittedPage>();

        await using var answerCursor = new Cursor<DatasetStoredAnswer>(answers, ct);
        await using var pageCursor = new Cursor<SubmittedPage>(submitted, ct);
        var rowAnswers = new List<DatasetStoredAnswer>();
        var rowPages = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var response in responses.WithCancellation(ct))
        {
            rowAnswers.Clear();
            while (await answerCursor.PeekAsync() is { } answer && answer.ResponseId <= response.Id)
            {
                if (answer.ResponseId == response.Id)
                {
                    rowAnswers.Add(answer);
                }

                await answerCursor.MoveAsync();
            }

            rowPages.Clear();
            while (await pageCursor.PeekAsync() is { } page && page.ResponseId <= response.Id)
            {
                if (page.ResponseId == response.Id)
                {
                    rowPages.Add(page.SectionCode);
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

    /// <summary>An async sequence read one element ahead.</summary>
    private sealed class Cursor<T>(IAsyncEnumerable<T> source, CancellationToken ct) : IAsyncDisposable
        where T : class
    {
        private readonly IAsyncEnumerator<T> enumerator = source.GetAsyncEnumerator(ct);
        private bool started;
        private T? current;

        public async ValueTask<T?> PeekAsync()
        {
            if (!started)
            {
                started = true;
                await MoveAsync();
            }

            return current;
        }

        public async ValueTask MoveAsync() => current = await enumerator.MoveNextAsync() ? enumerator.Current : null;

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
