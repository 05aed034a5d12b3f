using System.Globalization;
using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics.Regression;

/// <summary>Reads the data and the values R wrote in TestData/R/regression (see make_reference.R there).</summary>
public static class RReference
{
    private static readonly Lazy<AnalysisData> Survey = new(() => LoadData("data.csv", ["y", "x1", "x2", "adopt"], ["country", "field", "cluster"]));

    public static AnalysisData SurveyData => Survey.Value;

    public static AnalysisData LoadData(string file, string[] numeric, string[] categorical)
    {
        var table = ReadCsv(file);
        var data = new AnalysisData();
        foreach (var name in table.Header)
        {
            var index = Array.IndexOf(table.Header, name);
            var values = table.Rows.Select(r => r[index]).ToArray();
            if (numeric.Contains(name))
            {
                data = data.WithNumeric(name, values.Select(v => v.Length == 0 || v == "NA" ? (double?)null : Parse(v, file)));
            }
            else if (categorical.Contains(name))
            {
                data = data.WithCategorical(name, values.Select(v => v.Length == 0 || v == "NA" ? null : v));
            }
        }

        return data;
    }

    /// <summary>A coefficient table: term -> column -> value.</summary>
    public static Dictionary<string, Dictionary<string, double>> Coefficients(string file)
    {
        var table = ReadCsv(file);
        return table.Rows.ToDictionary(
            r => r[0],
            r => table.Header.Skip(1).Select((h, i) => (h, v: r[i + 1])).ToDictionary(p => p.h, p => Parse(p.v, file)));
    }

    /// <summary>A key,value summary; non-numeric values are kept as text.</summary>
    public static Dictionary<string, string> Summary(string file) =>
        ReadCsv(file).Rows.ToDictionary(r => r[0], r => r.Length > 1 ? r[1] : "");

    /// <summary>Asserts each (column, actual) of one coefficient against R's row to the given digits.</summary>
    public static void AssertRow(Dictionary<string, double> expected, string term, double digits, params (string Column, double Actual)[] values)
    {
        foreach (var (column, actual) in values)
        {
            Precision.AssertDigits(expected[column], actual, digits, $"{term} {column}");
        }
    }

    public static double Number(this Dictionary<string, string> summary, string key) => Parse(summary[key], key);

    public static List<double[]> Columns(string file)
    {
        var table = ReadCsv(file);
        return Enumerable.Range(0, table.Header.Length).Select(j => table.Rows.Select(r => Parse(r[j], file)).ToArray()).ToList();
    }

    private static double Parse(string text, string where) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"{where}: '{text}' is not a number.");

    private static (string[] Header, List<string[]> Rows) ReadCsv(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "R", "regression", file);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        return (SplitLine(lines[0]), lines.Skip(1).Select(SplitLine).ToList());
    }

    private static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
