using System.Globalization;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Core.Export;
using CsvHelper;

namespace CoproSurvey.Core.Analysis.Sources;

/// <summary>
/// What an export bundle's <c>codebook.csv</c> declares about the columns of a data file beside it: the codes that
/// stand for missing values, and which columns are categorical. Analysing an exported <c>data.csv</c> then gives the
/// same numbers as the platform's own views: a "don't know" coded -1 is missing, never a value of -1.
/// </summary>
public sealed class BundleCodebook
{
    private static readonly string[] CategoricalTypes = ["text", "single choice"];
    private readonly Dictionary<string, (bool Categorical, IReadOnlySet<double>? MissingCodes)> columns;

    private BundleCodebook(Dictionary<string, (bool, IReadOnlySet<double>?)> columns) => this.columns = columns;

    /// <summary>
    /// The codebook beside <paramref name="dataPath"/> when there is one that describes that file; otherwise null,
    /// and the file is read as a plain CSV.
    /// </summary>
    /// <exception cref="CsvDataException">The codebook exists but cannot be read.</exception>
    public static BundleCodebook? For(string dataPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataPath)) ?? ".";
        var path = Path.Combine(folder, BundleFileNames.Codebook);
        if (!File.Exists(path) || string.Equals(Path.GetFullPath(dataPath), path, StringComparison.Ordinal))
        {
            return null;
        }

        var fileName = Path.GetFileName(dataPath);
        var found = new Dictionary<string, (bool, IReadOnlySet<double>?)>(StringComparer.Ordinal);
        try
        {
            using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true, FieldCountMismatch = CsvFieldCountHandling.Throw });
            reader.ReadHeader();
            var headers = reader.Headers.ToList();
            int Column(string name) => headers.IndexOf(name) is var i and >= 0
                ? i
                : throw new CsvDataException(path, $"the codebook has no column \"{name}\"; the columns are: {string.Join(", ", headers)}.", column: name);
            var (variable, file, type, missing) = (Column("variable"), Column("file"), Column("type"), Column("missing_codes"));
            while (reader.Read())
            {
                if (reader.GetString(file) == fileName)
                {
                    found[reader.GetString(variable)] = (CategoricalTypes.Contains(reader.GetString(type)), Codes(reader.GetString(missing)));
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new CsvDataException(path, $"malformed codebook: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CsvDataException(path, $"cannot be read: {e.Message}");
        }

        return found.Count == 0 ? null : new BundleCodebook(found);
    }

    /// <summary>The request as the codebook declares its column: its missing codes, and its kind when the request leaves that to the source.</summary>
    public ColumnRequest Declare(ColumnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!columns.TryGetValue(request.Name, out var column))
        {
            return request;
        }

        var kind = request.Kind == ColumnKind.Declared ? (column.Categorical ? ColumnKind.Categorical : ColumnKind.Numeric) : request.Kind;
        return request with { Kind = kind, MissingCodes = column.MissingCodes };
    }

    /// <summary>"don't know = -1; not asked = -2" gives {-1, -2}; a variable without codes (an empty cell for every reason) gives null.</summary>
    private static HashSet<double>? Codes(string text)
    {
        var codes = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.LastIndexOf('=') is var i and >= 0
                && double.TryParse(part[(i + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var code) ? code : (double?)null)
            .OfType<double>()
            .ToHashSet();
        return codes.Count == 0 ? null : codes;
    }
}
