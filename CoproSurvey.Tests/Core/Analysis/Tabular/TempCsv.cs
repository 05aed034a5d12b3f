namespace CoproSurvey.Tests.Core.Analysis.Tabular;

/// <summary>A CSV file in a fresh temporary directory, deleted on dispose.</summary>
public sealed class TempCsv : IDisposable
{
    private readonly string directory;

    public TempCsv(string content, string fileName = "data.csv")
    {
        directory = Path.Combine(Path.GetTempPath(), "coprosurvey-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, fileName);
        File.WriteAllText(FilePath, content);
    }

    public string FilePath { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
