using System.Globalization;
using System.Text.Json.Serialization;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis;

/// <summary>A regression model and how to read its variables.</summary>
/// <param name="Model">The response, the terms (interactions included), the intercept and the reference levels.</param>
/// <param name="Factors">
/// Predictors to read as categorical whatever the source declares (the command line's <c>--factor</c>); any other
/// predictor is read as the source declares it (a CSV column is numeric).
/// </param>
public sealed record RegressionRequest(ModelSpecification Model, IReadOnlyList<string>? Factors = null);

/// <summary>One coefficient with its test and 95% interval.</summary>
/// <param name="Statistic">t (OLS) or z (logit).</param>
public sealed record CoefficientReport(string Term, double Estimate, double StdError, double Statistic, double PValue, double CiLower, double CiUpper);

/// <summary>A linear regression fitted by QR.</summary>
/// <param name="SeType">The standard errors: <c>classical</c>, <c>hc0</c>..<c>hc3</c> or <c>cluster:VARIABLE</c>.</param>
/// <param name="Dropped">Aliased terms, not estimated.</param>
/// <param name="DroppedRows">Rows left out because a variable of the model (or the cluster) is missing.</param>
/// <param name="Clusters">The number of clusters, with cluster-robust standard errors only.</param>
/// <param name="Warnings">Advice on reading the result (few clusters).</param>
/// <param name="Model">The model as fitted.</param>
/// <param name="DfModel">Numerator degrees of freedom of the F test.</param>
public sealed record OlsReport(
    int N,
    int DfResidual,
    string SeType,
    IReadOnlyList<CoefficientReport> Coefficients,
    IReadOnlyList<string> Dropped,
    int DroppedRows,
    double RSquared,
    double AdjustedRSquared,
    double Sigma,
    double? FStatistic,
    [property: JsonPropertyName("fPValue")] double? FPValue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Clusters,
    IReadOnlyList<string> Warnings,
    [property: JsonIgnore] ModelSpecification Model,
    [property: JsonIgnore] int DfModel);

/// <summary>A binary logistic regression with Wald tests and 95% Wald intervals of the log-odds (R's confint.default).</summary>
/// <param name="SeType">Always <c>classical</c> (the inverse Fisher information).</param>
public sealed record LogitReport(
    int N,
    int DfResidual,
    string SeType,
    IReadOnlyList<CoefficientReport> Coefficients,
    IReadOnlyList<string> Dropped,
    int DroppedRows,
    double LogLikelihood,
    double Aic,
    [property: JsonPropertyName("mcFaddenR2")] double McFaddenR2,
    IReadOnlyList<string> Warnings,
    [property: JsonIgnore] ModelSpecification Model,
    [property: JsonIgnore] double NullDeviance,
    [property: JsonIgnore] int DfNull,
    [property: JsonIgnore] double ResidualDeviance);

/// <summary>
/// Linear and logistic regression on a source's variables: listwise deletion, treatment contrasts and cluster codes
/// are <see cref="DesignMatrix.Build"/>'s. Factor levels are sorted (R's default), the first the reference unless
/// the model names one.
/// </summary>
public static class RegressionAnalysis
{
    /// <summary>Ordinary least squares with the standard errors asked for (the cluster variable's missing values drop the row too).</summary>
    /// <param name="cluster">The cluster variable for <see cref="CovarianceType.Cluster"/>, else null.</param>
    public static async Task<OlsReport> OlsAsync(
        IAnalysisSource source, RegressionRequest request, CovarianceType covariance, string? cluster, CancellationToken cancellationToken)
    {
        if ((covariance == CovarianceType.Cluster) != (cluster is not null))
        {
            throw new ArgumentException("Cluster-robust standard errors need a cluster variable, and only they take one.", nameof(cluster));
        }

        var design = await DesignAsync(source, request, cluster, cancellationToken);
        var r = Ols.Fit(design, covariance);
        return new OlsReport(
            r.N,
            r.DfResidual,
            covariance == CovarianceType.Cluster ? $"cluster:{cluster}" : covariance.ToString().ToLowerInvariant(),
            r.Coefficients.Select(c => new CoefficientReport(c.Term, c.Estimate, c.StandardError, c.Statistic, c.PValue, c.ConfidenceLower, c.ConfidenceUpper)).ToList(),
            r.Dropped,
            design.DroppedRows,
            r.RSquared,
            r.AdjustedRSquared,
            r.Sigma,
            r.FStatistic,
            r.FPValue,
            covariance == CovarianceType.Cluster ? r.ClusterCount : null,
            r.Warnings,
            request.Model,
            r.DfModel);
    }

    /// <summary>Logistic regression of a response coded 0/1.</summary>
    /// <exception cref="AnalysisInputException">A complete case has a response other than 0 and 1 (its row and variable named).</exception>
    public static async Task<LogitReport> LogitAsync(IAnalysisSource source, RegressionRequest request, CancellationToken cancellationToken)
    {
        var design = await DesignAsync(source, request, null, cancellationToken);
        for (var i = 0; i < design.Rows; i++)
        {
            if (design.Response[i] is not (0.0 or 1.0))
            {
                throw source.ValueError(
                    design.RowIndices[i], design.ResponseName,
                    $"logistic regression needs a response coded 0/1, not {design.Response[i].ToString("R", CultureInfo.InvariantCulture)}.");
            }
        }

        var r = LogisticRegression.Fit(design);
        return new LogitReport(
            r.N,
            r.DfResidual,
            "classical",
            r.Coefficients.Select(c => new CoefficientReport(
                c.Term, c.Estimate, c.StandardError, c.Z, c.PValue, c.Estimate - (Distributions.Z975 * c.StandardError), c.Estimate + (Distributions.Z975 * c.StandardError))).ToList(),
            r.Dropped,
            design.DroppedRows,
            r.LogLikelihood,
            r.Aic,
            r.McFaddenRSquared,
            r.Warnings,
            request.Model,
            r.NullDeviance,
            r.DfNull,
            r.ResidualDeviance);
    }

    /// <summary>Reads the model's variables (the cluster as categorical: it is an identifier, whether written as a number or a name) and builds the design.</summary>
    private static async Task<DesignMatrix> DesignAsync(IAnalysisSource source, RegressionRequest request, string? cluster, CancellationToken cancellationToken)
    {
        var model = request.Model;
        var factors = request.Factors ?? [];
        var variables = model.Terms.SelectMany(t => t.Variables).Distinct(StringComparer.Ordinal).ToList();
        var requests = new List<ColumnRequest> { new(model.Response) };
        requests.AddRange(variables.Select(v => new ColumnRequest(v, factors.Contains(v) ? ColumnKind.Categorical : ColumnKind.Declared)));
        if (cluster is not null)
        {
            requests.Add(new ColumnRequest(cluster, ColumnKind.Categorical));
        }

        var data = await source.ReadAsync(requests, cancellationToken);
        foreach (var (variable, level) in model.ReferenceLevels ?? new Dictionary<string, string>())
        {
            if (data[variable] is not CategoricalColumn column)
            {
                throw new AnalysisInputException(source.Name, "is numeric, so it has no reference level.", column: variable);
            }

            if (!column.Levels.Contains(level))
            {
                throw new AnalysisInputException(
                    source.Name, $"no level \"{level}\"; the levels are: {string.Join(", ", LevelOrder.Sort(column.Levels))}.", column: variable);
            }
        }

        return DesignMatrix.Build(data, model, cluster);
    }
}
