using System.Globalization;
using CoproSurvey.Core.Analysis;

namespace CoproSurvey.App.Cli;

/// <summary>The reports of <c>analyze</c> as tables for people, with numbers printed as R prints them.</summary>
internal static class AnalysisText
{
    private const string StarsLegend = "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1";

    /// <summary>Writes <paramref name="report"/>, one of the report records of <c>Core/Analysis</c>.</summary>
    public static string Render(object report)
    {
        using var text = new StringWriter();
        switch (report)
        {
            case DescribeReport r: Describe(text, r); break;
            case CorrelationReport r: Correlation(text, r); break;
            case ReliabilityReport r: Reliability(text, r); break;
            case TTestReport r: TTest(text, r); break;
            case AnovaReport r: Anova(text, r); break;
            case ChiSquareReport r: ChiSquare(text, r); break;
            case OlsReport r: Ols(text, r); break;
            case LogitReport r: Logit(text, r); break;
            default: throw new ArgumentException($"No text form for {report.GetType().Name}.", nameof(report));
        }

        return text.ToString();
    }

    private static void Describe(TextWriter text, DescribeReport report)
    {
        string[] statistics = ["n", "missing", "mean", "sd", "se", "min", "q1", "median", "q3", "max", "skew", "kurtosis"];
        string[] header = report.By is null ? ["variable", .. statistics] : ["variable", report.By, .. statistics];
        Table(text, header, report.Variables.Select(r =>
        {
            var cells = new List<string> { r.Name };
            if (report.By is not null)
            {
                cells.Add(r.Group ?? "");
            }

            cells.AddRange(
            [
                Count(r.N), Count(r.Missing), Num(r.Mean), Num(r.Sd), Num(r.Se), Num(r.Min), Num(r.Q1), Num(r.Median), Num(r.Q3), Num(r.Max),
                Num(r.Skewness), Num(r.Kurtosis),
            ]);
            return (IReadOnlyList<string>)cells;
        }));
        text.WriteLine();
        text.WriteLine("sd and se with n - 1; quartiles as R's quantile type 7; skew G1 and excess kurtosis G2 (SPSS, e1071 type 2).");
    }

    private static void Correlation(TextWriter text, CorrelationReport r)
    {
        var k = r.Columns.Count;
        void Block(string title, Func<int, int, string> cell) =>
            Table(text, [title, .. r.Columns], Enumerable.Range(0, k).Select(i => (IReadOnlyList<string>)[r.Columns[i], .. Enumerable.Range(0, k).Select(j => cell(i, j))]));

        text.WriteLine($"{(r.Method == "pearson" ? "Pearson" : "Spearman")} correlations (pairwise complete rows)");
        text.WriteLine();
        Block("r", (i, j) => Num(r.R[i][j] is { } v ? Math.Round(v, 4) : null));
        text.WriteLine();
        Block("n", (i, j) => Count(r.N[i][j]));
        text.WriteLine();
        Block("p", (i, j) => i == j ? "" : P(r.P[i][j]));
        foreach (var note in r.Notes)
        {
            text.WriteLine($"Note: {note}");
        }
    }

    private static void Reliability(TextWriter text, ReliabilityReport r)
    {
        text.WriteLine($"Reliability of {r.Items.Count} items over {r.N} complete rows ({r.DroppedRows} rows left out)");
        text.WriteLine();
        text.WriteLine($"Cronbach's alpha = {Num(r.Alpha)}, standardized alpha = {Num(r.StandardizedAlpha)}");
        text.WriteLine(r.Omega is null ? $"omega total: not available ({r.OmegaNote})" : $"omega total = {Num(r.Omega)} (one-factor ML)");
        text.WriteLine();
        Table(
            text,
            ["item", "mean", "sd", "corrected item-total r", "alpha if deleted"],
            r.Items.Select(i => (IReadOnlyList<string>)[i.Name, Num(i.Mean), Num(i.Sd), Num(i.CorrectedItemTotal), Num(i.AlphaIfDeleted)]));
    }

    private static void TTest(TextWriter text, TTestReport r)
    {
        text.WriteLine(r.Method == "welch" ? "Welch two-sample t test" : "Two-sample t test, pooled variance");
        text.WriteLine();
        Table(text, [r.GroupColumn, "n", "mean", "sd"], r.Groups.Select(g => (IReadOnlyList<string>)[g.Group, Count(g.N), Num(g.Mean), Num(g.Sd)]));
        text.WriteLine();
        text.WriteLine($"t = {Num(r.T)}, df = {Df(r.Df)}, p-value = {P(r.PValue)}");
        text.WriteLine($"mean difference ({r.Groups[0].Group} - {r.Groups[1].Group}) = {Num(r.MeanDifference)}, 95% CI [{Num(r.CiLower)}, {Num(r.CiUpper)}]");
        text.WriteLine($"rows left out for a missing value or group: {r.Missing}");
    }

    private static void Anova(TextWriter text, AnovaReport r)
    {
        text.WriteLine("One-way analysis of variance");
        text.WriteLine();
        Table(
            text,
            ["", "Df", "Sum Sq", "Mean Sq", "F value", "Pr(>F)", ""],
            [
                [r.GroupColumn, Df(r.DfBetween), Num(r.SsBetween), Num(r.MsBetween), Num(r.F), P(r.PValue), Stars(r.PValue)],
                ["Residuals", Df(r.DfWithin), Num(r.SsWithin), Num(r.MsWithin), "", "", ""],
            ]);
        text.WriteLine("---");
        text.WriteLine(StarsLegend);
        text.WriteLine();
        text.WriteLine($"eta squared = {Num(r.EtaSquared)}, n = {r.N}, rows left out for a missing value or group: {r.Missing}");
    }

    private static void ChiSquare(TextWriter text, ChiSquareReport r)
    {
        text.WriteLine($"Pearson's chi-square test of independence: {r.RowColumn} by {r.ColColumn}");
        text.WriteLine();
        Table(
            text,
            [$"{r.RowColumn} \\ {r.ColColumn}", .. r.ColLevels],
            r.RowLevels.Select((label, i) => (IReadOnlyList<string>)[label, .. r.Observed[i].Select(Count)]));
        text.WriteLine();
        text.WriteLine($"X-squared = {Num(r.ChiSquare)}, df = {r.Df}, p-value = {P(r.PValue)}");
        text.WriteLine($"Cramer's V = {Num(r.CramersV)}, n = {r.N}, rows left out for a missing value: {r.Missing}");
        Warnings(text, r.Warnings);
    }

    private static void Ols(TextWriter text, OlsReport r)
    {
        text.WriteLine($"Linear regression (OLS): {r.Model}");
        text.WriteLine($"Standard errors: {r.SeType}{(r.Clusters is { } g ? $" ({g} clusters)" : "")}");
        text.WriteLine($"n = {r.N}, rows dropped for missing values: {r.DroppedRows}");
        text.WriteLine();
        Coefficients(text, "t value", "Pr(>|t|)", r.Coefficients);
        text.WriteLine();
        text.WriteLine($"Residual standard error: {Num(r.Sigma)} on {r.DfResidual} degrees of freedom");
        text.WriteLine($"Multiple R-squared: {Num(r.RSquared)},  Adjusted R-squared: {Num(r.AdjustedRSquared)}");
        if (r.FStatistic is not null)
        {
            text.WriteLine($"F-statistic: {Num(r.FStatistic)} on {r.DfModel} and {r.DfResidual} DF,  p-value: {P(r.FPValue)}");
        }

        Dropped(text, r.Dropped);
        Warnings(text, r.Warnings);
    }

    private static void Logit(TextWriter text, LogitReport r)
    {
        text.WriteLine($"Logistic regression (logit link): {r.Model}");
        text.WriteLine($"n = {r.N}, rows dropped for missing values: {r.DroppedRows}");
        text.WriteLine();
        Coefficients(text, "z value", "Pr(>|z|)", r.Coefficients);
        text.WriteLine();
        text.WriteLine($"Null deviance: {Num(r.NullDeviance)} on {r.DfNull} degrees of freedom");
        text.WriteLine($"Residual deviance: {Num(r.ResidualDeviance)} on {r.DfResidual} degrees of freedom");
        text.WriteLine($"Log-likelihood: {Num(r.LogLikelihood)},  AIC: {Num(r.Aic)},  McFadden R-squared: {Num(r.McFaddenR2)}");
        Dropped(text, r.Dropped);
        Warnings(text, r.Warnings);
    }

    /// <summary>The coefficient table as R's summary prints it.</summary>
    private static void Coefficients(TextWriter text, string statistic, string p, IEnumerable<CoefficientReport> rows)
    {
        text.WriteLine("Coefficients:");
        Table(
            text,
            ["", "Estimate", "Std. Error", statistic, p, ""],
            rows.Select(c => (IReadOnlyList<string>)[c.Term, Num(c.Estimate), Num(c.StdError), Num(Math.Round(c.Statistic, 3)), P(c.PValue), Stars(c.PValue)]));
        text.WriteLine("---");
        text.WriteLine(StarsLegend);
    }

    private static void Dropped(TextWriter text, IReadOnlyList<string> dropped)
    {
        if (dropped.Count > 0)
        {
            text.WriteLine($"Not estimated (aliased with earlier columns): {string.Join(", ", dropped)}");
        }
    }

    private static void Warnings(TextWriter text, IEnumerable<string> warnings)
    {
        foreach (var w in warnings)
        {
            text.WriteLine($"Warning: {w}");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seven significant digits as R prints them (no exponent between 1e-4 and 1e15); NA when undefined.</summary>
    private static string Num(double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return value is { } inf && double.IsInfinity(inf) ? (inf > 0 ? "Inf" : "-Inf") : "NA";
        }

        var magnitude = Math.Abs(v);
        if (v == 0 || magnitude < 1e-4 || magnitude >= 1e15)
        {
            return v == 0 ? "0" : v.ToString("0.######e+00", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Clamp(7 - ((int)Math.Floor(Math.Log10(magnitude)) + 1), 0, 15);
        return v.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>A count or degrees of freedom: whole numbers without decimals, Welch's fractional df with four.</summary>
    private static string Df(double value) =>
        value == Math.Floor(value) ? value.ToString("F0", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A p-value as R prints it: below 2.2e-16 as "&lt; 2e-16", small ones in exponent form.</summary>
    private static string P(double? p) => p switch
    {
        null => "NA",
        { } v when double.IsNaN(v) => "NA",
        < 2.2e-16 => "< 2e-16",
        < 1e-4 => p.Value.ToString("0.00e+00", CultureInfo.InvariantCulture),
        _ => p.Value.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    /// <summary>R's significance codes.</summary>
    private static string Stars(double? p) => p switch
    {
        null => "",
        < 0.001 => "***",
        < 0.01 => "**",
        < 0.05 => "*",
        < 0.1 => ".",
        _ => "",
    };

    /// <summary>An aligned table: the first column left-aligned (names), the others right-aligned (numbers); the header row first.</summary>
    private static void Table(TextWriter text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        foreach (var row in all)
        {
            var cells = Enumerable.Range(0, header.Count).Select(c =>
            {
                var cell = c < row.Count ? row[c] : "";
                return c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]);
            });
            text.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
