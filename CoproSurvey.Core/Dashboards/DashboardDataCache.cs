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
/// Before serving, a cheap count over the study's responses (how many, how many completed, the last id, the pages
/// reached) tells whether anything changed since the read. A study read in under two seconds is read again at once;
/// a larger one is served as of its last read while one read in the background replaces it, so that a study
/// collecting responses does not make every view wait for a full read. Concurrent viewers of a study share one read.
/// </remarks>
public sealed class DashboardDataCache : IDisposable
{
    private static readonly TimeSpan ReadAgainAtOnceBelow = TimeSpan.FromSeconds(2);

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
    public async Task<DashboardSnapshot?> GetAsync(string studyKey, Audience? audience, CancellationToken ct)
    {
        var layout = await dataset.GetLayoutAsync(studyKey, audience, ct);
        if (layout is null)
        {
            return null;
        }

        var key = new CacheKey(studyKey, audience);
        var stamp = await StampAsync(layout, audience, ct);
        if (cache.TryGetValue<Cached>(key, out var cached) && cached is not null && SameVersions(cached.Data.Layout, layout))
        {
            if (cached.Stamp == stamp)
            {
                return Serve(studyKey, new DashboardSnapshot(cached.Data, Refreshing: false));
            }

            if (cached.ReadTime >= ReadAgainAtOnceBelow)
            {
                _ = StartLoad(key, layout, audience, stamp);
                return Serve(studyKey, new DashboardSnapshot(cached.Data, Refreshing: true));
            }
        }

        var data = await StartLoad(key, layout, audience, stamp).Task.WaitAsync(ct);
        return Serve(studyKey, new DashboardSnapshot(data, Refreshing: false));
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

    /// <summary>Forgets every study's data (after an import or a deletion that the counts might not reveal).</summary>
    public void Clear() => cache.Compact(1.0);

    public void Dispose() => cache.Dispose();

    private Load StartLoad(CacheKey key, DatasetLayout layout, Audience? audience, Stamp stamp)
    {
        lock (gate)
        {
            if (loads.TryGetValue(key, out var running))
            {
                return running;
            }

            var load = new Load(stamp.Responses);
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

    private async Task<Stamp> StampAsync(DatasetLayout layout, Audience? audience, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var responses = db.Responses.AsNoTracking().Where(r => r.StudyId == layout.StudyId);
        if (audience is { } a)
        {
            responses = responses.Where(r => r.Audience == a);
        }

        var stamp = await responses
            .GroupBy(_ => 1)
            .Select(g => new Stamp(g.Count(), g.Count(r => r.CompletedAt != null), g.Max(r => r.Id), g.Sum(r => r.LastPage)))
            .SingleOrDefaultAsync(ct);
        return stamp ?? new Stamp(0, 0, 0, 0);
    }

    private static bool SameVersions(DatasetLayout held, DatasetLayout current) =>
        held.Versions.Select(v => v.Sha256).SequenceEqual(current.Versions.Select(v => v.Sha256), StringComparer.Ordinal);

    private readonly record struct CacheKey(string StudyKey, Audience? Audience);

    /// <summary>What the study's responses looked like when read: any new, withdrawn, completed or advanced response changes it.</summary>
    private sealed record Stamp(int Responses, int Completed, int LastId, long PagesReached);

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
