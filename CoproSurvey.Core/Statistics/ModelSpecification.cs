using System.Globalization;

namespace CoproSurvey.Core.Statistics;

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
