using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// Scale scores from an instrument's <see cref="Scale"/> definitions. The score is the mean of the scale's answered
/// items, each reverse-keyed item first recoded as <c>min + max - value</c> of its response scale, when at least
/// <see cref="Scale.MinAnswered"/> items are answered ("don't know" and "not applicable" are not answers here); otherwise it is missing.
/// A missing score carries the reason its missing items share (all not asked, all not reached, all don't know), or
/// <see cref="MissingReason.NotAnswered"/> when their reasons differ.
/// </summary>
/// <remarks>Built once per instrument version: it keeps each scale item's point range and reverse key.</remarks>
public sealed class ScaleScorer
{
    private readonly Dictionary<string, (double Min, double Max)> ranges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> reversed = new(StringComparer.Ordinal);

    public ScaleScorer(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Instrument = instrument;
        foreach (var scale in instrument.Scales)
        {
            reversed[scale.Code] = scale.Reversed.ToHashSet(StringComparer.Ordinal);
            foreach (var code in scale.Items)
            {
                ranges[code] = PointRange(instrument, code);
            }
        }
    }

    public Instrument Instrument { get; }

    /// <summary>The score of <paramref name="scale"/> (one of the instrument's) given the items' cells, keyed by item code; an absent item counts as not answered.</summary>
    public DatasetCell Score(Scale scale, IReadOnlyDictionary<string, DatasetCell> cells)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(cells);
        var items = new DatasetCell[scale.Items.Count];
        for (var k = 0; k < items.Length; k++)
        {
            items[k] = cells.TryGetValue(scale.Items[k], out var found) ? found : DatasetCell.MissingBecause(MissingReason.NotAnswered);
        }

        return Score(scale, items);
    }

    /// <summary>The score of <paramref name="scale"/> given the cells of its items, in the order of <see cref="Scale.Items"/>.</summary>
    internal DatasetCell Score(Scale scale, ReadOnlySpan<DatasetCell> items)
    {
        var sum = 0.0;
        var answered = 0;
        MissingReason? shared = null;
        var reasonsDiffer = false;
        var reversedItems = reversed[scale.Code];
        for (var k = 0; k < items.Length; k++)
        {
            var cell = items[k];
            if (cell.Value is { } value)
            {
                var code = scale.Items[k];
                sum += reversedItems.Contains(code) ? ranges[code].Min + ranges[code].Max - value : value;
                answered++;
            }
            else
            {
                var reason = cell.Missing ?? MissingReason.NotAnswered;
                reasonsDiffer |= shared is not null && shared != reason;
                shared = reason;
            }
        }

        if (answered > 0 && answered >= scale.MinAnswered)
        {
            return DatasetCell.Of(sum / answered);
        }

        return DatasetCell.MissingBecause(reasonsDiffer || shared is null ? MissingReason.NotAnswered : shared.Value);
    }

    /// <summary>The lowest and highest point of the item's response scale.</summary>
    public static (double Min, double Max) PointRange(Instrument instrument, string itemCode)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var points = instrument.FindItem(itemCode)?.Question.ResponseScale?.Points
            ?? throw new InvalidOperationException($"Scale item '{itemCode}' of instrument '{instrument.Key}' {instrument.Version} is not a Likert item.");
        return (points.Min(p => p.Value), points.Max(p => p.Value));
    }
}
