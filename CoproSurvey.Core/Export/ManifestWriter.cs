using System.Text.Json;
using CoproSurvey.Core.Datasets;

namespace CoproSurvey.Core.Export;

/// <summary>manifest.json: what the bundle holds and how it was selected, with the SHA-256 of every other file so that a copy can be checked.</summary>
internal static class ManifestWriter
{
    public static async Task WriteAsync(
        string path,
        DatasetLayout layout,
        string studyTitle,
        ExportRequest request,
        DateTimeOffset exportedAt,
        int responses,
        IReadOnlyDictionary<string, long> rowCounts,
        IReadOnlyList<BundleFile> files,
        CancellationToken ct)
    {
        await using var stream = File.Create(path);
        await using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var filter = request.Filter;
            json.WriteStartObject();
            json.WriteString("format", "coprosurvey-export/1");
            json.WriteStartObject("study");
            json.WriteString("key", layout.StudyKey);
            json.WriteString("title", studyTitle);
            json.WriteEndObject();
            json.WriteString("exportedAt", ExportFormat.Time(exportedAt));
            json.WriteStartObject("filters");
            WriteNullable(json, "audience", filter.Audience is { } a ? ExportFormat.Audience(a) : null);
            WriteList(json, "countries", filter.Countries);
            WriteList(json, "policyFields", filter.PolicyFields);
            json.WriteBoolean("includePartial", filter.IncludePartial);
            WriteNullable(json, "from", filter.From is { } from ? ExportFormat.Time(from) : null);
            WriteNullable(json, "to", filter.To is { } to ? ExportFormat.Time(to) : null);
            json.WriteString("dates", "from inclusive, to exclusive; completion time for complete responses, start time for partial ones");
            json.WriteBoolean("text", request.IncludeText);
            json.WriteEndObject();
            json.WriteNumber("responses", responses);
            json.WriteStartObject("rows");
            foreach (var (file, count) in rowCounts.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(file, count);
            }

            json.WriteEndObject();
            json.WriteStartArray("instruments");
            foreach (var version in layout.Versions)
            {
                json.WriteStartObject();
                json.WriteString("key", version.Key);
                json.WriteString("version", version.Version);
                json.WriteString("audience", ExportFormat.Audience(version.Audience));
                json.WriteString("sha256", version.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("name", file.Name);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteString("sha256", file.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await stream.FlushAsync(ct);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        json.WriteStartArray(name);
        foreach (var value in values ?? [])
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
