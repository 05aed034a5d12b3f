using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>The order in which category labels (levels) are listed in tables and results.</summary>
public static class LevelOrder
{
    /// <summary>
    /// Labels in display order, each once: those of <paramref name="first"/> first (as given), then the others,
    /// numerically ascending if every one of them is a number (invariant culture), otherwise in ordinal string order.
    /// </summary>
    public static IReadOnlyList<string> Sort(IEnumerable<string> labels, IReadOnlyList<string>? first = null)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in first ?? [])
        {
            if (seen.Add(label))
            {
                result.Add(label);
            }
        }

        var rest = labels.Where(seen.Add).ToList();
        var numbers = rest.Select(ParseNumber).ToList();
        if (numbers.All(n => n is not null))
        {
            rest = rest.Zip(numbers).OrderBy(p => p.Second!.Value).ThenBy(p => p.First, StringComparer.Ordinal).Select(p => p.First).ToList();
        }
        else
        {
            rest.Sort(StringComparer.Ordinal);
        }

        result.AddRange(rest);
        return result;
    }

    private static double? ParseNumber(string label) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
