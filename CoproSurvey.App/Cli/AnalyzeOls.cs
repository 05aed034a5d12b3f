using System.Text.Json;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>analyze ols</c>: linear regression by QR with classical, HC0-HC3 or cluster-robust standard errors; t tests and
/// 95% intervals use the residual degrees of freedom whatever the covariance. Rows with a missing variable are left out.
/// </summary>
internal sealed class AnalyzeOls : AnalyzeVerb
{
    public override string Name => "ols";

    public override string Summary => "Linear regression with classical, HC0-HC3 or cluster-robust standard errors.";

    public override string Synopsis =>
        "analyze ols --csv F --y Y --x X1,X2 [--no-intercept] [--se classical|hc0|hc1|hc2|hc3|cluster:COL] [--factor g] [--ref g=LEVEL] [--json]";

    public override IReadOnlyList<CommandOption> Options => RegressionInput.Options(
        new CommandOption("no-intercept", null, "Fit the model without an intercept."),
        new CommandOption("se", "TYPE", "classical (default), hc0, hc1, hc2, hc3, or cluster:COL (CR1, as sandwich::vcovCL)."));

    public override IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var se = arguments.Value("se") ?? "classical";
        var (covariance, cluster) = se switch
        {
            "classical" => (CovarianceType.Classical, null),
            "hc0" => (CovarianceType.HC0, null),
            "hc1" => (CovarianceType.HC1, null),
            "hc2" => (CovarianceType.HC2, null),
            "hc3" => (CovarianceType.HC3, null),
            _ when se.StartsWith("cluster:", StringComparison.Ordinal) && se.Length > "cluster:".Length => (CovarianceType.Cluster, se["cluster:".Length..]),
            _ => throw new CommandUsageException($"--se must be classical, hc0, hc1, hc2, hc3 or cluster:COL, not '{se}'."),
        };
        var (design, model, droppedRows) = RegressionInput.Read(arguments, cluster, cancellationToken).Design();
        return new Report(Ols.Fit(design, covariance), se, model, droppedRows);
    }

    private sealed class Report(OlsResult r, string seType, ModelSpecification model, int droppedRows) : IAnalyzeReport
    {
        private IEnumerable<CoefficientRow> Rows => r.Coefficients.Select(c =>
            new CoefficientRow(c.Term, c.Estimate, c.StandardError, c.Statistic, c.PValue, c.ConfidenceLower, c.ConfidenceUpper));

        public void WriteJson(Utf8JsonWriter json)
        {
            json.WriteNumber("n", r.N);
            json.WriteNumber("dfResidual", r.DfResidual);
            json.WriteString("seType", seType);
            AnalyzeRegressionOutput.Coefficients(json, Rows, r.Dropped, droppedRows);
            json.Number("rSquared", r.RSquared);
            json.Number("adjustedRSquared", r.AdjustedRSquared);
            json.Number("sigma", r.Sigma);
            json.Number("fStatistic", r.FStatistic);
            json.Number("fPValue", r.FPValue);
            if (r.CovarianceType == CovarianceType.Cluster)
            {
                json.WriteNumber("clusters", r.ClusterCount);
            }

            json.Strings("warnings", r.Warnings);
        }

        public void WriteText(TextWriter text)
        {
            text.WriteLine($"Linear regression (OLS): {model}");
            text.WriteLine($"Standard errors: {seType}{(r.CovarianceType == CovarianceType.Cluster ? $" ({r.ClusterCount} clusters)" : "")}");
            text.WriteLine($"n = {r.N}, rows dropped for missing values: {droppedRows}");
            text.WriteLine();
            AnalyzeRegressionOutput.Coefficients(text, "t value", "Pr(>|t|)", Rows);
            text.WriteLine();
            text.WriteLine($"Residual standard error: {AnalyzeFormat.Num(r.Sigma)} on {r.DfResidual} degrees of freedom");
            text.WriteLine($"Multiple R-squared: {AnalyzeFormat.Num(r.RSquared)},  Adjusted R-squared: {AnalyzeFormat.Num(r.AdjustedRSquared)}");
            if (r.FStatistic is not null)
            {
                text.WriteLine($"F-statistic: {AnalyzeFormat.Num(r.FStatistic)} on {r.DfModel} and {r.DfResidual} DF,  p-value: {AnalyzeFormat.P(r.FPValue)}");
            }

            AnalyzeRegressionOutput.Dropped(text, r.Dropped);
            foreach (var w in r.Warnings)
            {
                text.WriteLine($"Warning: {w}");
            }
        }
    }
}
