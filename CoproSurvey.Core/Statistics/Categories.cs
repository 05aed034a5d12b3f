using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// Grouping and category labels. A label that is <c>null</c>, empty or white space is missing.
/// </summary>
internal static class Categories
{
    public static bool IsMissing(string? label) => string.IsNullOrWhiteSpace(label);

    /// <summary>Group labels in order of first appearance and, per row, the group's index (-1 where missing).</summary>
    public static (IReadOnlyList<string> Labels, int[] Index) ByFirstAppearance(IReadOnlyList<string?> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels is CategoricalColumn column)
        {
            return ByFirstAppearance(column);
        }

        var names = new List<string>();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = new int[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (IsMissing(label))
            {
                index[i] = -1;
                continue;
            }

            if (!lookup.TryGetValue(label!, out var k))
            {
                k = names.Count;
                lookup.Add(label!, k);
                names.Add(label!);
            }

            index[i] = k;
        }

        return (names, index);
    }

    /// <summary>The same from a column's codes: renumbered, never compared as text.</summary>
    private static (IReadOnlyList<string> Labels, int[] Index) ByFirstAppearance(CategoricalColumn column)
    {
        var renumbered = new int[column.Levels.Count];
        Array.Fill(renumbered, -1);
        var names = new List<string>();
        var index = new int[column.Count];
        for (var i = 0; i < index.Length; i++)
        {
            var code = column.Codes[i];
            if (code < 0)
            {
                index[i] = -1;
                continue;
            }

            if (renumbered[code] < 0)
            {
                renumbered[code] = names.Count;
                names.Add(column.Levels[code]);
            }

            index[i] = renumbered[code];
        }

        return (names, index);
    }

    /// <summary>A numeric code as a label: shortest round-trip text, invariant culture; null for missing.</summary>
    public static string? Label(double? code) =>
        Samples.IsMissing(code) ? null : code!.Value.ToString(CultureInfo.InvariantCulture);
}
