using System.Collections;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>Reading the columns of an analysis and offering them in the shapes the statistics library takes.</summary>
internal static class AnalyzeData
{
    /// <summary>Reads the columns; a name asked for twice is read once.</summary>
    public static CsvTable Read(string path, IEnumerable<CsvColumnRequest> columns, CancellationToken cancellationToken) =>
        CsvTableReader.Read(path, columns.DistinctBy(c => c.Name).ToList(), cancellationToken);

    /// <summary>The values of a numeric column as nullable doubles, without copying (NaN, which the library reads as missing, where a cell is missing).</summary>
    public static IReadOnlyList<double?> Values(double[] values) => new NullableView(values);

    /// <summary>The centred values of a column read with <c>Centred: true</c>.</summary>
    public static (IReadOnlyList<double?> Offsets, double Origin) Centred(NumericColumn column)
    {
        var centred = column.Centred ?? throw new InvalidOperationException($"Column \"{column.Name}\" was not read centred.");
        return (new NullableView(centred.Offsets), centred.Origin);
    }

    /// <summary>The text of each row of a categorical column, null where missing, without copying.</summary>
    public static IReadOnlyList<string?> Labels(CategoricalColumn column) => new LabelView(column);

    /// <summary>The levels of a categorical column that occur in a row where <paramref name="keep"/> holds.</summary>
    public static IReadOnlyList<string> LevelsWhere(CategoricalColumn column, Func<int, bool> keep)
    {
        var seen = new bool[column.Levels.Count];
        for (var i = 0; i < column.Count; i++)
        {
            if (column.Codes[i] >= 0 && keep(i))
            {
                seen[column.Codes[i]] = true;
            }
        }

        return LevelOrder.Sort(column.Levels.Where((_, k) => seen[k]));
    }

    private sealed class NullableView(double[] values) : IReadOnlyList<double?>
    {
        public int Count => values.Length;

        public double? this[int index] => values[index];

        public IEnumerator<double?> GetEnumerator() => values.Select(v => (double?)v).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class LabelView(CategoricalColumn column) : IReadOnlyList<string?>
    {
        public int Count => column.Count;

        public string? this[int index] => column[index];

        public IEnumerator<string?> GetEnumerator() => Enumerable.Range(0, column.Count).Select(i => column[i]).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
