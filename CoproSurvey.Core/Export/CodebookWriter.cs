using System.Text;
using System.Text.Encodings.Web;
using CoproSurvey.Core.Datasets;
using CsvHelper;

namespace CoproSurvey.Core.Export;

/// <summary>The codebook of a bundle: every column of data.csv (and of text.csv when it is written), as CSV and as a readable HTML page.</summary>
internal static class CodebookWriter
{
    public static readonly string[] Header =
        ["variable", "file", "label", "type", "value_labels", "missing_codes", "scale", "reverse_keyed", "item", "instrument_versions"];

    public static IEnumerable<(DatasetVariable Variable, string File)> Entries(DatasetLayout layout, bool includeText) =>
        layout.DataColumns.Select(v => (v, BundleFileNames.Data))
            .Concat(includeText ? layout.Texts.Select(t => (t, BundleFileNames.Text)) : []);

    public static string ValueLabels(DatasetVariable variable) =>
        string.Join("; ", variable.ValueLabels.Select(l => $"{ExportFormat.Number(l.Value)} = {l.Label}"));

    public static string MissingCodes(DatasetVariable variable) =>
        variable.MissingCodes is { } codes
            ? string.Join("; ", codes.All().Select(c => $"{ExportFormat.Reason(c.Reason)} = {ExportFormat.Number(c.Code)}"))
            : variable.Kind is DatasetVariableKind.Metadata or DatasetVariableKind.Text
                ? ""
                : "empty cell for every reason (the item has no lower bound, so no code is safe from colliding with an answer)";

    public static async Task WriteCsvAsync(DatasetLayout layout, bool includeText, string path, CancellationToken ct)
    {
        await using var csv = CsvWriter.ToFile(path, ExportFormat.Csv);
        csv.WriteHeader(Header);
        foreach (var (variable, file) in Entries(layout, includeText))
        {
            csv.WriteRecord(Fields(variable, file));
            await csv.FlushAsync(ct);
        }
    }

    public static async Task WriteHtmlAsync(DatasetLayout layout, string studyTitle, bool includeText, string path, CancellationToken ct)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Codebook: ")
            .Append(e.Encode(studyTitle)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}")
            .Append("th{background:#f0f0f0;position:sticky;top:0}td:first-child{font-family:monospace;white-space:nowrap}\n")
            .Append("</style>\n</head>\n<body>\n<h1>Codebook: ").Append(e.Encode(studyTitle)).Append("</h1>\n<p>Study <code>")
            .Append(e.Encode(layout.StudyKey)).Append("</code>. Missing values are written in data.csv as codes below every valid value of ")
            .Append("the variable: don't know, not asked (routed past by a condition, or not in the respondent's instrument version), ")
            .Append("not reached (a partial response stopped before the page) and not answered. A scale score is the mean of its answered ")
            .Append("items, reverse-keyed items recoded as min + max - value, when at least the scale's minimum number of items is answered.</p>\n")
            .Append("<table>\n<thead><tr>");
        foreach (var column in Header)
        {
            html.Append("<th scope=\"col\">").Append(e.Encode(column.Replace('_', ' '))).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var (variable, file) in Entries(layout, includeText))
        {
            html.Append("<tr>");
            foreach (var field in Fields(variable, file))
            {
                html.Append("<td>").Append(e.Encode(field)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        await File.WriteAllTextAsync(path, html.ToString(), new UTF8Encoding(false), ct);
    }

    private static string[] Fields(DatasetVariable v, string file) =>
    [
        v.Name,
        file,
        v.Label,
        ExportFormat.Kind(v),
        ValueLabels(v),
        MissingCodes(v),
        v.ScaleCode ?? "",
        v.Reversed ? "yes" : v.Kind is DatasetVariableKind.Metadata or DatasetVariableKind.Text or DatasetVariableKind.ScaleScore ? "" : "no",
        v.ItemCode ?? "",
        string.Join(" ", v.InstrumentVersions),
    ];
}
