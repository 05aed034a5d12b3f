using System.Collections;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// One variable of an <see cref="AnalysisData"/>: numbers (<see cref="NumericColumn"/>) or levels
/// (<see cref="CategoricalColumn"/>). Rows are 0-based and in the order of the source.
/// </summary>
public abstract class DataColumn
{
    private protected DataColumn(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A column needs a name.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The variable's name.</summary>
    public string Name { get; }

    /// <summary>The number of rows.</summary>
    public abstract int Count { get; }

    /// <summary>Whether the value of <paramref name="row"/> is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The number of missing values.</summary>
    public int MissingCount
    {
        get
        {
            var missing = 0;
            for (var i = 0; i < Count; i++)
            {
                missing += IsMissing(i) ? 1 : 0;
            }

            return missing;
        }
    }
}

/// <summary>
/// Values centred on an origin: <c>value = Origin + Offsets[i]</c>, where each offset was computed exactly (in
/// decimal) before it was rounded to double. Statistics that are shift invariant (spread, correlation, tests of
/// differences) keep their digits on data with many constant leading digits.
/// </summary>
/// <param name="Origin">The first non-missing value, as a double (0 when the column has none).</param>
/// <param name="ExactOrigin">The same origin as an exact decimal.</param>
/// <param name="Offsets">Value minus origin per row; <see cref="double.NaN"/> where the value is missing.</param>
public sealed record CentredValues(double Origin, decimal ExactOrigin, double[] Offsets);

/// <summary>
/// A numeric variable. Missing values are <see cref="double.NaN"/> in <see cref="Values"/> and null through the
/// list interface, which the statistics take without a copy.
/// </summary>
public sealed class NumericColumn : DataColumn, IReadOnlyList<double?>
{
    /// <summary>Wraps <paramref name="values"/> (not copied: do not change it afterwards).</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="values">One value per row, <see cref="double.NaN"/> where missing; infinities are refused.</param>
    /// <param name="centred">Optionally the same values centred exactly (same length).</param>
    /// <exception cref="ArgumentException">A value is infinite, or the centred values have another length.</exception>
    public NumericColumn(string name, double[] values, CentredValues? centred = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Array.FindIndex(values, double.IsInfinity) is var bad and >= 0)
        {
            throw new ArgumentException($"Column '{name}' has an infinite value in row {bad + 1}.", nameof(values));
        }

        if (centred is not null && centred.Offsets.Length != values.Length)
        {
            throw new ArgumentException($"Column '{name}' has {values.Length} values but {centred.Offsets.Length} centred values.", nameof(centred));
        }

        Values = values;
        Centred = centred;
    }

    /// <summary>The values; <see cref="double.NaN"/> marks a missing value (NaN means missing only).</summary>
    public double[] Values { get; }

    /// <summary>The exactly centred form of the values, when the source computed it.</summary>
    public CentredValues? Centred { get; }

    /// <summary>
    /// The values as measured from <see cref="Origin"/>: the centred offsets when the source computed them, the values
    /// themselves otherwise. Statistics that take an origin (descriptives, t tests, ANOVA, correlation) take these two.
    /// </summary>
    public IReadOnlyList<double?> Offsets => Centred is { } c ? new NullableView(c.Offsets) : this;

    /// <summary>The constant <see cref="Offsets"/> are measured from (0 when the column is not centred).</summary>
    public double Origin => Centred?.Origin ?? 0;

    /// <inheritdoc />
    public override int Count => Values.Length;

    /// <summary>The value of <paramref name="row"/>, or null when it is missing.</summary>
    public double? this[int row] => double.IsNaN(Values[row]) ? null : Values[row];

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    /// <inheritdoc />
    public IEnumerator<double?> GetEnumerator()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class NullableView(double[] values) : IReadOnlyList<double?>
    {
        public int Count => values.Length;

        public double? this[int index] => double.IsNaN(values[index]) ? null : values[index];

        public IEnumerator<double?> GetEnumerator()
        {
            for (var i = 0; i < values.Length; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// A categorical variable: per row a code into <see cref="Levels"/>, -1 where missing. Statistics that group rows
/// read the codes; the list interface gives each row's level text without a copy.
/// </summary>
public sealed class CategoricalColumn : DataColumn, IReadOnlyList<string?>
{
    /// <summary>Wraps <paramref name="codes"/> (not copied: do not change it afterwards).</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="codes">Per row an index into <paramref name="levels"/>, or -1 where missing.</param>
    /// <param name="levels">The distinct levels, each once and none blank.</param>
    /// <exception cref="ArgumentException">A code is out of range, or a level is blank or given twice.</exception>
    public CategoricalColumn(string name, int[] codes, IReadOnlyList<string> levels)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(levels);
        if (Array.FindIndex(codes, c => c < -1 || c >= levels.Count) is var bad and >= 0)
        {
            throw new ArgumentException($"Column '{name}' has code {codes[bad]} in row {bad + 1}, outside its {levels.Count} levels.", nameof(codes));
        }

        if (levels.Any(Categories.IsMissing) || levels.Distinct(StringComparer.Ordinal).Count() != levels.Count)
        {
            throw new ArgumentException($"The levels of column '{name}' must be distinct and not blank.", nameof(levels));
        }

        Codes = codes;
        Levels = levels;
    }

    /// <summary>The index into <see cref="Levels"/> per row, -1 where the value is missing.</summary>
    public int[] Codes { get; }

    /// <summary>The distinct levels (for columns read from a source, in order of first appearance unless the source defines an order).</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <inheritdoc />
    public override int Count => Codes.Length;

    /// <summary>The level of <paramref name="row"/>, or null when it is missing.</summary>
    public string? this[int row] => Codes[row] < 0 ? null : Levels[Codes[row]];

    /// <summary>A column of the given labels (copied); null, empty or blank is missing; levels in order of first appearance.</summary>
    public static CategoricalColumn FromLabels(string name, IEnumerable<string?> labels)
    {
        var (levels, codes) = Categories.ByFirstAppearance(labels as IReadOnlyList<string?> ?? labels.ToList());
        return new CategoricalColumn(name, codes, levels);
    }

    /// <inheritdoc />
    public override bool IsMissing(int row) => Codes[row] < 0;

    /// <summary>The levels that occur in a row where <paramref name="keep"/> holds (every row by default), in <see cref="LevelOrder"/>.</summary>
    public IReadOnlyList<string> LevelsPresent(Func<int, bool>? keep = null)
    {
        var seen = new bool[Levels.Count];
        for (var i = 0; i < Codes.Length; i++)
        {
            if (Codes[i] >= 0 && (keep is null || keep(i)))
            {
                seen[Codes[i]] = true;
            }
        }

        return LevelOrder.Sort(Levels.Where((_, k) => seen[k]));
    }

    /// <inheritdoc />
    public IEnumerator<string?> GetEnumerator()
    {
        for (var i = 0; i < Codes.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
