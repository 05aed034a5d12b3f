using CoproSurvey.Core.Datasets;

namespace CoproSurvey.Core.Export;

/// <summary>What to export: a study, which of its responses, and whether open answers go along (they can identify people).</summary>
public sealed record ExportRequest(string StudyKey, DatasetFilter Filter, bool IncludeText);

/// <summary>A file of a written bundle with its size and SHA-256 (lower-case hex).</summary>
public sealed record BundleFile(string Name, long Bytes, string Sha256);

/// <summary>What an export wrote: the number of responses (rows of data.csv) and the files, the manifest last.</summary>
public sealed record ExportSummary(string StudyKey, int Responses, IReadOnlyList<BundleFile> Files);

/// <summary>The export cannot be made (an unknown study); nothing was written.</summary>
public sealed class ExportException(string message) : Exception(message);

/// <summary>The names of the files of a bundle.</summary>
public static class BundleFileNames
{
    public const string Data = "data.csv";
    public const string Long = "long.csv";
    public const string Text = "text.csv";
    public const string Paradata = "paradata.csv";
    public const string Codebook = "codebook.csv";
    public const string CodebookHtml = "codebook.html";
    public const string R = "load.R";
    public const string Stata = "load.do";
    public const string Spss = "load.sps";
    public const string Manifest = "manifest.json";
}
