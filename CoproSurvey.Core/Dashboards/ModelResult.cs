using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Dashboards;

/// <summary>The standard errors the model view offers.</summary>
public enum ModelStandardErrors
{
    Classical,
    HC3,

    /// <summary>Cluster-robust (CR1), clustered by country.</summary>
    ClusterCountry,

    /// <summary>Cluster-robust (CR1), clustered by service unit.</summary>
    ClusterServiceUnit,
}

/// <summary>What a variable can be in the model view.</summary>
public enum ModelVariableKind
{
    Scale,
    Item,

    /// <summary>A single-choice item (age band, gender...): a factor.</summary>
    Categorical,

    /// <summary>A 0/1 column or an item with two values: an outcome fitted by logistic regression.</summary>
    Binary,

    /// <summary>Country, policy field or audience as fixed effects.</summary>
    FixedEffect,
}

/// <summary>A variable of the study's dataset the model view offers.</summary>
/// <param name="Name">The dataset column, as <c>analyze</c> names it.</param>
/// <param name="IsOutcome">Whether it can be the outcome.</param>
/// <param name="IsPredictor">Whether it can be a predictor.</param>
/// <param name="IsFactor">As a predictor, a factor (treatment contrasts): fixed effects and single-choice items.</param>
public sealed record ModelVariable(string Name, string Label, ModelVariableKind Kind, bool IsOutcome, bool IsPredictor, bool IsFactor = false);

/// <summary>A model as the researcher chose it.</summary>
/// <param name="Outcome">The outcome variable.</param>
/// <param name="Predictors">Predictors: scales, items, categorical items and fixed effects (country, policy_field, audience).</param>
public sealed record ModelChoice(string Outcome, IReadOnlyList<string> Predictors, ModelStandardErrors StandardErrors);

/// <summary>The model view's result: the report of <see cref="RegressionAnalysis"/>, or why there is none.</summary>
/// <param name="Logistic">True when the outcome is binary and the model a logistic regression.</param>
/// <param name="Event">For a logistic regression: what the modelled probability is of (e.g. <c>c_reach_info = "No"</c>).</param>
/// <param name="Problem">Why the model cannot be estimated or shown (constant outcome, too few cases, a small group), else null.</param>
/// <param name="Notes">Advice on reading the result: few clusters, collinear terms left out, standard errors not available for the model.</param>
public sealed record ModelResult(
    ModelChoice Choice,
    int MinimumCellSize,
    bool Logistic,
    string? Event,
    OlsReport? Ols,
    LogitReport? Logit,
    string? Problem,
    IReadOnlyList<string> Notes)
{
    /// <summary>The coefficients of whichever model was fitted.</summary>
    public IReadOnlyList<CoefficientReport> Coefficients => Ols?.Coefficients ?? Logit?.Coefficients ?? [];

    public int? N => Ols?.N ?? Logit?.N;

    public int? DroppedRows => Ols?.DroppedRows ?? Logit?.DroppedRows;

    /// <summary>What each coefficient's term means in words (a factor's level and its reference); terms not in it read as themselves.</summary>
    public IReadOnlyDictionary<string, TermLabel> TermLabels { get; init; } = new Dictionary<string, TermLabel>();

    /// <summary>The term's words, or the term itself.</summary>
    public TermLabel Label(string term) => TermLabels.GetValueOrDefault(term) ?? new TermLabel(term, term);
}

/// <summary>A coefficient's term in words.</summary>
/// <param name="Short">For the coefficient plot, e.g. <c>country = Germany</c>.</param>
/// <param name="Full">For the table, e.g. <c>Country: Germany (vs Belgium)</c>, or a variable's label.</param>
public sealed record TermLabel(string Short, string Full);

/// <summary>The model view's coefficient table as it is downloaded.</summary>
public static class ModelTables
{
    public const string Coefficients = "coefficients";

    public static DashboardTable Table(ModelResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var statistic = result.Logistic ? "z" : "t";
        return new DashboardTable(
            Coefficients,
            ["outcome", "model", "term", "label", "estimate", "std_error", statistic, "p", "ci95_lower", "ci95_upper", "n", result.Logistic ? "mcfadden_r2" : "r2", "se_type"],
            result.Coefficients.Select(c => (IReadOnlyList<string>)[
                result.Choice.Outcome, result.Logistic ? "logit" : "ols", c.Term, result.Label(c.Term).Full, DashboardTable.Cell(c.Estimate), DashboardTable.Cell(c.StdError),
                DashboardTable.Cell(c.Statistic), DashboardTable.Cell(c.PValue), DashboardTable.Cell(c.CiLower), DashboardTable.Cell(c.CiUpper),
                DashboardTable.Cell(result.N), DashboardTable.Cell(result.Ols?.RSquared ?? result.Logit?.McFaddenR2), result.Ols?.SeType ?? result.Logit?.SeType ?? ""]).ToList());
    }
}
