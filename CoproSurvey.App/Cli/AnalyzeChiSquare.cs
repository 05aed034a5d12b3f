using System.Globalization;
using System.Text.Json;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>analyze chisq</c>: Pearson's chi-square test of independence of two categorical columns (no continuity
/// correction), with Cramér's V and warnings about small expected counts.
/// </summary>
internal sealed class AnalyzeChiSquare : AnalyzeVerb
{
    public override string Name => "chisq";

    public override string Summary => "Chi-square test of independence of two categorical columns, with Cramer's V.";

    public override string Synopsis => "analyze chisq --csv F --row R --col C [--json]";

    public override IReadOnlyList<CommandOption> Options =>
    [
        Csv,
        new("row", "R", "The row variable.", Required: true),
        new("col", "C", "The column variable.", Required: true),
    ];

    public override IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var (row, col) = arguments.DistinctColumns("row", "col");
        var table = AnalyzeData.Read(
            arguments.Required("csv"), [new CsvColumnRequest(row, CsvColumnKind.Categorical), new CsvColumnRequest(col, CsvColumnKind.Categorical)], cancellationToken);
        var rows = table.Categorical(row);
        var cols = table.Categorical(col);
        var result = ChiSquare.Independence(
            AnalyzeData.Labels(rows),
            AnalyzeData.Labels(cols),
            LevelOrder.Sort(rows.Levels),
            LevelOrder.Sort(cols.Levels));
        return new Report(result, row, col);
    }

    private sealed class Report(ChiSquareResult r, string row, string col) : IAnalyzeReport
    {
        public void WriteJson(Utf8JsonWriter json)
        {
            json.Number("chiSquare", r.ChiSquare);
            json.WriteNumber("df", r.Df);
            json.Number("pValue", r.P);
            json.Number("cramersV", r.CramersV);
            json.Strings("warnings", r.Warnings);
            json.WriteNumber("n", r.N);
            json.WriteNumber("missing", r.Missing);
            json.Strings("rowLevels", r.RowLabels);
            json.Strings("colLevels", r.ColumnLabels);
            json.WriteStartArray("observed");
            foreach (var counts in r.Observed)
            {
                json.WriteStartArray();
                foreach (var c in counts)
                {
                    json.WriteNumberValue(c);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        public void WriteText(TextWriter text)
        {
            text.WriteLine($"Pearson's chi-square test of independence: {row} by {col}");
            text.WriteLine();
            AnalyzeFormat.Table(
                text,
                [$"{row} \\ {col}", .. r.ColumnLabels],
                r.RowLabels.Select((label, i) => (IReadOnlyList<string>)[label, .. r.Observed[i].Select(c => c.ToString(CultureInfo.InvariantCulture))]));
            text.WriteLine();
            text.WriteLine($"X-squared = {AnalyzeFormat.Num(r.ChiSquare)}, df = {r.Df}, p-value = {AnalyzeFormat.P(r.P)}");
            text.WriteLine($"Cramer's V = {AnalyzeFormat.Num(r.CramersV)}, n = {r.N}, rows left out for a missing value: {r.Missing}");
            foreach (var w in r.Warnings)
            {
                text.WriteLine($"Warning: {w}");
            }
        }
    }
}
