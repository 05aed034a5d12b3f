using System.Globalization;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// A column-oriented, in-memory table of analysis variables: numeric columns (<c>double?</c>, null = missing) and
/// categorical columns (<c>string?</c>, null or empty = missing), all of the same length. Immutable: the
/// <c>With...</c> methods return a new table and copy the column they add.
/// </summary>
public sealed class AnalysisData
{
    private readonly Dictionary<string, double?[]> numeric;
    private readonly Dictionary<string, string?[]> categorical;
    private readonly List<string> names;

    /// <summary>Creates an empty table (no columns, no rows).</summary>
    public AnalysisData()
        : this([], [], [], 0)
    {
    }

    private AnalysisData(Dictionary<string, double?[]> numeric, Dictionary<string, string?[]> categorical, List<string> names, int rowCount)
    {
        this.numeric = numeric;
        this.categorical = categorical;
        this.names = names;
        RowCount = rowCount;
    }

    /// <summary>Column names in the order they were added.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>Number of rows (0 while the table has no columns).</summary>
    public int RowCount { get; }

    /// <summary>Returns a table with a numeric column added; NaN is treated as missing.</summary>
    /// <exception cref="ArgumentException">The name is empty or taken, or the length differs from the other columns.</exception>
    public AnalysisData WithNumeric(string name, IEnumerable<double?> values)
    {
        var copy = values.Select(v => v is { } d && double.IsNaN(d) ? null : v).ToArray();
        CheckNew(name, copy.Length);
        return new AnalysisData(new(numeric) { [name] = copy }, categorical, [.. names, name], copy.Length);
    }

    /// <summary>Returns a table with a numeric column without missing values added.</summary>
    public AnalysisData WithNumeric(string name, IEnumerable<double> values) =>
        WithNumeric(name, values.Select(v => (double?)v));

    /// <summary>Returns a table with a categorical column added; null or empty strings are missing.</summary>
    /// <exception cref="ArgumentException">The name is empty or taken, or the length differs from the other columns.</exception>
    public AnalysisData WithCategorical(string name, IEnumerable<string?> values)
    {
        var copy = values.Select(v => string.IsNullOrEmpty(v) ? null : v).ToArray();
        CheckNew(name, copy.Length);
        return new AnalysisData(numeric, new(categorical) { [name] = copy }, [.. names, name], copy.Length);
    }

    /// <summary>True when the table has a column of that name (numeric or categorical).</summary>
    public bool Contains(string name) => numeric.ContainsKey(name) || categorical.ContainsKey(name);

    /// <summary>True when the named column is categorical.</summary>
    public bool IsCategorical(string name) => categorical.ContainsKey(name);

    /// <summary>The values of a numeric column.</summary>
    /// <exception cref="ArgumentException">No numeric column has that name.</exception>
    public IReadOnlyList<double?> Numeric(string name) =>
        numeric.TryGetValue(name, out var v) ? v : throw Missing(name, "numeric");

    /// <summary>The values of a categorical column.</summary>
    /// <exception cref="ArgumentException">No categorical column has that name.</exception>
    public IReadOnlyList<string?> Categorical(string name) =>
        categorical.TryGetValue(name, out var v) ? v : throw Missing(name, "categorical");

    internal bool IsMissing(string name, int row) =>
        numeric.TryGetValue(name, out var n) ? n[row] is null : categorical[name][row] is null;

    private ArgumentException Missing(string name, string kind) =>
        new(Contains(name)
            ? $"Column '{name}' is not {kind}."
            : $"No column '{name}' in the data (columns: {string.Join(", ", names)}).", nameof(name));

    private void CheckNew(string name, int length)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A column needs a name.", nameof(name));
        }

        if (Contains(name))
        {
            throw new ArgumentException($"Column '{name}' is already in the data.", nameof(name));
        }

        if (names.Count > 0 && length != RowCount)
        {
            throw new ArgumentException($"Column '{name}' has {length} values, the other columns {RowCount}.", nameof(name));
        }
    }
}

/// <summary>
/// One term of a model: a single variable (<c>x1</c>, <c>country</c>) or an interaction of several (<c>x1:country</c>).
/// </summary>
/// <param name="Variables">The variables multiplied together, in the order written.</param>
public sealed record ModelTerm(IReadOnlyList<string> Variables)
{
    /// <summary>A term of one variable.</summary>
    public ModelTerm(string variable)
        : this([variable])
    {
    }

    /// <summary>The label R gives the term: the variable names joined by ':'.</summary>
    public string Label => string.Join(':', Variables);

    /// <inheritdoc />
    public bool Equals(ModelTerm? other) => other is not null && Variables.SequenceEqual(other.Variables);

    /// <inheritdoc />
    public override int GetHashCode() => Label.GetHashCode(StringComparison.Ordinal);
}

/// <summary>
/// What to regress on what: the response, the terms, whether there is an intercept, and the reference level of
/// each categorical variable (default: the first level in ordinal sort order of the levels present among the
/// complete cases, as R's <c>factor</c> does in the C locale). Categorical variables are expanded to treatment
/// (dummy) contrasts, named as R names them: <c>countryDE</c>, <c>x1:fieldhealth</c>.
/// </summary>
/// <param name="Response">Name of the response column (numeric).</param>
/// <param name="Terms">The terms; in the design, main effects come first, then interactions by order, as R orders them.</param>
/// <param name="Intercept">Whether the model has an intercept (R's <c>- 1</c> removes it).</param>
/// <param name="ReferenceLevels">Optional reference level per categorical variable.</param>
public sealed record ModelSpecification(
    string Response,
    IReadOnlyList<ModelTerm> Terms,
    bool Intercept = true,
    IReadOnlyDictionary<string, string>? ReferenceLevels = null)
{
    /// <summary>
    /// Parses an R-like formula: <c>y ~ x1 + x2 + country + x1:country</c>; <c>a*b</c> expands to <c>a + b + a:b</c>;
    /// <c>- 1</c> or <c>+ 0</c> removes the intercept. Variable names may not contain spaces or <c>+ - * : ~</c>.
    /// </summary>
    /// <exception cref="FormatException">The formula is malformed; the message quotes it.</exception>
    public static ModelSpecification Parse(string formula, IReadOnlyDictionary<string, string>? referenceLevels = null)
    {
        var sides = formula.Split('~');
        if (sides.Length != 2 || string.IsNullOrWhiteSpace(sides[0]) || string.IsNullOrWhiteSpace(sides[1]))
        {
            throw new FormatException($"A model formula reads 'response ~ term + term', not '{formula}'.");
        }

        var intercept = true;
        var terms = new List<ModelTerm>();
        var rhs = sides[1].Replace("-", "+-", StringComparison.Ordinal);
        foreach (var raw in rhs.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw is "-1" or "- 1" or "0")
            {
                intercept = false;
                continue;
            }

            if (raw == "1")
            {
                continue;
            }

            if (raw.StartsWith('-'))
            {
                throw new FormatException($"Only '- 1' may be subtracted in a model formula: '{formula}'.");
            }

            var factors = raw.Split('*', StringSplitOptions.TrimEntries);
            var subsets = new List<List<string>> { new() };
            foreach (var factor in factors)
            {
                var parts = factor.Split(':', StringSplitOptions.TrimEntries);
                if (parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
                {
                    throw new FormatException($"Malformed term '{raw}' in the model formula '{formula}'.");
                }

                // a*b*c: every product of a subset of the factors, in order of appearance.
                subsets = subsets.Concat(subsets.Select(s => s.Concat(parts).ToList())).ToList();
            }

            foreach (var subset in subsets.Where(s => s.Count > 0).OrderBy(s => s.Count))
            {
                var term = new ModelTerm(subset.Distinct(StringComparer.Ordinal).ToArray());
                if (!terms.Contains(term))
                {
                    terms.Add(term);
                }
            }
        }

        return new ModelSpecification(sides[0].Trim(), terms, intercept, referenceLevels);
    }

    /// <summary>The formula in R's notation.</summary>
    public override string ToString() =>
        $"{Response} ~ {(Terms.Count == 0 ? "1" : string.Join(" + ", Terms.Select(t => t.Label)))}{(Intercept ? "" : " - 1")}";

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
