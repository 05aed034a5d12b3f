using System.Globalization;
using System.Text.Json;

namespace CoproSurvey.Tests.Core.Statistics;

/// <summary>
/// The survey data set and the values R computed on it (TestData/R/univariate: data.csv, reference.json,
/// made by make_reference.R). Loaded once and shared by the tests.
/// </summary>
internal sealed class UnivariateReference
{
    private static readonly Lazy<UnivariateReference> Instance = new(Load);

    private UnivariateReference(IReadOnlyDictionary<string, List<string?>> columns, JsonElement root)
    {
        Columns = columns;
        Root = root;
    }

    public static UnivariateReference Shared => Instance.Value;

    /// <summary>The reference values, as written by R's jsonlite.</summary>
    public JsonElement Root { get; }

    private IReadOnlyDictionary<string, List<string?>> Columns { get; }

    /// <summary>A column of labels; empty cells are null.</summary>
    public IReadOnlyList<string?> Labels(string column) => Columns[column];

    /// <summary>A numeric column; empty cells are null.</summary>
    public IReadOnlyList<double?> Numbers(string column) =>
        Columns[column].Select(c => c is null ? (double?)null : double.Parse(c, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The value at a path of property names, e.g. ("ttest", "welch", "p").</summary>
    public JsonElement Get(params string[] path) => path.Aggregate(Root, (e, name) => e.GetProperty(name));

    /// <summary>The number at a path.</summary>
    public double Number(params string[] path) => Get(path).GetDouble();

    /// <summary>The numbers of an array at a path.</summary>
    public double[] Array(params string[] path) => Get(path).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static UnivariateReference Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "R", "univariate");
        var lines = File.ReadAllLines(Path.Combine(folder, "data.csv"));
        var header = lines[0].Split(',');
        var columns = header.ToDictionary(h => h, _ => new List<string?>());
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            Assert.Equal(header.Length, cells.Length);
            for (var j = 0; j < header.Length; j++)
            {
                columns[header[j]].Add(cells[j].Length == 0 ? null : cells[j]);
            }
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "reference.json")));
        return new UnivariateReference(columns, json.RootElement.Clone());
    }
}
