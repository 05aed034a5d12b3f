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

    public override IReadOnlyList<AnalyzeOption> Options => RegressionInput.Options(
        new AnalyzeOption("no-intercept", null, "Fit the model without an intercept."),
        new AnalyzeOption("se", "TYPE", "classical (default), hc0, hc1, hc2, hc3, or cluster:COL (CR1, as sandwich::vcovCL)."));

    public override IAnalyzeReport Run(AnalyzeArguments arguments, CancellationToken cancellationToken)
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
            _ => throw new AnalyzeUsageException($"--se must be classical, hc0, hc1, hc2, hc3 or cluster:COL, not '{se}'."),
        };
        var input = RegressionInput.Read(arguments, cluster, cancellationToken);
        var design = input.Design();
        return new Report(Ols.Fit(design, covariance), se, input.Model, input.DroppedRows(design));
    }

    private sealed class Report(OlsResult r, string seType, ModelSpecification model, int droppedRows) : IAnalyzeReport
    {
        public void WriteJson(Utf8JsonWriter json)
        {
            json.WriteNumber("n", r.N);
            json.WriteNumber("dfResidual", r.DfResidual);
            json.WriteString("seType", seType);
            json.WriteStartArray("coefficients");
            foreach (var c in r.Coefficients)
            {
                json.WriteStartObject();
                json.WriteString("term", c.Term);
                json.Number("estimate", c.Estimate);
                json.Number("stdError", c.StandardError);
                json.Number("statistic", c.Statistic);
                json.Number("pValue", c.PValue);
                json.Number("ciLower", c.ConfidenceLower);
                json.Number("ciUpper", c.ConfidenceUpper);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.Strings("dropped", r.Dropped);
            json.WriteNumber("droppedRows", droppedRows);
            json.Number("rSquared", r.RSquared);
            json.Number("adjustedRSquared", r.AdjustedRSquared);
            json.Number("sigma", r.Sigma);
            json.Number("fStatistic", r.FStatistic);
            json.Number("fPValue", r.FPValue);
            if (r.CovarianceType == CovarianceType.Cluster)
            {
                json.WriteNumber("clusters", r.ClusterCount);
            }
        }

        public void WriteText(TextWriter text)
        {
            text.WriteLine($"Linear regression (OLS): {model}");
            text.WriteLine($"Standard errors: {seType}{(r.CovarianceType == CovarianceType.Cluster ? $" ({r.ClusterCount} clusters)" : "")}");
            text.WriteLine($"n = {r.N}, rows dropped for missing values: {droppedRows}");
            text.WriteLine();
            AnalyzeRegressionText.Coefficients(text, "t value", "Pr(>|t|)", r.Coefficients.Select(c => (c.Term, c.Estimate, c.StandardError, c.Statistic, c.PValue)));
            text.WriteLine();
            text.WriteLine($"Residual standard error: {AnalyzeFormat.Num(r.Sigma)} on {r.DfResidual} degrees of freedom");
            text.WriteLine($"Multiple R-squared: {AnalyzeFormat.Num(r.RSquared)},  Adjusted R-squared: {AnalyzeFormat.Num(r.AdjustedRSquared)}");
            if (r.FStatistic is not null)
            {
                text.WriteLine($"F-statistic: {AnalyzeFormat.Num(r.FStatistic)} on {r.DfModel} and {r.DfResidual} DF,  p-value: {AnalyzeFormat.P(r.FPValue)}");
            }

            AnalyzeRegressionText.Dropped(text, r.Dropped);
        }
    }
}

/// <summary>The coefficient table both regressions print, as R's summary does.</summary>
internal static class AnalyzeRegressionText
{
    public static void Coefficients(
        TextWriter text, string statistic, string p, IEnumerable<(string Term, double Estimate, double Se, double Statistic, double P)> rows)
    {
        text.WriteLine("Coefficients:");
        AnalyzeFormat.Table(
            text,
            ["", "Estimate", "Std. Error", statistic, p, ""],
            rows.Select(c => (IReadOnlyList<string>)[c.Term, AnalyzeFormat.Num(c.Estimate), AnalyzeFormat.Num(c.Se), AnalyzeFormat.Num(Math.Round(c.Statistic, 3)), AnalyzeFormat.P(c.P), AnalyzeFormat.Stars(c.P)]));
        text.WriteLine("---");
        text.WriteLine(AnalyzeFormat.StarsLegend);
    }

    public static void Dropped(TextWriter text, IReadOnlyList<string> dropped)
    {
        if (dropped.Count > 0)
        {
            text.WriteLine($"Not estimated (aliased with earlier columns): {string.Join(", ", dropped)}");
        }
    }
}
