using System.Text.Json;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>analyze alpha</c>: Cronbach's alpha (raw and standardised), McDonald's omega total (one-factor ML) and
/// item-total statistics of a scale, over the rows where every item is present.
/// </summary>
internal sealed class AnalyzeAlpha : AnalyzeVerb
{
    public override string Name => "alpha";

    public override string Summary => "Scale reliability: Cronbach's alpha, omega total, item-total statistics.";

    public override string Synopsis => "analyze alpha --csv F --items a,b,c [--json]";

    public override IReadOnlyList<CommandOption> Options =>
    [
        Csv,
        new("items", "a,b,c", "The items of the scale, scored in the same direction.", Required: true),
    ];

    public override IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var items = arguments.List("items");
        var table = AnalyzeData.Read(arguments.Required("csv"), items.Select(c => new CsvColumnRequest(c)), cancellationToken);
        return new Report(Reliability.Analyze(items.Select(c => AnalyzeData.Values(table.Numeric(c).Values)).ToList(), items));
    }

    private sealed class Report(ReliabilityResult r) : IAnalyzeReport
    {
        public void WriteJson(Utf8JsonWriter json)
        {
            json.WriteNumber("n", r.CompleteCases);
            json.Number("alpha", r.Alpha);
            json.Number("standardizedAlpha", r.StandardizedAlpha);
            json.Number("omega", r.Omega?.Value);
            if (r.OmegaNote is not null)
            {
                json.WriteString("omegaNote", r.OmegaNote);
            }

            json.WriteStartArray("items");
            foreach (var item in r.Items)
            {
                json.WriteStartObject();
                json.WriteString("name", item.Name);
                json.Number("correctedItemTotal", item.CorrectedItemTotalCorrelation);
                json.Number("alphaIfDeleted", item.AlphaIfDeleted);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("droppedRows", r.Rows - r.CompleteCases);
        }

        public void WriteText(TextWriter text)
        {
            text.WriteLine($"Reliability of {r.Items.Count} items over {r.CompleteCases} complete rows ({r.Rows - r.CompleteCases} rows left out)");
            text.WriteLine();
            text.WriteLine($"Cronbach's alpha = {AnalyzeFormat.Num(r.Alpha)}, standardized alpha = {AnalyzeFormat.Num(r.StandardizedAlpha)}");
            text.WriteLine(r.Omega is null ? $"omega total: not available ({r.OmegaNote})" : $"omega total = {AnalyzeFormat.Num(r.Omega.Value)} (one-factor ML)");
            text.WriteLine();
            AnalyzeFormat.Table(
                text,
                ["item", "mean", "sd", "corrected item-total r", "alpha if deleted"],
                r.Items.Select(i => (IReadOnlyList<string>)[i.Name, AnalyzeFormat.Num(i.Mean), AnalyzeFormat.Num(i.StandardDeviation), AnalyzeFormat.Num(i.CorrectedItemTotalCorrelation), AnalyzeFormat.Num(i.AlphaIfDeleted)]));
        }
    }
}
