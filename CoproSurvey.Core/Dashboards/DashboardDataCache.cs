using System.Collections.Concurrent;
using System.Diagnostics;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Core.Dashboards;

/// <summary>The dashboards' data of a study as of its last read, and whether a newer read is under way.</summary>
public sealed record DashboardSnapshot(DashboardData Data, bool Refreshing);

/// <summary>How far the read of a study's responses has come.</summary>
public sealed record DashboardLoadProgress(int Read, int Total);

/// <summary>What a study's dashboards last showed: the time of the data, and whether a newer read is under way.</summary>
public sealed record DashboardDataStatus(DateTimeOffset AsOf, bool Refreshing);

/// <summary>
/// A study's dashboard data, read once and kept in memory for every filter and view (within the budget
/// <c>Dashboards:CacheMegabytes</c>, least recently used first out).
/// </summary>
/// <remarks>
/// Before serving, queries that the indexes answer alone (the study's instrument versions; how many responses, the last
/// id, how many completed; the platform's last page event) tell whether anything changed since the read. A study read
/// in under two seconds is read again at once; a larger one is served as of its last read while a read in the
/// background replaces it (at most one a minute), so that a study collecting responses does not make every view wait
/// for a full read. Concurrent viewers of a study share one read.
/// </remarks>
public sealed class DashboardDataCache : IDisposable
{
    private static readonly TimeSpan ReadAgainAtOnceBelow = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RefreshLargeStudiesEvery = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<CoproSurveyDbContext> contextFactory;
    private readonly StudyDataset dataset;
    private readonly TimeProvider clock;
    private readonly MemoryCache cache;
    private readonly Dictionary<CacheKey, Load> loads = [];
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, DashboardDataStatus> served = new(StringComparer.Ordinal);

    public DashboardDataCache(IDbContextFactory<CoproSurveyDbContext> contextFactory, StudyDataset dataset, TimeProvider clock, IOptions<DashboardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.contextFactory = contextFactory;
        this.dataset = dataset;
        this.clock = clock;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CacheMegabytes) * 1024L * 1024L });
    }

    /// <summary>
    /// The data of a study for the layout of one audience (its rows only) or of both (null); null for an unknown study.
    /// </summary>
    public Task<DashboardSnapshot?> GetAsync(string studyKey, Audience? audience, CancellationToken ct) =>
        GetAsync(studyKey, audience, waitForFirstRead: true, ct);

    /// <summary>
    /// The data of a study when they have been read before; otherwise null at once, with the first read started in the
    /// background (for views that have a quicker way of their own until then).
    /// </summary>
    public Task<DashboardSnapshot?> GetIfReadAsync(string studyKey, Audience? audience, CancellationToken ct) =>
        GetAsync(studyKey, audience, waitForFirstRead: false, ct);

    private async Task<DashboardSnapshot?> GetAsync(string studyKey, Audience? audience, bool waitForFirstRead, CancellationToken ct)
    {
        var stamp = await StampAsync(studyKey, audience, ct);
        if (stamp is null)
        {
            return null;
        }

        var key = new CacheKey(studyKey, audience);
        if (cache.TryGetValue<Cached>(key, out var cached) && cached is not null && cached.Stamp.Versions.SequenceEqual(stamp.Versions, StringComparer.Ordinal))
        {
            if (cached.Stamp == stamp)
            {
                return Serve(studyKey, new DashboardSnapshot(cached.Data, Refreshing: false));
            }

            if (cached.ReadTime >= ReadAgainAtOnceBelow)
            {
                // A large study: the last read serves while a newer one runs, at most one a minute per study.
                var due = clock.GetUtcNow() - cached.Data.LoadedAt >= RefreshLargeStudiesEvery;
                if (due)
                {
                    var layout = await dataset.GetLayoutAsync(studyKey, audience, ct);
                    _ = layout is null ? null : StartLoad(key, layout, audience, stamp);
                }

                return Serve(studyKey, new DashboardSnapshot(cached.Data, Refreshing: due || Progress(studyKey) is not null));
            }
        }

        var current = await dataset.GetLayoutAsync(studyKey, audience, ct);
        if (current is null)
        {
            return null;
        }

        var load = StartLoad(key, current, audience, stamp);
        if (!waitForFirstRead && cached is null)
        {
            return null;
        }

        var data = await load.Task.WaitAsync(ct);
        return Serve(studyKey, new DashboardSnapshot(data, Refreshing: false));
    }

    /// <summary>
    /// The layout (of one audience or of both) and the rows a filter selects, as dataset rows over the study's data in
    /// memory, for views written against <see cref="DatasetRow"/>; no layout for an unknown study.
    /// </summary>
    public async Task<(DatasetLayout? Layout, IReadOnlyList<DatasetRow> Rows)> RowsAsync(string studyKey, Audience? audience, DatasetFilter filter, CancellationToken ct)
    {
        var (data, rows) = await SelectAsync(studyKey, audience, filter, ct);
        return data is null ? (null, []) : (data.Layout, rows.Select(data.Row).ToList());
    }

    /// <summary>
    /// The study's data in memory (of one audience or of both) and the positions of the rows a filter selects, for views
    /// that read whole columns; no data for an unknown study.
    /// </summary>
    public async Task<(DashboardData? Data, int[] Rows)> SelectAsync(string studyKey, Audience? audience, DatasetFilter filter, CancellationToken ct)
    {
        if (await GetAsync(studyKey, audience, ct) is not { Data: var data })
        {
            return (null, []);
        }

        return (data, [.. data.Rows(filter)]);
    }

    /// <summary>How far a running read of any of the study's data has come; null when none runs.</summary>
    public DashboardLoadProgress? Progress(string studyKey)
    {
        lock (gate)
        {
            return loads.Where(l => l.Key.StudyKey == studyKey).Select(l => new DashboardLoadProgress(l.Value.Read, l.Value.Total)).FirstOrDefault();
        }
    }

    /// <summary>The time of the data the study's dashboards last served; null before any.</summary>
    public DashboardDataStatus? Status(string studyKey) => served.GetValueOrDefault(studyKey);

    private DashboardSnapshot Serve(string studyKey, DashboardSnapshot snapshot)
    {
        served[studyKey] = new DashboardDataStatus(snapshot.Data.LoadedAt, snapshot.Refreshing);
        return snapshot;
    }

    public void Dispose() => cache.Dispose();

    private Load StartLoad(CacheKey key, DatasetLayout layout, Audience? audience, Stamp stamp)
    {
        lock (gate)
        {
            if (loads.TryGetValue(key, out var running))
            {
                return running;
            }

            var load = new Load(stamp.Rows);
            loads[key] = load;
            load.Task = ReadAsync(key, layout, audience, stamp, load);
            return load;
        }
    }

    private async Task<DashboardData> ReadAsync(CacheKey key, DatasetLayout layout, Audience? audience, Stamp stamp, Load load)
    {
        // Off the caller's thread at once: the caller holds the gate until the load is registered.
        await Task.Yield();
        try
        {
            var watch = Stopwatch.StartNew();
            var filter = new DatasetFilter(audience, IncludePartial: true);
            // The read is shared by every viewer, so one viewer leaving does not cancel it.
            var data = await DashboardData.BuildAsync(layout, dataset.ReadRowsAsync(layout, filter, CancellationToken.None), clock.GetUtcNow(), read => load.Read = read, CancellationToken.None);
            cache.Set(key, new Cached(data, stamp, watch.Elapsed), new MemoryCacheEntryOptions { Size = Math.Max(1, data.SizeInBytes) });
            return data;
        }
        finally
        {
            lock (gate)
            {
                loads.Remove(key);
            }
        }
    }

    /// <summary>
    /// What the study's data looks like now, in queries the indexes answer alone: its instrument versions, its number of
    /// responses, last response id and number completed, and the last page event of the platform (a page submitted
    /// anywhere, which may have advanced a partial response of this study). Null for an unknown study.
    /// </summary>
    private async Task<Stamp?> StampAsync(string studyKey, Audience? audience, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var studyId = await db.Studies.AsNoTracking().Where(s => s.Key == studyKey).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (studyId is not { } id)
        {
            return null;
        }

        var versions = await db.InstrumentVersions.AsNoTracking()
            .Where(v => v.StudyId == id && (audience == null || v.Audience == audience))
            .OrderBy(v => v.Id)
            .Select(v => v.Sha256)
            .ToListAsync(ct);
        var responses = db.Responses.AsNoTracking().Where(r => r.StudyId == id);
        var counts = await responses.GroupBy(_ => 1).Select(g => new { Count = g.Count(), LastId = g.Max(r => r.Id) }).SingleOrDefaultAsync(ct);
        var completed = await responses.CountAsync(r => r.CompletedAt != null, ct);
        var lastPageEvent = await db.PageEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var rows = audience is { } a ? await responses.CountAsync(r => r.Audience == a, ct) : counts?.Count ?? 0;
        return new Stamp(versions, counts?.Count ?? 0, counts?.LastId ?? 0, completed, lastPageEvent) { Rows = rows };
    }

    private readonly record struct CacheKey(string StudyKey, Audience? Audience);

    /// <summary>What the study's data looked like when read: a new, withdrawn or completed response, a submitted page or a new instrument version changes it.</summary>
    private sealed record Stamp(IReadOnlyList<string> Versions, int Responses, int LastId, int Completed, long LastPageEvent)
    {
        /// <summary>The responses a read of this key takes (those of its audience): the total of its progress.</summary>
        public int Rows { get; init; }

        public bool Equals(Stamp? other) =>
            other is not null && Versions.SequenceEqual(other.Versions, StringComparer.Ordinal)
            && (Responses, LastId, Completed, LastPageEvent) == (other.Responses, other.LastId, other.Completed, other.LastPageEvent);

        public override int GetHashCode() => HashCode.Combine(Versions.Count, Responses, LastId, Completed, LastPageEvent);
    }

    private sealed record Cached(DashboardData Data, Stamp Stamp, TimeSpan ReadTime);

    private sealed class Load(int total)
    {
        private int read;

        public int Total { get; } = total;

        public Task<DashboardData> Task { get; set; } = null!;

        public int Read
        {
            get => Volatile.Read(ref read);
            set => Volatile.Write(ref read, value);
        }
    }
}
