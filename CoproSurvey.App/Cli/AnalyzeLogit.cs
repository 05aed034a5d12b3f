using System.Text.Json;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>analyze logit</c>: binary logistic regression by IRLS (the response coded 0/1), Wald z tests and 95% Wald
/// intervals of the log-odds coefficients (R's <c>confint.default</c>), log-likelihood, AIC and McFadden's R².
/// </summary>
internal sealed class AnalyzeLogit : AnalyzeVerb
{
    private const double Z975 = 1.959963984540054;

    public override string Name => "logit";

    public override string Summary => "Binary logistic regression (response coded 0/1).";

    public override string Synopsis => "analyze logit --csv F --y Y --x X1,X2 [--factor g] [--ref g=LEVEL] [--json]";

    public override IReadOnlyList<CommandOption> Options => RegressionInput.Options();

    public override IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var input = RegressionInput.Read(arguments, null, cancellationToken);
        var (design, model, droppedRows) = input.Design();
        RegressionInput.RequireBinaryResponse(input.Table, design);
        return new Report(LogisticRegression.Fit(design), model, droppedRows);
    }

    private sealed class Report(LogisticResult r, ModelSpecification model, int droppedRows) : IAnalyzeReport
    {
        private IEnumerable<CoefficientRow> Rows => r.Coefficients.Select(c =>
            new CoefficientRow(c.Term, c.Estimate, c.StandardError, c.Z, c.PValue, c.Estimate - (Z975 * c.StandardError), c.Estimate + (Z975 * c.StandardError)));

        public void WriteJson(Utf8JsonWriter json)
        {
            json.WriteNumber("n", r.N);
            json.WriteNumber("dfResidual", r.DfResidual);
            json.WriteString("seType", "classical");
            AnalyzeRegressionOutput.Coefficients(json, Rows, r.Dropped, droppedRows);
            json.Number("logLikelihood", r.LogLikelihood);
            json.Number("aic", r.Aic);
            json.Number("mcFaddenR2", r.McFaddenRSquared);
            json.Strings("warnings", r.Warnings);
        }

        public void WriteText(TextWriter text)
        {
            text.WriteLine($"Logistic regression (logit link): {model}");
            text.WriteLine($"n = {r.N}, rows dropped for missing values: {droppedRows}");
            text.WriteLine();
            AnalyzeRegressionOutput.Coefficients(text, "z value", "Pr(>|z|)", Rows);
            text.WriteLine();
            text.WriteLine($"Null deviance: {AnalyzeFormat.Num(r.NullDeviance)} on {r.DfNull} degrees of freedom");
            text.WriteLine($"Residual deviance: {AnalyzeFormat.Num(r.ResidualDeviance)} on {r.DfResidual} degrees of freedom");
            text.WriteLine($"Log-likelihood: {AnalyzeFormat.Num(r.LogLikelihood)},  AIC: {AnalyzeFormat.Num(r.Aic)},  McFadden R-squared: {AnalyzeFormat.Num(r.McFaddenRSquared)}");
            AnalyzeRegressionOutput.Dropped(text, r.Dropped);
            foreach (var w in r.Warnings)
            {
                text.WriteLine($"Warning: {w}");
            }
        }
    }
}
