using System.Globalization;

namespace CoproSurvey.Tests.Core.Statistics.Regression;

/// <summary>A NIST StRD linear-regression file: certified values from the header, data after the last "Data:" line.</summary>
public sealed record NistDataset(
    string Name,
    IReadOnlyList<double> Estimates,
    IReadOnlyList<double> StandardDeviations,
    double ResidualStandardDeviation,
    double RSquared,
    IReadOnlyList<string> Columns,
    IReadOnlyList<double[]> Rows)
{
    public static NistDataset Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Nist", "regression", name + ".dat");
        var lines = File.ReadAllLines(path);
        var estimates = new List<double>();
        var deviations = new List<double>();
        double? residualSd = null, rSquared = null;
        var dataLine = Array.FindLastIndex(lines, l => l.TrimStart().StartsWith("Data:", StringComparison.Ordinal));
        for (var i = 0; i < dataLine; i++)
        {
            var tokens = Tokens(lines[i]);
            if (tokens.Length == 3 && tokens[0].Length >= 2 && tokens[0][0] == 'B' && char.IsDigit(tokens[0][1]))
            {
                estimates.Add(Number(tokens[1], path, i));
                deviations.Add(Number(tokens[2], path, i));
            }
            else if (tokens is ["Standard", "Deviation", var sd] && lines[i].Contains("Standard Deviation", StringComparison.Ordinal) && residualSd is null && estimates.Count > 0)
            {
                residualSd = Number(sd, path, i);
            }
            else if (tokens is ["R-Squared", var r2])
            {
                rSquared = Number(r2, path, i);
            }
        }

        var columns = Tokens(lines[dataLine])[1..];
        var rows = lines.Skip(dataLine + 1)
            .Select((l, offset) => (Tokens: Tokens(l), Line: dataLine + 1 + offset))
            .Where(t => t.Tokens.Length > 0)
            .Select(t => t.Tokens.Length == columns.Length
                ? t.Tokens.Select(v => Number(v, path, t.Line)).ToArray()
                : throw new FormatException($"{path}, line {t.Line + 1}: {t.Tokens.Length} values, {columns.Length} columns."))
            .ToList();
        return new NistDataset(
            name,
            estimates,
            deviations,
            residualSd ?? throw new FormatException($"{path}: no residual standard deviation in the header."),
            rSquared ?? throw new FormatException($"{path}: no R-squared in the header."),
            columns,
            rows);
    }

    public double[] Column(string name)
    {
        var index = Columns.ToList().IndexOf(name);
        return index < 0 ? throw new ArgumentException($"{Name} has no column '{name}'.") : Rows.Select(r => r[index]).ToArray();
    }

    private static string[] Tokens(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static double Number(string text, string path, int line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"{path}, line {line + 1}: '{text}' is not a number.");
}
