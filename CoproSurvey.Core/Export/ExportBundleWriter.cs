using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Export;

/// <summary>
/// Writes a study's export bundle: <c>data.csv</c> (wide, one row per response), <c>long.csv</c> (one row per answer),
/// <c>text.csv</c> (open answers, only when asked), <c>paradata.csv</c>, <c>codebook.csv</c> and <c>codebook.html</c>,
/// load scripts for R, Stata and SPSS, and <c>manifest.json</c> with the SHA-256 of every other file. Rows stream from
/// <see cref="StudyDataset"/> in one pass that writes the three answer files side by side, so memory does not grow
/// with the study.
/// </summary>
public sealed class ExportBundleWriter(StudyDataset dataset, IDbContextFactory<CoproSurveyDbContext> contextFactory, AuditLog auditLog, TimeProvider time)
{
    /// <summary>Writes the bundle's files into <paramref name="directory"/> (created if needed). An unknown study throws <see cref="ExportException"/> before anything is written.</summary>
    /// <param name="progress">Told the number of responses written so far, every few hundred and at the end.</param>
    public async Task<ExportSummary> WriteToDirectoryAsync(ExportRequest request, string directory, CancellationToken ct, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var layout = await dataset.GetLayoutAsync(request.StudyKey, request.Filter.Audience, ct)
            ?? throw new ExportException($"There is no study '{request.StudyKey}'.");
        string title;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            title = await db.Studies.AsNoTracking().Where(s => s.Key == request.StudyKey).Select(s => s.Title).SingleAsync(ct);
        }

        Directory.CreateDirectory(directory);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var hashed = new Dictionary<string, BundleFile>(StringComparer.Ordinal);
        var responses = await WriteAnswerFilesAsync(layout, request, directory, counts, hashed, progress, ct);
        counts[BundleFileNames.Paradata] = await WriteParadataAsync(layout, request.Filter, Path.Combine(directory, BundleFileNames.Paradata), ct);
        await CodebookWriter.WriteCsvAsync(layout, request.IncludeText, Path.Combine(directory, BundleFileNames.Codebook), ct);
        await CodebookWriter.WriteHtmlAsync(layout, title, request.IncludeText, Path.Combine(directory, BundleFileNames.CodebookHtml), ct);
        await File.WriteAllTextAsync(Path.Combine(directory, BundleFileNames.R), LoadScripts.R(layout), ct);
        await File.WriteAllTextAsync(Path.Combine(directory, BundleFileNames.Stata), LoadScripts.Stata(layout), ct);
        await File.WriteAllTextAsync(Path.Combine(directory, BundleFileNames.Spss), LoadScripts.Spss(layout), ct);

        var files = new List<BundleFile>();
        foreach (var name in FileOrder.Where(n => File.Exists(Path.Combine(directory, n))))
        {
            files.Add(hashed.TryGetValue(name, out var file) ? file : await DescribeAsync(directory, name, ct));
        }

        await ManifestWriter.WriteAsync(Path.Combine(directory, BundleFileNames.Manifest), layout, title, request, time.GetUtcNow(), responses, counts, files, ct);
        files.Add(await DescribeAsync(directory, BundleFileNames.Manifest, ct));
        return new ExportSummary(request.StudyKey, responses, files);
    }

    /// <summary>
    /// Writes the bundle as a zip archive to <paramref name="output"/>, which need not be seekable (an HTTP response):
    /// the files are written to a temporary folder first, since an archive takes one entry at a time, then deleted.
    /// </summary>
    public async Task<ExportSummary> WriteZipAsync(ExportRequest request, Stream output, CancellationToken ct, IProgress<int>? progress = null)
    {
        var folder = Directory.CreateTempSubdirectory("coprosurvey-export-");
        try
        {
            var summary = await WriteToDirectoryAsync(request, folder.FullName, ct, progress);
            await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var file in summary.Files)
            {
                var entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest);
                entry.LastWriteTime = time.GetUtcNow();
                await using var target = await entry.OpenAsync(ct);
                await using var source = File.OpenRead(Path.Combine(folder.FullName, file.Name));
                await source.CopyToAsync(target, ct);
            }

            return summary;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Records the export in the study's audit log: who, how many responses, the filters, and the SHA-256 of data.csv.
    /// Called once the bundle has reached its destination (moved into place, or sent).
    /// </summary>
    public async Task RecordAsync(ExportRequest request, ExportSummary summary, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(actor);
        int studyId;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            studyId = await db.Studies.AsNoTracking().Where(s => s.Key == request.StudyKey).Select(s => s.Id).SingleAsync(ct);
        }

        var f = request.Filter;
        static string Listed(IReadOnlyList<string>? values) => values is { Count: > 0 } ? string.Join(",", values) : "all";
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{summary.Responses} responses; audience {(f.Audience is { } a ? ExportFormat.Audience(a) : "both")}; countries {Listed(f.Countries)}; "
            + $"fields {Listed(f.PolicyFields)}; {(f.IncludePartial ? "complete and partial" : "complete only")}; "
            + $"from {(f.From is { } from ? ExportFormat.Time(from) : "any")}; to {(f.To is { } to ? ExportFormat.Time(to) : "any")}; "
            + $"open answers {(request.IncludeText ? "included" : "left out")}; data.csv SHA-256 {summary.Files.FirstOrDefault(x => x.Name == BundleFileNames.Data)?.Sha256}");
        await auditLog.RecordAsync(AuditActions.Export, actor.Name, actor.ResearcherId, studyId, request.StudyKey, detail, ct);
    }

    private static readonly string[] FileOrder =
    [
        BundleFileNames.Data, BundleFileNames.Long, BundleFileNames.Text, BundleFileNames.Paradata, BundleFileNames.Codebook,
        BundleFileNames.CodebookHtml, BundleFileNames.R, BundleFileNames.Stata, BundleFileNames.Spss,
    ];

    /// <remarks>
    /// The files are written synchronously from the writers' buffers: on Linux every asynchronous file write is handed
    /// to a pool thread and the loop resumes on another, and those hand-overs, one per 64 KiB, cost more CPU than the
    /// writes themselves. Each file is hashed as it is written.
    /// </remarks>
    private async Task<int> WriteAnswerFilesAsync(
        DatasetLayout layout,
        ExportRequest request,
        string directory,
        Dictionary<string, long> counts,
        Dictionary<string, BundleFile> hashed,
        IProgress<int>? progress,
        CancellationToken ct)
    {
        var longMap = new LongFormat(layout, request.IncludeText);
        var dataColumns = new DataFormat(layout);
        using var dataFile = new HashingFileStream(Path.Combine(directory, BundleFileNames.Data));
        using var longFile = new HashingFileStream(Path.Combine(directory, BundleFileNames.Long));
        using var textFile = request.IncludeText ? new HashingFileStream(Path.Combine(directory, BundleFileNames.Text)) : null;
        var rows = 0;
        using (var data = new Utf8CsvWriter(dataFile))
        using (var longCsv = new Utf8CsvWriter(longFile))
        using (var text = textFile is null ? null : CsvWriter.Create(textFile, ExportFormat.Csv, leaveOpen: true))
        {
            foreach (var column in layout.DataColumns)
            {
                data.WriteField(column.Name);
            }

            data.EndRecord();
            foreach (var column in (ReadOnlySpan<string>)["response_id", "variable", "value", "answered_at"])
            {
                longCsv.WriteField(column);
            }

            longCsv.EndRecord();
            text?.WriteHeader(["response_id", .. layout.Texts.Select(t => t.Name)]);
            long longRows = 0;
            long textRows = 0;
            await foreach (var row in dataset.ReadRowsAsync(layout, request.Filter, ct))
            {
                dataColumns.Write(data, row);
                longRows += longMap.Write(longCsv, row);
                if (text is not null && row.Texts.Any(t => t.Text is not null))
                {
                    text.WriteField(row.ResponseId);
                    foreach (var cell in row.Texts)
                    {
                        text.WriteField(cell.Text);
                    }

                    text.EndRecord();
                    textRows++;
                }

                if (++rows % 500 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(rows);
                }
            }

            progress?.Report(rows);
            counts[BundleFileNames.Data] = rows;
            counts[BundleFileNames.Long] = longRows;
            if (text is not null)
            {
                counts[BundleFileNames.Text] = textRows;
            }
        }

        foreach (var (name, file) in new[] { (BundleFileNames.Data, dataFile), (BundleFileNames.Long, longFile), (BundleFileNames.Text, textFile) })
        {
            if (file is not null)
            {
                file.Dispose();
                hashed[name] = new BundleFile(name, file.Length, file.Sha256);
            }
        }

        return rows;
    }

    /// <summary>
    /// One row per response and page with events: the visits (times the page was shown) and the seconds on the page,
    /// summed over the visits, each from the page being shown to the response's next page event (its submission, or
    /// another page being shown); a last visit that nothing followed is not counted, and a page never shown (simulated
    /// data) has no seconds.
    /// </summary>
    private async Task<long> WriteParadataAsync(DatasetLayout layout, DatasetFilter filter, string path, CancellationToken ct)
    {
        await using var csv = CsvWriter.ToFile(path, ExportFormat.Csv);
        csv.WriteHeader(["response_id", "page", "visits", "seconds", "submitted"]);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var selected = StudyDataset.Select(db, layout, filter);
        var events = db.PageEvents.AsNoTracking()
            .Where(e => selected.Select(r => r.Id).Contains(e.ResponseId))
            .OrderBy(e => e.ResponseId).ThenBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new ParadataEvent(e.ResponseId, e.SectionCode, e.Kind, e.At))
            .AsAsyncEnumerable();
        long written = 0;
        var response = new List<ParadataEvent>();
        await foreach (var e in events.WithCancellation(ct))
        {
            if (response.Count > 0 && response[0].ResponseId != e.ResponseId)
            {
                written += await WriteParadataAsync(csv, response, ct);
                response.Clear();
            }

            response.Add(e);
        }

        return written + await WriteParadataAsync(csv, response, ct);
    }

    private sealed record ParadataEvent(int ResponseId, string SectionCode, PageEventKind Kind, DateTimeOffset At);

    /// <summary>The paradata rows of one response, from its events in time order.</summary>
    private static async Task<int> WriteParadataAsync(CsvWriter csv, List<ParadataEvent> events, CancellationToken ct)
    {
        var pages = new List<(string Page, int Visits, double? Seconds, bool Submitted)>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var index = pages.FindIndex(p => p.Page == e.SectionCode);
            if (index < 0)
            {
                pages.Add((e.SectionCode, 0, null, false));
                index = pages.Count - 1;
            }

            var page = pages[index];
            if (e.Kind == PageEventKind.Shown)
            {
                page.Visits++;
                if (i + 1 < events.Count)
                {
                    page.Seconds = (page.Seconds ?? 0) + (events[i + 1].At - e.At).TotalSeconds;
                }
            }
            else
            {
                page.Submitted = true;
            }

            pages[index] = page;
        }

        foreach (var page in pages)
        {
            csv.WriteField(events[0].ResponseId);
            csv.WriteField(page.Page);
            csv.WriteField(page.Visits);
            csv.WriteField(page.Seconds);
            csv.WriteField(page.Submitted ? 1 : 0);
            await csv.EndRecordAsync(ct);
        }

        return pages.Count;
    }

    private static async Task<BundleFile> DescribeAsync(string directory, string name, CancellationToken ct)
    {
        await using var stream = File.OpenRead(Path.Combine(directory, name));
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new BundleFile(name, stream.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>
    /// data.csv's rows: the response's facts, then one cell per variable of <see cref="DatasetLayout.Values"/> (its
    /// value, or the code of its missing reason; empty when the variable has no codes).
    /// </summary>
    private sealed class DataFormat(DatasetLayout layout)
    {
        private readonly IReadOnlyList<DatasetVariable> values = layout.Values;

        public void Write(Utf8CsvWriter csv, DatasetRow row)
        {
            csv.WriteField(row.ResponseId);
            csv.WriteField(ExportFormat.Audience(row.Audience));
            csv.WriteField(row.Country);
            csv.WriteField(row.PolicyField);
            csv.WriteField(row.ServiceUnit);
            csv.WriteField(row.Language);
            csv.WriteField(row.InstrumentKey);
            csv.WriteField(row.InstrumentSha256);
            csv.WriteField(row.TranslationSha256);
            csv.WriteField(ExportFormat.Status(row.Status));
            csv.WriteField(ExportFormat.Time(row.StartedAt));
            csv.WriteField(row.CompletedAt is { } completed ? ExportFormat.Time(completed) : null);
            csv.WriteField(row.DurationSeconds);
            var cells = row.Cells;
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                if (cell.Value is { } value)
                {
                    csv.WriteField(value);
                }
                else if (values[i].MissingCodes is { } codes && cell.Missing is { } reason)
                {
                    csv.WriteField(codes.CodeOf(reason));
                }
                else
                {
                    csv.WriteField((double?)null);
                }
            }

            csv.EndRecord();
        }
    }

    /// <summary>
    /// long.csv: one row per answer counted by the routing, named by its data.csv column: the item, or for a multiple
    /// choice one row per chosen option (<c>{item}_{option}</c>, value 1); don't know is written as the variable's code.
    /// Open answers appear only when the text file is asked for. Names, the response's id and each time are encoded
    /// once and copied for every row that repeats them.
    /// </summary>
    private sealed class LongFormat
    {
        private readonly DatasetLayout layout;
        private readonly bool includeText;
        private readonly Dictionary<string, int> items = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Item, string Option), int> options = [];
        private readonly HashSet<string> texts = new(StringComparer.Ordinal);
        private readonly byte[][] names;
        private readonly byte[] at = new byte[StoredUtcTime.MaxIsoLength];
        private StoredUtcTime lastAt;
        private int atLength = -1;

        public LongFormat(DatasetLayout layout, bool includeText)
        {
            this.layout = layout;
            this.includeText = includeText;
            for (var i = 0; i < layout.Values.Count; i++)
            {
                var v = layout.Values[i];
                if (v.Kind == DatasetVariableKind.MultipleChoiceOption)
                {
                    options[(v.ItemCode!, v.OptionCode!)] = i;
                }
                else if (v.ItemCode is not null)
                {
                    items[v.ItemCode] = i;
                }
            }

            texts.UnionWith(layout.Texts.Select(t => t.ItemCode!));
            names = [.. layout.Values.Select(v => Utf8CsvWriter.Encode(v.Name))];
        }

        public long Write(Utf8CsvWriter csv, DatasetRow row)
        {
            long written = 0;
            var id = Utf8CsvWriter.Encode(row.ResponseId);
            foreach (var answer in row.Answers)
            {
                var time = Time(answer.StoredAnsweredAt);
                var value = answer.Value;
                if (texts.Contains(answer.ItemCode))
                {
                    if (includeText)
                    {
                        csv.WriteEncoded(id);
                        csv.WriteField(answer.ItemCode);
                        csv.WriteField(value.Value ?? "");
                        csv.WriteEncoded(time);
                        csv.EndRecord();
                        written++;
                    }

                    continue;
                }

                if (value.Choices is { } chosen)
                {
                    foreach (var option in chosen)
                    {
                        if (options.TryGetValue((answer.ItemCode, option), out var index))
                        {
                            Write(csv, id, names[index], 1, time);
                            written++;
                        }
                    }

                    continue;
                }

                if (!items.TryGetValue(answer.ItemCode, out var i))
                {
                    continue;
                }

                var variable = layout.Values[i];
                double? number = value.DontKnow ? variable.MissingCodes?.DontKnow
                    : value.NotApplicable ? variable.MissingCodes?.NotApplicable
                    : variable.Kind == DatasetVariableKind.SingleChoice && value.Value is not null
                        && layout.ChoiceValues[i]!.TryGetValue(value.Value, out var code) ? code
                    : value.Number;
                Write(csv, id, names[i], number, time);
                written++;
            }

            return written;
        }

        private static void Write(Utf8CsvWriter csv, byte[] id, byte[] name, double? value, ReadOnlySpan<byte> at)
        {
            csv.WriteEncoded(id);
            csv.WriteEncoded(name);
            csv.WriteField(value);
            csv.WriteEncoded(at);
            csv.EndRecord();
        }

        /// <summary>The time's field; the answers of one page share theirs, so it is formatted when it changes.</summary>
        private ReadOnlySpan<byte> Time(StoredUtcTime time)
        {
            if (atLength < 0 || !time.IsSameReading(lastAt))
            {
                Span<char> chars = stackalloc char[StoredUtcTime.MaxIsoLength];
                var length = time.FormatIso(chars);
                // The ISO form is ASCII digits and separators: one byte per char, never quoted or escaped.
                for (var k = 0; k < length; k++)
                {
                    at[k] = (byte)chars[k];
                }

                atLength = length;
                lastAt = time;
            }

            return at.AsSpan(0, atLength);
        }
    }
}
