using System.Globalization;
using System.Text.Json;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>
/// <c>analyze corr</c>: Pearson or Spearman correlation matrix with pairwise deletion, pairwise n and two-tailed
/// p-values (t approximation, as R's cor.test with exact = FALSE). Values are read centred (r does not depend on a shift).
/// </summary>
internal sealed class AnalyzeCorrelation : AnalyzeVerb
{
    public override string Name => "corr";

    public override string Summary => "Correlation matrix (Pearson or Spearman) with pairwise n and p-values.";

    public override string Synopsis => "analyze corr --csv F --columns a,b,c [--method pearson|spearman] [--json]";

    public override IReadOnlyList<CommandOption> Options =>
    [
        Csv,
        new("columns", "a,b,c", "Two or more numeric columns.", Required: true),
        new("method", "pearson|spearman", "The coefficient (default pearson)."),
    ];

    public override IAnalyzeReport Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var method = arguments.Value("method") switch
        {
            null or "pearson" => CorrelationMethod.Pearson,
            "spearman" => CorrelationMethod.Spearman,
            var other => throw new CommandUsageException($"--method must be pearson or spearman, not '{other}'."),
        };
        var columns = arguments.List("columns");
        if (columns.Count < 2)
        {
            throw new CommandUsageException("--columns needs at least two columns.");
        }

        var table = AnalyzeData.Read(arguments.Required("csv"), columns.Select(c => new CsvColumnRequest(c, Centred: true)), cancellationToken);
        var variables = columns.Select(c => AnalyzeData.Centred(table.Numeric(c)).Offsets).ToList();
        return new Report(Correlation.Matrix(variables, columns, method));
    }

    private sealed class Report(CorrelationMatrix m) : IAnalyzeReport
    {
        private int K => m.Names.Count;

        public void WriteJson(Utf8JsonWriter json)
        {
            json.WriteString("method", m.Method == CorrelationMethod.Pearson ? "pearson" : "spearman");
            json.Strings("columns", m.Names);
            Matrix(json, "r", (i, j) => m[i, j].R);
            Matrix(json, "n", (i, j) => m[i, j].N);
            Matrix(json, "p", (i, j) => i == j ? null : m[i, j].P);
        }

        public void WriteText(TextWriter text)
        {
            text.WriteLine($"{(m.Method == CorrelationMethod.Pearson ? "Pearson" : "Spearman")} correlations (pairwise complete rows)");
            text.WriteLine();
            Block(text, "r", (i, j) => AnalyzeFormat.Num(m[i, j].R is { } r ? Math.Round(r, 4) : null));
            text.WriteLine();
            Block(text, "n", (i, j) => m[i, j].N.ToString(CultureInfo.InvariantCulture));
            text.WriteLine();
            Block(text, "p", (i, j) => i == j ? "" : AnalyzeFormat.P(m[i, j].P));
            foreach (var note in m.Pairs.Where(p => p.Note is not null))
            {
                text.WriteLine($"Note: {m.Names[note.Row]} and {m.Names[note.Column]}: {note.Note}");
            }
        }

        private void Matrix(Utf8JsonWriter json, string name, Func<int, int, double?> cell)
        {
            json.WriteStartArray(name);
            for (var i = 0; i < K; i++)
            {
                json.WriteStartArray();
                for (var j = 0; j < K; j++)
                {
                    json.NumberValue(cell(i, j));
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        private void Block(TextWriter text, string title, Func<int, int, string> cell) =>
            AnalyzeFormat.Table(text, [title, .. m.Names], Enumerable.Range(0, K).Select(i => (IReadOnlyList<string>)[m.Names[i], .. Enumerable.Range(0, K).Select(j => cell(i, j))]));
    }
}
