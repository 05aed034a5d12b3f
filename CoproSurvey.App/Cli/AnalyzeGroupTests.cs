using System.Globalization;
using System.Text.Json;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>The value and group columns of <c>ttest</c> and <c>anova</c>: the value read centred (both are shift invariant), the group as text.</summary>
internal sealed record GroupedValues(IReadOnlyList<double?> Offsets, double Origin, CategoricalColumn Group)
{
    public static GroupedValues Read(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var (value, group) = arguments.DistinctColumns("value", "group");
        var table = AnalyzeData.Read(
            arguments.Required("csv"), [new CsvColumnRequest(value, Centred: true), new CsvColumnRequest(group, CsvColumnKind.Categorical)], cancellationToken);
        var (offsets, origin) = AnalyzeData.Centred(table.Numeric(value));
        return new GroupedValues(offsets, origin, table.Categorical(group));
    }

    public static IReadOnlyList<CommandOption> Options(params CommandOption[] more) =>
    [
        new("csv", "FILE", "The CSV file (header row, comma-separated).", Required: true),
        new("value", "V", "The numeric outcome.", Required: true),
        new("group", "G", "The column whose values form the groups.", Required: true),
        .. more,
    ];
}

/// <summary>
/// <c>analyze ttest</c>: two-sample t test of the value between the two groups, Welch by default, Student with
/// <c>--equal-var</c>. The groups are the two levels in sorted order (as R orders a factor); the difference is the
/// first minus the second, with a 95% interval.
/// </summary>
internal sealed class AnalyzeTTest : AnalyzeVerb
{
    public override string Name => "ttest";

    public override string Summary => "Two-sample t test (Welch, or pooled variance with --equal-var).";

    public override string Synopsis => "analyze ttest --csv F --value V --group G [--equal-var] [--json]";

    public override IReadOnlyList<CommandOption> Options =>
        GroupedValues.Options(new CommandOption("equal-var", null, "Assume equal variances (Student's pooled test)."));

    public override IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var data = GroupedValues.Read(arguments, cancellationToken);
        var levels = AnalyzeData.LevelsWhere(data.Group, _ => true);
        if (levels.Count != 2)
        {
            throw new CsvDataException(
                arguments.Required("csv"),
                $"a two-sample t test needs exactly 2 groups; found {levels.Count}: {string.Join(", ", levels)}.",
                column: data.Group.Name);
        }

        var method = arguments.Has("equal-var") ? TTestMethod.Student : TTestMethod.Welch;
        var result = TTest.TwoSample(data.Offsets, AnalyzeData.Labels(data.Group), method, levels[0], levels[1], data.Origin);
        return new Report(result, data.Group.Name);
    }

    private sealed class Report(TTestResult r, string group) : IAnalyzeReport
    {
        public void WriteJson(Utf8JsonWriter json)
        {
            json.WriteString("method", r.Method == TTestMethod.Welch ? "welch" : "student");
            json.Number("t", r.T);
            json.Number("df", r.Df);
            json.Number("pValue", r.P);
            json.Number("meanDifference", r.MeanDifference);
            json.Number("ciLower", r.ConfidenceLower);
            json.Number("ciUpper", r.ConfidenceUpper);
            json.WriteStartArray("groups");
            foreach (var g in new[] { r.Group1, r.Group2 })
            {
                json.WriteStartObject();
                json.WriteString("group", g.Group);
                json.WriteNumber("n", g.N);
                json.Number("mean", g.Mean);
                json.Number("sd", g.StandardDeviation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("missing", r.Missing);
        }

        public void WriteText(TextWriter text)
        {
            text.WriteLine(r.Method == TTestMethod.Welch ? "Welch two-sample t test" : "Two-sample t test, pooled variance");
            text.WriteLine();
            AnalyzeFormat.Table(
                text,
                [group, "n", "mean", "sd"],
                new[] { r.Group1, r.Group2 }.Select(g => (IReadOnlyList<string>)[g.Group, g.N.ToString(CultureInfo.InvariantCulture), AnalyzeFormat.Num(g.Mean), AnalyzeFormat.Num(g.StandardDeviation)]));
            text.WriteLine();
            text.WriteLine($"t = {AnalyzeFormat.Num(r.T)}, df = {AnalyzeFormat.Df(r.Df)}, p-value = {AnalyzeFormat.P(r.P)}");
            text.WriteLine($"mean difference ({r.Group1.Group} - {r.Group2.Group}) = {AnalyzeFormat.Num(r.MeanDifference)}, 95% CI [{AnalyzeFormat.Num(r.ConfidenceLower)}, {AnalyzeFormat.Num(r.ConfidenceUpper)}]");
            text.WriteLine($"rows left out for a missing value or group: {r.Missing}");
        }
    }
}

/// <summary><c>analyze anova</c>: one-way analysis of variance of the value by group, with eta squared.</summary>
internal sealed class AnalyzeAnova : AnalyzeVerb
{
    public override string Name => "anova";

    public override string Summary => "One-way analysis of variance, with eta squared.";

    public override string Synopsis => "analyze anova --csv F --value V --group G [--json]";

    public override IReadOnlyList<CommandOption> Options => GroupedValues.Options();

    public override IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var data = GroupedValues.Read(arguments, cancellationToken);
        return new Report(Anova.OneWay(data.Offsets, AnalyzeData.Labels(data.Group), data.Origin), data.Group.Name);
    }

    private sealed class Report(OneWayAnovaResult r, string group) : IAnalyzeReport
    {
        public void WriteJson(Utf8JsonWriter json)
        {
            json.WriteNumber("dfBetween", r.DfBetween);
            json.WriteNumber("dfWithin", r.DfWithin);
            json.Number("ssBetween", r.SsBetween);
            json.Number("ssWithin", r.SsWithin);
            json.Number("msBetween", r.MsBetween);
            json.Number("msWithin", r.MsWithin);
            json.Number("f", r.F);
            json.Number("pValue", r.P);
            json.Number("etaSquared", r.EtaSquared);
            json.WriteNumber("n", r.N);
            json.WriteNumber("missing", r.Missing);
        }

        public void WriteText(TextWriter text)
        {
            text.WriteLine("One-way analysis of variance");
            text.WriteLine();
            AnalyzeFormat.Table(
                text,
                ["", "Df", "Sum Sq", "Mean Sq", "F value", "Pr(>F)", ""],
                [
                    [group, AnalyzeFormat.Df(r.DfBetween), AnalyzeFormat.Num(r.SsBetween), AnalyzeFormat.Num(r.MsBetween), AnalyzeFormat.Num(r.F), AnalyzeFormat.P(r.P), AnalyzeFormat.Stars(r.P)],
                    ["Residuals", AnalyzeFormat.Df(r.DfWithin), AnalyzeFormat.Num(r.SsWithin), AnalyzeFormat.Num(r.MsWithin), "", "", ""],
                ]);
            text.WriteLine("---");
            text.WriteLine(AnalyzeFormat.StarsLegend);
            text.WriteLine();
            text.WriteLine($"eta squared = {AnalyzeFormat.Num(r.EtaSquared)}, n = {r.N}, rows left out for a missing value or group: {r.Missing}");
        }
    }
}
