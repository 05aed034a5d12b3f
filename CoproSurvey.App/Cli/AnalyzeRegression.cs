using System.Globalization;
using System.Text.Json;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.App.Cli;

/// <summary>
/// The model of <c>ols</c> and <c>logit</c> from the command line: <c>--y</c>, <c>--x</c> terms (<c>x1:x2</c> is an
/// interaction), <c>--factor</c> for the categorical ones, <c>--ref g=LEVEL</c> for a reference level. A column is
/// categorical only when <c>--factor</c> names it: any other must hold numbers, so that one mistyped cell is an error
/// naming its row instead of a factor with a level per row. Factor levels are sorted (R's default), the first the reference.
/// </summary>
internal sealed record RegressionInput(string File, CsvTable Table, ModelSpecification Model, string? Cluster)
{
    public static IReadOnlyList<CommandOption> Options(params CommandOption[] more) =>
    [
        new("csv", "FILE", "The CSV file (header row, comma-separated).", Required: true),
        new("y", "Y", "The response.", Required: true),
        new("x", "X1,X2", "Predictors: columns, and interactions written x1:x2; numeric unless named by --factor.", Required: true),
        .. more,
        new("factor", "g", "A categorical predictor, text or numeric codes (repeatable, or a,b).", Repeatable: true),
        new("ref", "g=LEVEL", "Reference level of a factor (default: the first in sorted order; repeatable).", Repeatable: true),
    ];

    public static RegressionInput Read(CommandArguments arguments, string? cluster, CancellationToken cancellationToken)
    {
        var y = arguments.Required("y");
        var terms = arguments.List("x").Select(t => new ModelTerm(t.Split(':', StringSplitOptions.TrimEntries))).ToList();
        if (terms.Any(t => t.Variables.Any(string.IsNullOrEmpty)))
        {
            throw new CommandUsageException("An interaction in --x has an empty name (write x1:x2).");
        }

        var variables = terms.SelectMany(t => t.Variables).Distinct(StringComparer.Ordinal).ToList();
        if (variables.Contains(y))
        {
            throw new CommandUsageException($"The response '{y}' is also a predictor.");
        }

        var factors = arguments.List("factor");
        var stray = factors.FirstOrDefault(f => !variables.Contains(f));
        if (stray is not null)
        {
            throw new CommandUsageException($"--factor {stray}: '{stray}' is not in --x.");
        }

        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in arguments.All("ref"))
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == assignment.Length - 1)
            {
                throw new CommandUsageException($"--ref takes g=LEVEL, not '{assignment}'.");
            }

            var variable = assignment[..equals].Trim();
            if (!variables.Contains(variable) || !references.TryAdd(variable, assignment[(equals + 1)..].Trim()))
            {
                throw new CommandUsageException($"--ref {assignment}: '{variable}' is not in --x or is given twice.");
            }
        }

        var requests = new List<CsvColumnRequest> { new(y) };
        requests.AddRange(variables.Select(v => new CsvColumnRequest(v, factors.Contains(v) ? CsvColumnKind.Categorical : CsvColumnKind.Numeric)));
        if (cluster is not null)
        {
            // A cluster is an identifier, whether it is written as a number or a name.
            requests.Add(new CsvColumnRequest(cluster, CsvColumnKind.Categorical));
        }

        var file = arguments.Required("csv");
        CsvTable table;
        try
        {
            table = AnalyzeData.Read(file, requests, cancellationToken);
        }
        catch (CsvDataException e) when (e.Text is not null && e.Column is { } column && variables.Contains(column))
        {
            throw new CsvDataException(
                e.FilePath, $"{e.Problem} If \"{column}\" is categorical, add --factor {column}.", e.Row, e.Line, e.Column, e.Text);
        }
        foreach (var (variable, level) in references)
        {
            if (table[variable] is not CategoricalColumn column)
            {
                throw new CommandUsageException($"--ref {variable}={level}: '{variable}' is numeric; add --factor {variable}.");
            }

            if (!column.Levels.Contains(level))
            {
                throw new CsvDataException(
                    file, $"no level \"{level}\"; the levels are: {string.Join(", ", LevelOrder.Sort(column.Levels))}.", column: variable);
            }
        }

        var intercept = !arguments.Has("no-intercept");
        return new RegressionInput(file, table, new ModelSpecification(y, terms, intercept, references), cluster);
    }

    /// <summary>
    /// The design matrix, the model, and the source rows left out because a variable of the model (or the cluster)
    /// is missing. When every predictor is a numeric main effect the design is filled straight from the columns read
    /// (no intermediate table of nullable values: half the memory on large files); otherwise the library builds it
    /// with treatment contrasts and interactions. The columns read are not needed afterwards, so the caller can let
    /// them go before the fit.
    /// </summary>
    public (DesignMatrix Design, ModelSpecification Model, int DroppedRows) Design()
    {
        var simple = Model.Terms.All(t => t.Variables.Count == 1 && Table[t.Variables[0]] is NumericColumn);
        var design = simple ? NumericDesign() : DesignMatrix.Build(ToAnalysisData(), Model, Cluster);
        return (design, Model, Table.RowCount - design.Rows);
    }

    /// <summary>
    /// Checks that the response is 0 or 1 in every complete case, as logistic regression needs; the first other value
    /// is reported like a bad cell, with its file, data row, line and column.
    /// </summary>
    /// <exception cref="CsvDataException">A complete case has a response other than 0 and 1.</exception>
    public static void RequireBinaryResponse(CsvTable table, DesignMatrix design)
    {
        for (var i = 0; i < design.Rows; i++)
        {
            if (design.Response[i] is not (0.0 or 1.0))
            {
                throw table.CellException(
                    design.RowIndices[i], design.ResponseName,
                    $"logistic regression needs a response coded 0/1, not {design.Response[i].ToString("R", CultureInfo.InvariantCulture)}.");
            }
        }
    }

    private AnalysisData ToAnalysisData()
    {
        var data = new AnalysisData();
        foreach (var column in Table.Columns)
        {
            data = column switch
            {
                NumericColumn n => data.WithNumeric(n.Name, AnalyzeData.Values(n.Values)),
                CategoricalColumn c => data.WithCategorical(c.Name, AnalyzeData.Labels(c)),
                _ => data,
            };
        }

        return data;
    }

    private DesignMatrix NumericDesign()
    {
        var response = Table.Numeric(Model.Response).Values;
        var predictors = Model.Terms.Select(t => Table.Numeric(t.Variables[0]).Values).ToList();
        var clusterColumn = Cluster is null ? null : Table[Cluster];
        var n = Table.RowCount;
        var complete = new bool[n];
        var rows = 0;
        for (var i = 0; i < n; i++)
        {
            var ok = !double.IsNaN(response[i]) && (clusterColumn is null || !clusterColumn.IsMissing(i));
            for (var j = 0; ok && j < predictors.Count; j++)
            {
                ok = !double.IsNaN(predictors[j][i]);
            }

            complete[i] = ok;
            rows += ok ? 1 : 0;
        }

        var offset = Model.Intercept ? 1 : 0;
        var values = new double[rows * (predictors.Count + offset)];
        if (Model.Intercept)
        {
            values.AsSpan(0, rows).Fill(1.0);
        }

        for (var j = 0; j < predictors.Count; j++)
        {
            Compact(predictors[j], complete, values.AsSpan((j + offset) * rows, rows));
        }

        var y = new double[rows];
        Compact(response, complete, y);
        var sourceRows = new int[rows];
        for (int i = 0, k = 0; i < n; i++)
        {
            if (complete[i])
            {
                sourceRows[k++] = i;
            }
        }

        var names = (Model.Intercept ? new[] { DesignMatrix.InterceptName } : []).Concat(Model.Terms.Select(t => t.Label)).ToList();
        return DesignMatrix.FromColumnMajor(
            values, rows, names, y, Model.Intercept, clusterColumn is null ? null : ClusterCodes(clusterColumn, complete, rows),
            responseName: Model.Response, rowIndices: sourceRows, droppedRows: n - rows);
    }

    private static void Compact(double[] source, bool[] complete, Span<double> target)
    {
        var k = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (complete[i])
            {
                target[k++] = source[i];
            }
        }
    }

    /// <summary>Dense 0-based cluster codes of the complete rows, in order of first appearance.</summary>
    private static int[] ClusterCodes(CsvColumn column, bool[] complete, int rows)
    {
        var codes = new int[rows];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var k = 0;
        for (var i = 0; i < complete.Length; i++)
        {
            if (!complete[i])
            {
                continue;
            }

            var key = column switch
            {
                NumericColumn n => n.Values[i].ToString("R", CultureInfo.InvariantCulture),
                CategoricalColumn c => c[i]!,
                _ => "",
            };
            if (!seen.TryGetValue(key, out var code))
            {
                seen[key] = code = seen.Count;
            }

            codes[k++] = code;
        }

        return codes;
    }
}

/// <summary>One coefficient as both regressions report it.</summary>
internal sealed record CoefficientRow(string Term, double Estimate, double StandardError, double Statistic, double PValue, double Lower, double Upper);

/// <summary>The coefficient table both regressions print, as R's summary does, and its JSON form.</summary>
internal static class AnalyzeRegressionOutput
{
    public static void Coefficients(Utf8JsonWriter json, IEnumerable<CoefficientRow> rows, IReadOnlyList<string> dropped, int droppedRows)
    {
        json.WriteStartArray("coefficients");
        foreach (var c in rows)
        {
            json.WriteStartObject();
            json.WriteString("term", c.Term);
            json.Number("estimate", c.Estimate);
            json.Number("stdError", c.StandardError);
            json.Number("statistic", c.Statistic);
            json.Number("pValue", c.PValue);
            json.Number("ciLower", c.Lower);
            json.Number("ciUpper", c.Upper);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Strings("dropped", dropped);
        json.WriteNumber("droppedRows", droppedRows);
    }

    public static void Coefficients(TextWriter text, string statistic, string p, IEnumerable<CoefficientRow> rows)
    {
        text.WriteLine("Coefficients:");
        AnalyzeFormat.Table(
            text,
            ["", "Estimate", "Std. Error", statistic, p, ""],
            rows.Select(c => (IReadOnlyList<string>)[c.Term, AnalyzeFormat.Num(c.Estimate), AnalyzeFormat.Num(c.StandardError), AnalyzeFormat.Num(Math.Round(c.Statistic, 3)), AnalyzeFormat.P(c.PValue), AnalyzeFormat.Stars(c.PValue)]));
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
