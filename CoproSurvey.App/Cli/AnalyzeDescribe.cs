using System.Text.Json;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>analyze describe</c>: n, missing, mean, SD, SE, quartiles (R type 7), extremes, skewness G1 and excess
/// kurtosis G2 of numeric columns, optionally per group (groups in sorted order, rows without a group left out).
/// Values are read centred on their first value, exactly in decimal, so data with many constant leading digits keep
/// their digits.
/// </summary>
internal sealed class AnalyzeDescribe : AnalyzeVerb
{
    public override string Name => "describe";

    public override string Summary => "Descriptive statistics of numeric columns, optionally by group.";

    public override string Synopsis => "analyze describe --csv F --columns a,b [--by g] [--json]";

    public override IReadOnlyList<CommandOption> Options =>
    [
        Csv,
        new("columns", "a,b", "Numeric columns to describe.", Required: true),
        new("by", "g", "A column whose values form the groups."),
    ];

    public override IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var columns = arguments.List("columns");
        var by = arguments.Value("by");
        var requests = columns.Select(c => new CsvColumnRequest(c, Centred: true)).ToList();
        if (by is not null)
        {
            requests.Add(new CsvColumnRequest(by, CsvColumnKind.Categorical));
        }

        var table = AnalyzeData.Read(arguments.Required("csv"), requests, cancellationToken);
        var rows = new List<Row>();
        foreach (var name in columns)
        {
            var (offsets, origin) = AnalyzeData.Centred(table.Numeric(name));
            if (by is null)
            {
                rows.Add(new Row(name, null, Descriptives.Compute(offsets, origin), table.Numeric(name).MissingCount));
                continue;
            }

            var grouped = Descriptives.ByGroup(offsets, AnalyzeData.Labels(table.Categorical(by)), origin);
            foreach (var level in LevelOrder.Sort(grouped.Groups.Select(g => g.Group)))
            {
                var group = grouped.Groups.First(g => g.Group == level);
                rows.Add(new Row(name, level, group.Statistics, group.Missing));
            }
        }

        return new Report(by, rows);
    }

    private sealed record Row(string Name, string? Group, DescriptiveStatistics? Statistics, int Missing);

    private sealed class Report(string? by, IReadOnlyList<Row> rows) : IAnalyzeReport
    {
        public void WriteJson(Utf8JsonWriter json)
        {
            json.WriteStartArray("variables");
            foreach (var r in rows)
            {
                var s = r.Statistics;
                json.WriteStartObject();
                json.WriteString("name", r.Name);
                if (r.Group is null)
                {
                    json.WriteNull("group");
                }
                else
                {
                    json.WriteString("group", r.Group);
                }

                json.WriteNumber("n", s?.N ?? 0);
                json.WriteNumber("missing", r.Missing);
                json.Number("mean", s?.Mean);
                json.Number("sd", s?.StandardDeviation);
                json.Number("se", s?.StandardError);
                json.Number("min", s?.Minimum);
                json.Number("q1", s?.FirstQuartile);
                json.Number("median", s?.Median);
                json.Number("q3", s?.ThirdQuartile);
                json.Number("max", s?.Maximum);
                json.Number("skewness", s?.Skewness);
                json.Number("kurtosis", s?.ExcessKurtosis);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        public void WriteText(TextWriter text)
        {
            string[] header = by is null
                ? ["variable", "n", "missing", "mean", "sd", "se", "min", "q1", "median", "q3", "max", "skew", "kurtosis"]
                : ["variable", by, "n", "missing", "mean", "sd", "se", "min", "q1", "median", "q3", "max", "skew", "kurtosis"];
            AnalyzeFormat.Table(text, header, rows.Select(r =>
            {
                var s = r.Statistics;
                var cells = new List<string> { r.Name };
                if (by is not null)
                {
                    cells.Add(r.Group ?? "");
                }

                cells.AddRange(
                [
                    (s?.N ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Missing.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AnalyzeFormat.Num(s?.Mean), AnalyzeFormat.Num(s?.StandardDeviation), AnalyzeFormat.Num(s?.StandardError),
                    AnalyzeFormat.Num(s?.Minimum), AnalyzeFormat.Num(s?.FirstQuartile), AnalyzeFormat.Num(s?.Median),
                    AnalyzeFormat.Num(s?.ThirdQuartile), AnalyzeFormat.Num(s?.Maximum), AnalyzeFormat.Num(s?.Skewness),
                    AnalyzeFormat.Num(s?.ExcessKurtosis),
                ]);
                return (IReadOnlyList<string>)cells;
            }));
            text.WriteLine();
            text.WriteLine("sd and se with n - 1; quartiles as R's quantile type 7; skew G1 and excess kurtosis G2 (SPSS, e1071 type 2).");
        }
    }
}
