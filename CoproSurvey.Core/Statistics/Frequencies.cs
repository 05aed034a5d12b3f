namespace CoproSurvey.Core.Statistics;

/// <summary>One category of a frequency table.</summary>
/// <param name="Value">The category label.</param>
/// <param name="Count">Rows with this value.</param>
/// <param name="Percent">Count as a percentage of all rows, missing included.</param>
/// <param name="ValidPercent">Count as a percentage of the non-missing rows.</param>
/// <param name="CumulativePercent">Running valid percentage up to and including this row (exactly 100 at the last row).</param>
public sealed record FrequencyRow(string Value, int Count, double Percent, double ValidPercent, double CumulativePercent);

/// <summary>A frequency table in the layout of SPSS FREQUENCIES: one row per category, then the missing row.</summary>
/// <param name="Rows">Categories in display order (see <see cref="Frequencies.Compute(IReadOnlyList{string}, IReadOnlyList{string})"/>).</param>
/// <param name="Total">All rows, missing included.</param>
/// <param name="Valid">Non-missing rows.</param>
/// <param name="Missing">Missing rows.</param>
/// <param name="MissingPercent">Missing rows as a percentage of all rows (0 when there are no rows).</param>
public sealed record FrequencyTable(IReadOnlyList<FrequencyRow> Rows, int Total, int Valid, int Missing, double MissingPercent);

/// <summary>Frequency tables of categorical answers (labels or numeric codes).</summary>
public static class Frequencies
{
    /// <summary>
    /// Counts each label. Null, empty or blank labels are missing. Categories listed in <paramref name="order"/>
    /// come first, in that order, even with a count of 0 (e.g. every option of a question); the remaining labels
    /// follow numerically when all are numbers, otherwise in ordinal order. Percentages of an empty valid set are 0.
    /// </summary>
    /// <param name="values">One label per row.</param>
    /// <param name="order">Optional categories to show first, in this order.</param>
    public static FrequencyTable Compute(IReadOnlyList<string?> values, IReadOnlyList<string>? order = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var value in values)
        {
            if (Categories.IsMissing(value))
            {
                missing++;
                continue;
            }

            counts[value!] = counts.GetValueOrDefault(value!) + 1;
        }

        var total = values.Count;
        var valid = total - missing;
        var rows = new List<FrequencyRow>();
        var cumulative = 0;
        foreach (var label in LevelOrder.Sort(counts.Keys, order))
        {
            var count = counts.GetValueOrDefault(label);
            cumulative += count;
            rows.Add(new FrequencyRow(label, count, Percent(count, total), Percent(count, valid), Percent(cumulative, valid)));
        }

        return new FrequencyTable(rows, total, valid, missing, Percent(missing, total));
    }

    /// <summary>
    /// Counts numeric codes (null or NaN is missing); codes are labelled by their shortest round-trip invariant text
    /// (1, 2.5, -3) and ordered numerically after those of <paramref name="order"/>.
    /// </summary>
    /// <param name="codes">One code per row.</param>
    /// <param name="order">Optional codes to show first, in this order.</param>
    public static FrequencyTable Compute(IReadOnlyList<double?> codes, IReadOnlyList<double>? order = null)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return Compute(
            codes.Select(Categories.Label).ToList(),
            order?.Select(c => Categories.Label(c)!).ToList());
    }

    private static double Percent(int count, int of) => of == 0 ? 0 : 100.0 * count / of;
}
