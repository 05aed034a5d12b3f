using System.Globalization;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Import;

/// <summary>
/// Imports a CSV in the wide format of an export's <c>data.csv</c> (paper questionnaires typed into a spreadsheet, or a
/// bundle from another installation) into a study. Every row is checked against the instrument version it names; then
/// either every row is stored in one transaction, with the audit entry that records the import, or none is, and the
/// report lists every problem by row and column.
/// </summary>
/// <remarks>
/// What a row may hold: the metadata columns of <see cref="DatasetLayout.MetadataColumns"/> (all optional but
/// <c>audience</c>; <c>duration_seconds</c> is derived and not read), the study's item, option and open-answer columns,
/// and its score columns, which are recomputed and not read. A row without <c>response_id</c> gets a new id; with one,
/// it keeps it (so an export imported into an empty database exports again as the same file), and an id that the file
/// or the database already has is a problem. A <c>translation_sha256</c> must name a stored translation of the row's
/// questionnaire version in the row's language; empty, the texts the row was answered with are unknown (or the source's). An empty cell is an item left unanswered; declared missing codes keep
/// their reason. Text cells that an export protected against spreadsheet formulas (a leading apostrophe) are read back
/// without it.
/// </remarks>
public sealed class DatasetImporter(IDbContextFactory<CoproSurveyDbContext> contextFactory, StudyDataset dataset, TimeProvider time)
{
    /// <summary>More problems than this are not listed (the report says so): a wrong file would otherwise list one per cell.</summary>
    public const int MaxReportedProblems = 200;

    /// <summary>Responses added to the change tracker between saves.</summary>
    private const int SaveEvery = 200;

    /// <summary>Imports <paramref name="csv"/> (UTF-8) into the study; a problem anywhere stores nothing.</summary>
    /// <param name="fileName">The file's name for the report and the audit log.</param>
    /// <param name="openAnswers">
    /// An export's <c>text.csv</c> (<c>response_id</c>, then open-answer columns), joined to the data by response id; its
    /// problems are reported as the data row's, in the column of the open answer.
    /// </param>
    public async Task<ImportReport> ImportAsync(
        string studyKey, Stream csv, string fileName, Actor actor, CancellationToken ct, IProgress<int>? rowsRead = null, Stream? openAnswers = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(actor);
        var layout = await dataset.GetLayoutAsync(studyKey, audience: null, ct);
        if (layout is null)
        {
            return Fail(fileName, new ImportProblem(1, null, $"there is no study '{studyKey}'."));
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var study = await db.Studies.AsNoTracking().SingleAsync(s => s.Key == studyKey, ct);
        var versions = await db.InstrumentVersions.AsNoTracking()
            .Where(v => v.StudyId == study.Id)
            .Select(v => new { v.Id, v.Sha256, v.Audience, v.IsCurrent })
            .ToListAsync(ct);
        var translations = await db.TranslationVersions.AsNoTracking()
            .Where(t => db.InstrumentVersions.Any(v => v.Id == t.InstrumentVersionId && v.StudyId == study.Id))
            .Select(t => new { t.Sha256, t.InstrumentVersionId, t.Language })
            .ToListAsync(ct);
        var context = new ImportContext(
            study,
            (await db.Responses.Select(r => r.Id).ToListAsync(ct)).ToHashSet(),
            layout,
            versions.ToDictionary(v => v.Sha256, v => v.Id, StringComparer.Ordinal),
            versions.Where(v => v.IsCurrent).ToDictionary(v => v.Audience, v => v.Sha256),
            translations
                .GroupBy(t => t.Sha256, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<ImportTranslation>)g.Select(t => new ImportTranslation(t.InstrumentVersionId, t.Language)).ToList(),
                    StringComparer.Ordinal));

        CsvReader reader;
        try
        {
            reader = CsvReader.Create(csv, Options(), leaveOpen: true);
        }
        catch (CsvFormatException e)
        {
            return Fail(fileName, new ImportProblem(1, null, $"not a readable CSV file: {e.Message}"));
        }

        using (reader)
        {
            IReadOnlyList<string> headers;
            try
            {
                reader.ReadHeader();
                headers = [.. reader.Headers];
                if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
                {
                    return Fail(fileName, new ImportProblem(1, null, "the file is empty; the first row must name the columns."));
                }
            }
            catch (CsvFormatException e)
            {
                return Fail(fileName, new ImportProblem(1, null, $"not a readable CSV file: {e.Message}"));
            }

            var texts = openAnswers is null ? null : ReadOpenAnswers(openAnswers, layout);
            if (texts?.Problem is { } textProblem)
            {
                return Fail(fileName, textProblem);
            }

            var dataColumns = headers.Count;
            if (texts is not null)
            {
                headers = [.. headers, .. texts.Columns];
            }

            var header = ImportHeader.Read(headers, layout);
            if (header.Problems.Count > 0)
            {
                return new ImportReport(fileName, 0, 0, 0, 0, header.Problems, false);
            }

            var usedCodes = (await db.Responses.Select(r => r.ResumeCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var problems = new List<ImportProblem>();
            var withoutId = new List<ImportedRow>();
            var submittedPages = new List<(Response Response, ImportedRow Row)>();
            var (rows, complete, partial, pending) = (0, 0, 0, 0);
            var cut = false;
            while (true)
            {
                string?[] cells;
                try
                {
                    if (!reader.Read())
                    {
                        break;
                    }

                    cells = new string?[headers.Count];
                    for (var i = 0; i < dataColumns; i++)
                    {
                        cells[i] = reader.GetString(i);
                    }
                }
                catch (CsvFormatException e)
                {
                    problems.Add(new ImportProblem(rows + 2, null, $"the CSV is malformed here ({e.Message}); nothing after this row was read."));
                    break;
                }

                rows++;
                var rowNumber = rows + 1;
                var before = problems.Count;
                if (texts is not null && header.Metadata.TryGetValue("response_id", out var idColumn)
                    && cells[idColumn]?.Trim() is { Length: > 0 } id && texts.Rows.Remove(id, out var answers))
                {
                    answers.CopyTo(cells, dataColumns);
                }

                var row = ImportRowReader.Read(context, header, cells, rowNumber, problems);

                if (problems.Count >= MaxReportedProblems)
                {
                    cut = true;
                    break;
                }

                if (problems.Count > before || row is null || problems.Count > 0)
                {
                    continue;
                }

                if (row.CompletedAt is null)
                {
                    partial++;
                }
                else
                {
                    complete++;
                }

                if (row.ResponseId is null)
                {
                    withoutId.Add(row);
                    continue;
                }

                Add(db, context, row, usedCodes, submittedPages);
                if (++pending >= SaveEvery)
                {
                    await SaveAsync(db, submittedPages, ct);
                    pending = 0;
                    rowsRead?.Report(rows);
                }
            }

            foreach (var (id, _) in texts?.Rows.Take(MaxReportedProblems - problems.Count) ?? [])
            {
                problems.Add(new ImportProblem(1, "response_id", $"the open answers name response {id}, which is not in the data file."));
            }

            if (problems.Count > 0)
            {
                await transaction.RollbackAsync(ct);
                return new ImportReport(fileName, rows, 0, 0, 0, problems, cut);
            }

            // Rows without an id are stored last, after every row that names its id, so the ids the database gives
            // them cannot take one that the file names.
            await SaveAsync(db, submittedPages, ct);
            if (db.Database.IsNpgsql())
            {
                // Rows that kept their file's id leave PostgreSQL's identity sequence behind; the responses stored next
                // (these rows, then respondents) must not be given one of those ids.
                await db.Database.ExecuteSqlRawAsync(
                    "SELECT setval(pg_get_serial_sequence('\"Responses\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"Responses\"), 1))", ct);
            }

            foreach (var row in withoutId)
            {
                Add(db, context, row, usedCodes, submittedPages);
            }

            await SaveAsync(db, submittedPages, ct);
            var imported = complete + partial;
            db.AuditEvents.Add(AuditEvent.Create(
                AuditActions.Import, actor.Name, time.GetUtcNow(), actor.ResearcherId, study.Id, subject: fileName,
                detail: $"{imported} response{(imported == 1 ? "" : "s")} ({complete} complete, {partial} partial)"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            rowsRead?.Report(rows);
            return new ImportReport(fileName, rows, imported, complete, partial, [], false);
        }
    }

    /// <summary>The open answers by response id (they are small next to the data: a few text items per response).</summary>
    private sealed record OpenAnswers(IReadOnlyList<string> Columns, Dictionary<string, string?[]> Rows, ImportProblem? Problem);

    private static OpenAnswers ReadOpenAnswers(Stream stream, DatasetLayout layout)
    {
        OpenAnswers Broken(string message) => new([], [], new ImportProblem(1, null, "open answers: " + message));
        try
        {
            using var reader = CsvReader.Create(stream, Options(), leaveOpen: true);
            reader.ReadHeader();
            var names = reader.Headers.ToList();
            if (names.Count == 0 || names[0] != "response_id")
            {
                return Broken("the first column must be response_id, as in an export's text.csv.");
            }

            var known = layout.Texts.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            if (names.Skip(1).FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            {
                return Broken($"'{unknown}' is not an open-answer item of study '{layout.StudyKey}'.");
            }

            var rows = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var id = reader.GetString(0).Trim();
                var cells = new string?[names.Count - 1];
                for (var i = 1; i < names.Count; i++)
                {
                    cells[i - 1] = reader.GetString(i);
                }

                if (!rows.TryAdd(id, cells))
                {
                    return Broken($"row {reader.RowNumber + 1}: response {id} appears twice.");
                }
            }

            return new OpenAnswers(names.Skip(1).ToList(), rows, null);
        }
        catch (CsvFormatException e)
        {
            return Broken($"not a readable CSV file ({e.Message}).");
        }
    }

    private static ImportReport Fail(string fileName, ImportProblem problem) => new(fileName, 0, 0, 0, 0, [problem], false);

    private static void Add(CoproSurveyDbContext db, ImportContext context, ImportedRow row, HashSet<string> usedCodes, List<(Response Response, ImportedRow Row)> submittedPages)
    {
        string code;
        do
        {
            code = ResumeCodes.NewCode();
        }
        while (!usedCodes.Add(code));

        var response = Response.Imported(
            row.ResponseId ?? 0,
            context.Study.Id,
            context.VersionIds[row.Instrument.Sha256],
            row.Instrument.Sha256,
            row.Instrument.Audience,
            code,
            row.Context,
            row.StartedAt,
            row.CompletedAt,
            row.Answers,
            row.LastPage,
            row.TranslationSha256);
        db.Responses.Add(response);
        if (row.SubmittedSections.Count > 0)
        {
            submittedPages.Add((response, row));
        }
    }

    /// <summary>Saves the pending responses, then the page events of those that need them (they name the new response ids).</summary>
    private static async Task SaveAsync(CoproSurveyDbContext db, List<(Response Response, ImportedRow Row)> submittedPages, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        foreach (var (response, row) in submittedPages)
        {
            foreach (var section in row.SubmittedSections)
            {
                // The page was submitted (its empty items are "not answered", not "not reached"); no time is known but the start.
                db.PageEvents.Add(PageEvent.Create(response.Id, section, PageEventKind.Submitted, row.StartedAt));
            }
        }

        if (submittedPages.Count > 0)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            submittedPages.Clear();
        }

        db.ChangeTracker.Clear();
    }

    private static CsvReaderOptions Options() => new()
    {
        Separator = ',',
        HasHeader = true,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MalformedData = CsvMalformedDataHandling.Throw,
    };
}
