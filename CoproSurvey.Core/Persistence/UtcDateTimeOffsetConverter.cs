using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoproSurvey.Core.Persistence;

/// <summary>
/// Stores every <see cref="DateTimeOffset"/> as the UTC <see cref="DateTime"/> of the same instant, which the SQLite
/// provider writes as text <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>.
/// </summary>
/// <remarks>
/// SQLite has no date type: EF writes a DateTimeOffset as text with its offset, and text with different offsets
/// neither sorts nor compares as time, so EF refuses to translate comparisons and ordering on it. One fixed UTC
/// text form orders and compares lexically exactly as the instants do (years 0001-9999), keeps the full 100 ns
/// precision, is still readable in the <c>sqlite3</c> shell and by SQLite's date functions (<c>datetime(At)</c>),
/// and lets a migration convert old values in place with those functions. Ticks or Unix milliseconds would order
/// as well but are unreadable in the shell, and milliseconds lose precision. The offset is not kept: every time the
/// platform records comes from <see cref="TimeProvider.GetUtcNow"/>, so it was zero anyway, and a value read back is
/// the same instant (<see cref="DateTimeOffset.Equals(DateTimeOffset)"/> compares instants) with offset zero.
/// </remarks>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)))
{
}

/// <summary>
/// PostgreSQL's <c>timestamptz</c> stores an instant and Npgsql refuses to write one with a non-zero offset; every time the
/// platform records is UTC already, and this keeps one that is not (a value from outside, an Identity default) from
/// failing a write: the same instant is stored.
/// </summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v)
{
}
