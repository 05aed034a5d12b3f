using System.Globalization;

namespace CoproSurvey.Tests.Core.Statistics;

/// <summary>A NIST StRD univariate file: the data as exact decimals and the certified mean and SD.</summary>
internal sealed record NistUnivariate(string Name, IReadOnlyList<decimal> Data, double CertifiedMean, double CertifiedSd);

/// <summary>A NIST StRD one-way ANOVA file: observations (exact decimals) with their treatment, and the certified table.</summary>
internal sealed record NistAnova(
    string Name,
    IReadOnlyList<decimal> Data,
    IReadOnlyList<string> Treatments,
    int DfBetween,
    double SsBetween,
    double MsBetween,
    double F,
    int DfWithin,
    double SsWithin,
    double MsWithin,
    double RSquared,
    double ResidualSd)
{
    /// <summary>The same design with <paramref name="shift"/> added to every observation (NIST's harder sets).</summary>
    public NistAnova Shifted(decimal shift, string name) => this with { Name = name, Data = Data.Select(x => x + shift).ToList() };
}

/// <summary>
/// Reads NIST StRD files: certified values from the header, data after the last line that starts with "Data:".
/// Numbers are read as decimals so that a test can centre them exactly before they become doubles.
/// </summary>
internal static class NistData
{
    public static NistUnivariate Univariate(string name)
    {
        var lines = Read("univariate", name);
        var mean = Certified(lines, "Sample Mean");
        var sd = Certified(lines, "Sample Standard Deviation");
        var data = DataRows(lines).Select(tokens => Decimal(tokens.Single())).ToList();
        return new NistUnivariate(name, data, mean, sd);
    }

    public static NistAnova Anova(string name)
    {
        var lines = Read("anova", name);
        var between = Tokens(lines.Single(l => l.TrimStart().StartsWith("Between", StringComparison.Ordinal)));
        var within = Tokens(lines.Single(l => l.TrimStart().StartsWith("Within", StringComparison.Ordinal)));
        var rows = DataRows(lines).ToList();
        var treatments = rows[0];
        var data = new List<decimal>();
        var groups = new List<string>();
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(treatments.Length, row.Length);
            for (var j = 0; j < row.Length; j++)
            {
                data.Add(Decimal(row[j]));
                groups.Add(treatments[j]);
            }
        }

        var result = new NistAnova(
            name,
            data,
            groups,
            int.Parse(between[^4], CultureInfo.InvariantCulture),
            Double(between[^3]),
            Double(between[^2]),
            Double(between[^1]),
            int.Parse(within[^3], CultureInfo.InvariantCulture),
            Double(within[^2]),
            Double(within[^1]),
            Certified(lines, "Certified R-Squared"),
            Certified(lines, "Standard Deviation  "));
        Assert.Equal(result.DfBetween + result.DfWithin + 1, data.Count);
        return result;
    }

    /// <summary>A decimal as the nearest double (parsing its text is correctly rounded; the decimal cast is not always).</summary>
    public static double ToDouble(decimal value) => double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The data as nearest doubles, the way a CSV reader would hold them.</summary>
    public static List<double?> AsDoubles(IEnumerable<decimal> data) => data.Select(d => (double?)ToDouble(d)).ToList();

    /// <summary>The data centred exactly on its first value, as doubles, with that value as the origin.</summary>
    public static (List<double?> Centred, double Origin) Centred(IReadOnlyList<decimal> data)
    {
        var origin = data[0];
        return (data.Select(d => (double?)ToDouble(d - origin)).ToList(), ToDouble(origin));
    }

    private static string[] Read(string folder, string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Nist", folder, name + ".dat"));

    private static IEnumerable<string[]> DataRows(string[] lines)
    {
        var start = Array.FindLastIndex(lines, l => l.StartsWith("Data:", StringComparison.Ordinal));
        Assert.True(start >= 0, "no line starting with 'Data:'");
        return lines.Skip(start + 1).Select(Tokens).Where(t => t.Length > 0 && t.All(IsNumber));
    }

    private static double Certified(string[] lines, string label) =>
        Double(Tokens(lines.Single(l => l.Contains(label, StringComparison.Ordinal)))[^1]);

    private static string[] Tokens(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsNumber(string token) => decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static decimal Decimal(string token) => decimal.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Double(string token) => double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
}
