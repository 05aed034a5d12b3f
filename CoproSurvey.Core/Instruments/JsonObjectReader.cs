using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoproSurvey.Core.Instruments;

/// <summary>
/// Collects problems while reading a JSON document into a model: every reader of a data file shares one sink so
/// that all problems of a file are reported together, each with its JSON path.
/// </summary>
internal sealed class ProblemSink(string file)
{
    private readonly List<InstrumentProblem> problems = [];

    public string File { get; } = file;

    public IReadOnlyList<InstrumentProblem> Problems => problems;

    public void Add(string path, string message) => problems.Add(new InstrumentProblem(File, path, message));

    /// <summary>Parses <paramref name="json"/>; a syntax error becomes one problem with line and position (1-based).</summary>
    public JsonDocument? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var reason = e.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut < 0)
            {
                cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            }

            reason = cut > 0 ? reason[..cut] : reason;
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            Add("$", $"invalid JSON at line {line}, position {position}: {reason}");
            return null;
        }
    }

    public static string Child(string path, string name) =>
        Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'")}']";

    public static string Index(string path, int index) => $"{path}[{index}]";
}

/// <summary>
/// Reads the properties of one JSON object, reporting unknown and duplicate properties, missing required ones and
/// values of the wrong kind. Every accessor returns null (or a neutral value) when the value is unusable.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly ProblemSink sink;
    private readonly Dictionary<string, JsonElement> properties = new(StringComparer.Ordinal);

    private JsonObjectReader(ProblemSink sink, string path)
    {
        this.sink = sink;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens <paramref name="element"/> as an object with the given known property names, or reports why it is not one.</summary>
    public static JsonObjectReader? Open(ProblemSink sink, JsonElement element, string path, IReadOnlyCollection<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            sink.Add(path, $"must be an object, found {Describe(element)}");
            return null;
        }

        var reader = new JsonObjectReader(sink, path);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = ProblemSink.Child(path, property.Name);
            if (!known.Contains(property.Name))
            {
                sink.Add(propertyPath, $"unknown property '{property.Name}' (expected one of: {string.Join(", ", known)})");
            }
            else if (!reader.properties.TryAdd(property.Name, property.Value))
            {
                sink.Add(propertyPath, $"duplicate property '{property.Name}'");
            }
        }

        return reader;
    }

    public bool Has(string name) => properties.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string PathOf(string name) => ProblemSink.Child(Path, name);

    public JsonElement? Raw(string name) => Has(name) ? properties[name] : null;

    /// <summary>A string; a required one must be present and not blank. Missing required strings come back as "".</summary>
    public string? String(string name, bool required)
    {
        if (!Has(name))
        {
            if (required)
            {
                sink.Add(PathOf(name), "required field is missing");
                return "";
            }

            return null;
        }

        var value = properties[name];
        if (value.ValueKind != JsonValueKind.String)
        {
            sink.Add(PathOf(name), $"must be a string, found {Describe(value)}");
            return required ? "" : null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            sink.Add(PathOf(name), required ? "required field is empty" : "must not be empty when given (leave it out instead)");
            return required ? "" : null;
        }

        return text;
    }

    public bool? Boolean(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = properties[name];
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        sink.Add(PathOf(name), $"must be true or false, found {Describe(value)}");
        return null;
    }

    public int? Integer(string name, bool required)
    {
        if (!Has(name))
        {
            if (required)
            {
                sink.Add(PathOf(name), "required field is missing");
            }

            return null;
        }

        return IntegerValue(sink, properties[name], PathOf(name));
    }

    public decimal? Decimal(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = properties[name];
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        sink.Add(PathOf(name), $"must be a number, found {Describe(value)}");
        return null;
    }

    /// <summary>The elements of an array with their paths; a required array must be present and non-empty.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)> Array(string name, bool required)
    {
        if (!Has(name))
        {
            if (required)
            {
                sink.Add(PathOf(name), "required field is missing");
            }

            return [];
        }

        var value = properties[name];
        if (value.ValueKind != JsonValueKind.Array)
        {
            sink.Add(PathOf(name), $"must be an array, found {Describe(value)}");
            return [];
        }

        if (required && value.GetArrayLength() == 0)
        {
            sink.Add(PathOf(name), "must not be empty");
        }

        return value.EnumerateArray().Select((e, i) => (e, ProblemSink.Index(PathOf(name), i))).ToList();
    }

    /// <summary>An array of non-empty strings.</summary>
    public IReadOnlyList<string> StringArray(string name, bool required)
    {
        var result = new List<string>();
        foreach (var (element, path) in Array(name, required))
        {
            if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
            {
                result.Add(element.GetString()!);
            }
            else
            {
                sink.Add(path, $"must be a non-empty string, found {Describe(element)}");
            }
        }

        return result;
    }

    public static int? IntegerValue(ProblemSink sink, JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        sink.Add(path, $"must be a whole number, found {Describe(value)}");
        return null;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
