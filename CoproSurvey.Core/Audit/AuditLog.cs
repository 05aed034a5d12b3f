using System.Globalization;
using CoproSurvey.Core.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Audit;

/// <summary>An audit log entry as readers see it.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Action, string Actor, string? Subject, string? Detail);

/// <summary>Writes and reads the append-only audit log.</summary>
public sealed class AuditLog(IDbContextFactory<CoproSurveyDbContext> contextFactory, TimeProvider time)
{
    /// <summary>Adds one entry at the current time.</summary>
    public async Task RecordAsync(
        string action, string actor, string? actorId = null, int? studyId = null, string? subject = null, string? detail = null, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(AuditEvent.Create(action, actor, time.GetUtcNow(), actorId, studyId, Truncate(subject, 256), Truncate(detail, 1024)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A study's entries, newest first (<paramref name="limit"/> at most), or platform-wide ones for a null study.</summary>
    public async Task<IReadOnlyList<AuditEntry>> EntriesAsync(int? studyId, int limit, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.StudyId == studyId)
            .OrderByDescending(e => e.Id)
            .Take(limit)
            .Select(e => new AuditEntry(e.Id, e.At, e.Action, e.Actor, e.Subject, e.Detail))
            .ToListAsync(ct);
    }

    /// <summary>Writes a study's whole log as CSV (oldest first, times in UTC ISO 8601), streaming from the database.</summary>
    public async Task WriteCsvAsync(int studyId, TextWriter output, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // Entries can hold what someone typed (an e-mail address): cells that a spreadsheet would run as formulas are escaped.
        await using var csv = CsvWriter.Create(output, Export.ExportFormat.Csv, true);
        csv.WriteRecord(["id", "time_utc", "action", "actor", "subject", "detail"]);
        var entries = db.AuditEvents.AsNoTracking().Where(e => e.StudyId == studyId).OrderBy(e => e.Id).AsAsyncEnumerable();
        await foreach (var e in entries.WithCancellation(ct))
        {
            csv.WriteRecord([
                e.Id.ToString(CultureInfo.InvariantCulture),
                e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.Action,
                e.Actor,
                e.Subject ?? "",
                e.Detail ?? "",
            ]);
        }

        await csv.FlushAsync(ct);
    }

    private static string? Truncate(string? value, int length) => value is { Length: > 0 } && value.Length > length ? value[..length] : value;
}
