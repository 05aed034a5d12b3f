using System.Collections.Concurrent;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Responses;

/// <summary>
/// The offered languages per study and audience for a short while (<see cref="ResponseService.GetLanguagesAsync"/>).
/// Kept by hand rather than in a MemoryCache: its expiry follows the service's <see cref="TimeProvider"/>, which tests move.
/// Bounded: study keys come from addresses anyone can type, so past <see cref="MaxEntries"/> it starts again empty.
/// </summary>
internal sealed class LanguagesCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<(string Study, Audience Audience), (IReadOnlyList<string>? Languages, DateTimeOffset Until)> entries = new();

    public bool TryGet(string studyKey, Audience audience, DateTimeOffset now, out IReadOnlyList<string>? languages)
    {
        if (entries.TryGetValue((studyKey, audience), out var entry) && now < entry.Until)
        {
            languages = entry.Languages;
            return true;
        }

        languages = null;
        return false;
    }

    public void Set(string studyKey, Audience audience, IReadOnlyList<string>? languages, DateTimeOffset now)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[(studyKey, audience)] = (languages, now + Lifetime);
    }

    public int Count => entries.Count;
}
