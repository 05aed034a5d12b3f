using System.Runtime.CompilerServices;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// A study's responses as a wide dataset (<see cref="DatasetLayout"/>, <see cref="DatasetRow"/>): what exports,
/// dashboards and analyses read. Rows are streamed in response order, a batch of responses at a time with only that
/// batch's answers in memory, so memory stays flat however large the study grows.
/// </summary>
public sealed class StudyDataset(IDbContextFactory<CoproSurveyDbContext> contextFactory)
{
    /// <summary>Responses read per query; their answers (about 70 each in the demo instruments) are read together.</summary>
    internal const int BatchSize = 500;

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
    public async IAsyncEnumerable<DatasetRow> ReadRowsAsync(DatasetLayout layout, DatasetFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(filter);
        var builder = new DatasetRowBuilder(layout);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var after = 0;
        while (true)
        {
            var batch = await Select(db, layout, filter)
                .Where(r => r.Id > after)
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .Select(r => new DatasetResponseFacts(
                    r.Id, r.Audience, r.Country, r.PolicyField, r.ServiceUnit, r.Language, r.InstrumentSha256, r.StartedAt, r.CompletedAt))
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            var ids = batch.Select(r => r.Id).ToList();
            var answers = await db.Answers.AsNoTracking()
                .Where(a => ids.Contains(a.ResponseId))
                .OrderBy(a => a.ResponseId).ThenBy(a => a.ItemCode)
                .Select(a => new DatasetStoredAnswer(a.ResponseId, a.ItemCode, a.Value, a.Number, a.DontKnow, a.AnsweredAt))
                .ToListAsync(ct);
            var partialIds = batch.Where(r => r.CompletedAt == null).Select(r => r.Id).ToList();
            var submitted = (partialIds.Count == 0
                    ? []
                    : await db.PageEvents.AsNoTracking()
                        .Where(e => partialIds.Contains(e.ResponseId) && e.Kind == PageEventKind.Submitted)
                        .Select(e => new SubmittedPage(e.ResponseId, e.SectionCode))
                        .Distinct()
                        .ToListAsync(ct))
                .ToLookup(e => e.ResponseId, e => e.SectionCode);
            var next = 0;
            foreach (var response in batch)
            {
                var first = next;
                while (next < answers.Count && answers[next].ResponseId == response.Id)
                {
                    next++;
                }

                yield return builder.Build(response, answers.GetRange(first, next - first), [.. submitted[response.Id]]);
            }

            after = batch[^1].Id;
        }
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
