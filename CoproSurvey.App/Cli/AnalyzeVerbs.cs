using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>One analysis of the <c>analyze</c> command: its options, and how they become a request to <c>Core/Analysis</c>.</summary>
/// <param name="Name">The verb after <c>analyze</c>.</param>
/// <param name="Summary">One line for the verb list and the verb's help.</param>
/// <param name="Synopsis">The usage line.</param>
/// <param name="Options">The verb's options (<c>--json</c> and <c>--help</c> are added by the command).</param>
/// <param name="RunAsync">
/// Runs the analysis and returns its report; throws <see cref="CommandUsageException"/> when the options do not make
/// sense together.
/// </param>
internal sealed record AnalyzeVerb(
    string Name,
    string Summary,
    string Synopsis,
    IReadOnlyList<CommandOption> Options,
    Func<CommandArguments, IAnalysisSource, CancellationToken, Task<object>> RunAsync);

/// <summary>The verbs of <c>analyze</c>.</summary>
internal static class AnalyzeVerbs
{
    public static IReadOnlyList<AnalyzeVerb> All { get; } =
    [
        new(
            "describe",
            "Descriptive statistics of numeric columns, optionally by group.",
            "analyze describe (--csv F | --study KEY) --columns a,b [--by g] [--json]",
            [new("columns", "a,b", "Numeric columns to describe.", Required: true), new("by", "g", "A column whose values form the groups.")],
            async (a, source, ct) => await DescribeAnalysis.RunAsync(source, new DescribeRequest(a.List("columns"), a.Value("by")), ct)),
        new(
            "ols",
            "Linear regression with classical, HC0-HC3 or cluster-robust standard errors.",
            "analyze ols (--csv F | --study KEY) --y Y --x X1,X2 [--no-intercept] [--se classical|hc0|hc1|hc2|hc3|cluster:COL] [--factor g] [--ref g=LEVEL] [--json]",
            RegressionOptions(
                new CommandOption("no-intercept", null, "Fit the model without an intercept."),
                new CommandOption("se", "TYPE", "classical (default), hc0, hc1, hc2, hc3, or cluster:COL (CR1, as sandwich::vcovCL).")),
            async (a, source, ct) =>
            {
                var (covariance, cluster) = StandardErrors(a.Value("se") ?? "classical");
                var request = Regression(a);
                return await WithFactorAdvice(request, () => RegressionAnalysis.OlsAsync(source, request, covariance, cluster, ct));
            }),
        new(
            "logit",
            "Binary logistic regression (response coded 0/1).",
            "analyze logit (--csv F | --study KEY) --y Y --x X1,X2 [--factor g] [--ref g=LEVEL] [--json]",
            RegressionOptions(),
            async (a, source, ct) =>
            {
                var request = Regression(a);
                return await WithFactorAdvice(request, () => RegressionAnalysis.LogitAsync(source, request, ct));
            }),
        new(
            "alpha",
            "Scale reliability: Cronbach's alpha, omega total, item-total statistics.",
            "analyze alpha (--csv F | --study KEY) --items a,b,c [--json]",
            [new("items", "a,b,c", "The items of the scale, scored in the same direction.", Required: true)],
            async (a, source, ct) => await ReliabilityAnalysis.RunAsync(source, a.List("items"), ct)),
        new(
            "ttest",
            "Two-sample t test (Welch, or pooled variance with --equal-var).",
            "analyze ttest (--csv F | --study KEY) --value V --group G [--equal-var] [--json]",
            GroupOptions(new CommandOption("equal-var", null, "Assume equal variances (Student's pooled test).")),
            async (a, source, ct) => await GroupTestAnalysis.TTestAsync(
                source, Groups(a), a.Has("equal-var") ? TTestMethod.Student : TTestMethod.Welch, ct)),
        new(
            "anova",
            "One-way analysis of variance, with eta squared.",
            "analyze anova (--csv F | --study KEY) --value V --group G [--json]",
            GroupOptions(),
            async (a, source, ct) => await GroupTestAnalysis.AnovaAsync(source, Groups(a), ct)),
        new(
            "chisq",
            "Chi-square test of independence of two categorical columns, with Cramer's V.",
            "analyze chisq (--csv F | --study KEY) --row R --col C [--json]",
            [new("row", "R", "The row variable.", Required: true), new("col", "C", "The column variable.", Required: true)],
            async (a, source, ct) =>
            {
                var (row, col) = a.DistinctColumns("row", "col");
                return await ChiSquareAnalysis.RunAsync(source, row, col, ct);
            }),
        new(
            "corr",
            "Correlation matrix (Pearson or Spearman) with pairwise n and p-values.",
            "analyze corr (--csv F | --study KEY) --columns a,b,c [--method pearson|spearman] [--json]",
            [new("columns", "a,b,c", "Two or more numeric columns.", Required: true), new("method", "pearson|spearman", "The coefficient (default pearson).")],
            async (a, source, ct) =>
            {
                var method = a.Value("method") switch
                {
                    null or "pearson" => CorrelationMethod.Pearson,
                    "spearman" => CorrelationMethod.Spearman,
                    var other => throw new CommandUsageException($"--method must be pearson or spearman, not '{other}'."),
                };
                var columns = a.List("columns");
                return columns.Count < 2
                    ? throw new CommandUsageException("--columns needs at least two columns.")
                    : await CorrelationAnalysis.RunAsync(source, new CorrelationRequest(columns, method), ct);
            }),
    ];

    private static IReadOnlyList<CommandOption> GroupOptions(params CommandOption[] more) =>
    [
        new("value", "V", "The numeric outcome.", Required: true),
        new("group", "G", "The column whose values form the groups.", Required: true),
        .. more,
    ];

    private static GroupComparisonRequest Groups(CommandArguments a)
    {
        var (value, group) = a.DistinctColumns("value", "group");
        return new GroupComparisonRequest(value, group);
    }

    private static IReadOnlyList<CommandOption> RegressionOptions(params CommandOption[] more) =>
    [
        new("y", "Y", "The response.", Required: true),
        new("x", "X1,X2", "Predictors: columns, and interactions written x1:x2; numeric unless named by --factor.", Required: true),
        .. more,
        new("factor", "g", "A categorical predictor, text or numeric codes (repeatable, or a,b).", Repeatable: true),
        new("ref", "g=LEVEL", "Reference level of a factor (default: the first in sorted order; repeatable).", Repeatable: true),
    ];

    private static (CovarianceType Covariance, string? Cluster) StandardErrors(string se) => se switch
    {
        "classical" => (CovarianceType.Classical, null),
        "hc0" => (CovarianceType.HC0, null),
        "hc1" => (CovarianceType.HC1, null),
        "hc2" => (CovarianceType.HC2, null),
        "hc3" => (CovarianceType.HC3, null),
        _ when se.StartsWith("cluster:", StringComparison.Ordinal) && se.Length > "cluster:".Length => (CovarianceType.Cluster, se["cluster:".Length..]),
        _ => throw new CommandUsageException($"--se must be classical, hc0, hc1, hc2, hc3 or cluster:COL, not '{se}'."),
    };

    /// <summary>
    /// The model of <c>--y</c>, <c>--x</c> (<c>x1:x2</c> is an interaction), <c>--factor</c> and <c>--ref</c>. A column
    /// is categorical only when <c>--factor</c> names it: any other must hold numbers, so that one mistyped cell is an
    /// error naming its row instead of a factor with a level per row.
    /// </summary>
    private static RegressionRequest Regression(CommandArguments arguments)
    {
        var y = arguments.Required("y");
        var terms = arguments.List("x").Select(t => new ModelTerm(t.Split(':', StringSplitOptions.TrimEntries))).ToList();
        if (terms.Any(t => t.Variables.Any(string.IsNullOrEmpty)))
        {
            throw new CommandUsageException("An interaction in --x has an empty name (write x1:x2).");
        }

        var variables = terms.SelectMany(t => t.Variables).Distinct(StringComparer.Ordinal).ToList();
        if (variables.Contains(y))
        {
            throw new CommandUsageException($"The response '{y}' is also a predictor.");
        }

        var factors = arguments.List("factor");
        var stray = factors.FirstOrDefault(f => !variables.Contains(f));
        if (stray is not null)
        {
            throw new CommandUsageException($"--factor {stray}: '{stray}' is not in --x.");
        }

        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in arguments.All("ref"))
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == assignment.Length - 1)
            {
                throw new CommandUsageException($"--ref takes g=LEVEL, not '{assignment}'.");
            }

            var variable = assignment[..equals].Trim();
            if (!variables.Contains(variable) || !references.TryAdd(variable, assignment[(equals + 1)..].Trim()))
            {
                throw new CommandUsageException($"--ref {assignment}: '{variable}' is not in --x or is given twice.");
            }

            // A CSV file declares nothing, so a variable it has as levels is one --factor names; a study declares its own.
            if (arguments.Has("csv") && !factors.Contains(variable))
            {
                throw new CommandUsageException($"--ref {assignment}: '{variable}' is numeric; add --factor {variable}.");
            }
        }

        return new RegressionRequest(new ModelSpecification(y, terms, !arguments.Has("no-intercept"), references), factors);
    }

    /// <summary>A predictor read as numbers that holds text may be meant as a factor: the message says how to ask for one.</summary>
    private static async Task<object> WithFactorAdvice<T>(RegressionRequest request, Func<Task<T>> run)
        where T : notnull
    {
        try
        {
            return await run();
        }
        catch (AnalysisInputException e) when (
            e.Text is not null && e.Column is { } column && request.Model.Terms.Any(t => t.Variables.Contains(column)))
        {
            throw e.WithAdvice($"If \"{column}\" is categorical, add --factor {column}.");
        }
    }
}
