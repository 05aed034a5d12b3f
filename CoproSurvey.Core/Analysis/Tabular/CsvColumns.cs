namespace CoproSurvey.Core.Analysis.Tabular;

/// <summary>One column read from a CSV file; rows are in file order, 0-based.</summary>
public abstract class CsvColumn(string name)
{
    /// <summary>The header name.</summary>
    public string Name { get; } = name;

    /// <summary>The number of rows.</summary>
    public abstract int Count { get; }

    /// <summary>Whether the cell of <paramref name="row"/> is missing (empty or <c>NA</c>).</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The number of missing cells.</summary>
    public int MissingCount
    {
        get
        {
            var missing = 0;
            for (var i = 0; i < Count; i++)
            {
                if (IsMissing(i))
                {
                    missing++;
                }
            }

            return missing;
        }
    }
}

/// <summary>
/// Values centred on an origin: <c>value = Origin + Offsets[i]</c>, where each offset was computed exactly in decimal
/// from the text and only then rounded to double. Statistics that are shift invariant (spread, correlation, tests of
/// differences) keep their digits on data with many constant leading digits.
/// </summary>
/// <param name="Origin">The first non-missing value, as a double (0 when the column has none).</param>
/// <param name="ExactOrigin">The same origin as the exact decimal read from the text.</param>
/// <param name="Offsets">Value minus origin per row; <see cref="double.NaN"/> where the cell is missing.</param>
public sealed record CentredValues(double Origin, decimal ExactOrigin, double[] Offsets);

/// <summary>A column of numbers; missing cells are <see cref="double.NaN"/> in <see cref="Values"/>.</summary>
public sealed class NumericColumn : CsvColumn
{
    internal NumericColumn(string name, double[] values, CentredValues? centred)
        : base(name)
    {
        Values = values;
        Centred = centred;
    }

    /// <summary>The values, correctly rounded from the text; <see cref="double.NaN"/> marks a missing cell (a NaN text is refused when reading, so NaN means missing only).</summary>
    public double[] Values { get; }

    /// <summary>The centred form of the values, when it was requested.</summary>
    public CentredValues? Centred { get; }

    /// <inheritdoc />
    public override int Count => Values.Length;

    /// <summary>The value of <paramref name="row"/>, or null when the cell is missing.</summary>
    public double? this[int row] => double.IsNaN(Values[row]) ? null : Values[row];

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    /// <summary>The values as nullable doubles, null where missing.</summary>
    public IReadOnlyList<double?> ToNullable() => Values.Select(v => double.IsNaN(v) ? (double?)null : v).ToArray();
}

/// <summary>A column of text levels, stored as codes into <see cref="Levels"/> (in order of first appearance).</summary>
public sealed class CategoricalColumn : CsvColumn
{
    internal CategoricalColumn(string name, int[] codes, IReadOnlyList<string> levels)
        : base(name)
    {
        Codes = codes;
        Levels = levels;
    }

    /// <summary>The index into <see cref="Levels"/> per row, -1 where the cell is missing.</summary>
    public int[] Codes { get; }

    /// <summary>The distinct non-missing texts, in order of first appearance.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <inheritdoc />
    public override int Count => Codes.Length;

    /// <summary>The text of <paramref name="row"/>, or null when the cell is missing.</summary>
    public string? this[int row] => Codes[row] < 0 ? null : Levels[Codes[row]];

    /// <inheritdoc />
    public override bool IsMissing(int row) => Codes[row] < 0;
}
