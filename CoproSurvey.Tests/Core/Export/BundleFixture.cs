using CsvHelper;

namespace CoproSurvey.Tests.Core.Export;

/// <summary>Reading back what an export wrote.</summary>
internal static class BundleFiles
{
    /// <summary>Every record of a CSV file, the header included, as strings.</summary>
    public static List<string[]> ReadCsv(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }

    /// <summary>The rows of a CSV file as dictionaries keyed by the header's names.</summary>
    public static List<Dictionary<string, string>> ReadRecords(string path)
    {
        var rows = ReadCsv(path);
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }
}
