using System.Collections.Concurrent;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Persistence;

/// <summary>
/// Instruments parsed back from the canonical JSON stored with each version. Keyed by SHA-256, so the cache
/// never needs invalidating: a changed instrument is a different key.
/// </summary>
internal static class InstrumentSnapshots
{
    private static readonly ConcurrentDictionary<string, Instrument> Cache = new(StringComparer.Ordinal);

    /// <summary>The instrument of this version if it was parsed before, else null.</summary>
    public static Instrument? TryGet(string sha256) => Cache.TryGetValue(sha256, out var instrument) ? instrument : null;

    public static Instrument Get(string sha256, string canonicalJson) =>
        Cache.GetOrAdd(sha256, static (sha, json) => Parse(sha, json), canonicalJson);

    private static Instrument Parse(string sha256, string canonicalJson)
    {
        var result = InstrumentLoader.Load(canonicalJson, $"instrument version {sha256}");
        return result.IsValid ? result.Instrument! : throw new InstrumentValidationException(result.Problems);
    }
}
