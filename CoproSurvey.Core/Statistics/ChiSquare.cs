using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>Pearson's chi-square test of independence of a two-way table.</summary>
/// <param name="RowLabels">Categories of the row variable that occur in complete rows, in display order.</param>
/// <param name="ColumnLabels">Categories of the column variable, likewise.</param>
/// <param name="Observed">Counts, Observed[row][column].</param>
/// <param name="Expected">Expected counts under independence, row total × column total / N.</param>
/// <param name="N">Rows where both codes are present.</param>
/// <param name="Missing">Rows excluded because either code was missing.</param>
/// <param name="ChiSquare">Σ (O - E)² / E, without Yates' continuity correction (R: chisq.test(correct = FALSE)).</param>
/// <param name="Df">(rows - 1)(columns - 1).</param>
/// <param name="P">Upper-tail probability of the chi-square distribution with Df degrees of freedom.</param>
/// <param name="CramersV">√(χ² / (N (min(rows, columns) - 1))).</param>
/// <param name="Warnings">Reasons to doubt the approximation (expected counts below 5); empty when there are none.</param>
public sealed record ChiSquareResult(
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    IReadOnlyList<IReadOnlyList<int>> Observed,
    IReadOnlyList<IReadOnlyList<double>> Expected,
    int N,
    int Missing,
    double ChiSquare,
    int Df,
    double P,
    double CramersV,
    IReadOnlyList<string> Warnings);

/// <summary>Chi-square tests of categorical data.</summary>
public static class ChiSquare
{
    /// <summary>
    /// Cross-tabulates <paramref name="rowCodes"/> against <paramref name="columnCodes"/> (same length; null or
    /// blank is missing and the row is excluded) and tests independence with Pearson's χ², no continuity
    /// correction. Categories are ordered as in <see cref="Frequencies.Compute(IReadOnlyList{string}, IReadOnlyList{string})"/>;
    /// categories that do not occur in a complete row are left out (their expected counts would be 0).
    /// </summary>
    /// <param name="rowCodes">Row variable.</param>
    /// <param name="columnCodes">Column variable.</param>
    /// <param name="rowOrder">Optional order of the row categories.</param>
    /// <param name="columnOrder">Optional order of the column categories.</param>
    /// <exception cref="ConstantVariableException">A variable has fewer than 2 categories in the complete rows.</exception>
    public static ChiSquareResult Independence(
        IReadOnlyList<string?> rowCodes,
        IReadOnlyList<string?> columnCodes,
        IReadOnlyList<string>? rowOrder = null,
        IReadOnlyList<string>? columnOrder = null)
    {
        ArgumentNullException.ThrowIfNull(rowCodes);
        ArgumentNullException.ThrowIfNull(columnCodes);
        if (rowCodes.Count != columnCodes.Count)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"The row variable has {rowCodes.Count} rows but the column variable has {columnCodes.Count}."));
        }

        var complete = Enumerable.Range(0, rowCodes.Count)
            .Where(i => !Categories.IsMissing(rowCodes[i]) && !Categories.IsMissing(columnCodes[i]))
            .ToList();
        var rows = Labels(complete.Select(i => rowCodes[i]!), rowOrder, "row", complete.Count);
        var columns = Labels(complete.Select(i => columnCodes[i]!), columnOrder, "column", complete.Count);
        var rowIndex = rows.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var columnIndex = columns.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var observed = new int[rows.Count, columns.Count];
        foreach (var i in complete)
        {
            observed[rowIndex[rowCodes[i]!], columnIndex[columnCodes[i]!]]++;
        }

        var n = complete.Count;
        var rowTotals = Enumerable.Range(0, rows.Count).Select(r => Enumerable.Range(0, columns.Count).Sum(c => observed[r, c])).ToArray();
        var columnTotals = Enumerable.Range(0, columns.Count).Select(c => Enumerable.Range(0, rows.Count).Sum(r => observed[r, c])).ToArray();
        var expected = new double[rows.Count][];
        var chi = DoubleDouble.Zero;
        var small = 0;
        var smallest = double.PositiveInfinity;
        for (var r = 0; r < rows.Count; r++)
        {
            expected[r] = new double[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var e = (double)rowTotals[r] * columnTotals[c] / n;
                expected[r][c] = e;
                var d = observed[r, c] - e;
                chi += d * d / e;
                smallest = Math.Min(smallest, e);
                if (e < 5)
                {
                    small++;
                }
            }
        }

        var cells = rows.Count * columns.Count;
        var warnings = new List<string>();
        if (small > 0)
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{small} of {cells} cells ({100.0 * small / cells:0.#}%) have an expected count below 5 (the smallest is {smallest:0.##}); the chi-square approximation may be inaccurate."));
        }

        var df = (rows.Count - 1) * (columns.Count - 1);
        var statistic = Math.Max(chi.Value, 0);
        return new ChiSquareResult(
            rows,
            columns,
            Enumerable.Range(0, rows.Count).Select(r => (IReadOnlyList<int>)Enumerable.Range(0, columns.Count).Select(c => observed[r, c]).ToArray()).ToArray(),
            expected,
            n,
            rowCodes.Count - n,
            statistic,
            df,
            Distributions.ChiSquareUpper(statistic, df),
            Math.Sqrt(statistic / (n * (Math.Min(rows.Count, columns.Count) - 1.0))),
            warnings);
    }

    private static IReadOnlyList<string> Labels(IEnumerable<string> present, IReadOnlyList<string>? order, string which, int n)
    {
        var set = present.ToHashSet(StringComparer.Ordinal);
        var labels = LevelOrder.Sort(set, order).Where(set.Contains).ToList();
        if (labels.Count < 2)
        {
            throw new ConstantVariableException(
                string.Create(CultureInfo.InvariantCulture, $"A chi-square test of independence needs at least 2 categories of the {which} variable; the {n} complete rows have {labels.Count}."),
                which + " variable");
        }

        return labels;
    }
}
