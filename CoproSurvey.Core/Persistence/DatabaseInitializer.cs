using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Persistence;

/// <summary>What <see cref="DatabaseInitializer.InitializeAsync"/> did, one line per change.</summary>
public sealed record InitializationReport(IReadOnlyList<string> AppliedMigrations, IReadOnlyList<string> Messages);

/// <summary>
/// Brings the database up to date at every start: WAL journal (SQLite), migrations, then the studies under
/// <c>DataDirectory/studies/*.json</c> and the instruments they name. Idempotent: unchanged files change nothing.
/// </summary>
public sealed class DatabaseInitializer(IDbContextFactory<CoproSurveyDbContext> contextFactory, CoproSurveyOptions options, TimeProvider time)
{
    /// <summary>Migrates and loads every study file; invalid files throw <see cref="InstrumentValidationException"/> listing every problem, before anything is loaded.</summary>
    public async Task<InitializationReport> InitializeAsync(CancellationToken ct)
    {
        var applied = await MigrateAsync(ct);
        var messages = new List<string>();
        var studiesDirectory = Path.Combine(options.DataDirectory, "studies");
        if (!Directory.Exists(studiesDirectory))
        {
            messages.Add($"No studies folder at {Path.GetFullPath(studiesDirectory)}: no studies loaded.");
            return new InitializationReport(applied, messages);
        }

        var loaded = StudyLoader.LoadDirectory(options.DataDirectory);
        var problems = loaded.SelectMany(r => r.Problems).ToList();
        if (problems.Count > 0 || loaded.Any(r => r.Study is null))
        {
            throw new InstrumentValidationException(problems);
        }

        foreach (var result in loaded)
        {
            messages.AddRange(await LoadStudyAsync(result.Study!, result.Instruments, result.Translations, ct));
        }

        return new InitializationReport(applied, messages);
    }

    /// <summary>Applies pending migrations (with the WAL journal on SQLite files); returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL keeps the file consistent if the process dies mid-write; the mode is stored in the file itself.
            // In-memory databases answer "memory" and stay as they are. PostgreSQL has its own write-ahead log.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }

    /// <summary>
    /// Upserts one study and its instruments in one transaction: a new SHA-256 per audience becomes a new current
    /// <see cref="InstrumentVersion"/>, older versions stay for the responses that reference them. Returns what changed.
    /// </summary>
    public Task<IReadOnlyList<string>> LoadStudyAsync(
        StudyDefinition definition, IReadOnlyDictionary<Audience, Instrument> instruments, CancellationToken ct) =>
        LoadStudyAsync(definition, instruments, new Dictionary<Audience, IReadOnlyList<InstrumentTranslation>>(), ct);

    /// <summary>
    /// As <see cref="LoadStudyAsync(StudyDefinition, IReadOnlyDictionary{Audience, Instrument}, CancellationToken)"/>,
    /// with the translations of each audience's instrument: a new SHA-256 per language becomes the current
    /// <see cref="TranslationVersion"/> of the current instrument version; older ones stay for the responses that
    /// were shown them.
    /// </summary>
    public async Task<IReadOnlyList<string>> LoadStudyAsync(
        StudyDefinition definition,
        IReadOnlyDictionary<Audience, Instrument> instruments,
        IReadOnlyDictionary<Audience, IReadOnlyList<InstrumentTranslation>> translations,
        CancellationToken ct)
    {
        var messages = new List<string>();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var study = await db.Studies.SingleOrDefaultAsync(s => s.Key == definition.Key, ct);
        if (study is null)
        {
            study = Study.Create(definition);
            db.Studies.Add(study);
            await db.SaveChangesAsync(ct);
            messages.Add($"Study '{definition.Key}': created ({definition.Status}).");
        }
        else if (study.UpdateFrom(definition))
        {
            messages.Add($"Study '{definition.Key}': updated ({definition.Status}).");
        }

        var versions = await db.InstrumentVersions.Where(v => v.StudyId == study.Id).ToListAsync(ct);
        foreach (var (audience, instrument) in instruments.OrderBy(i => i.Key))
        {
            if (instrument.Audience != audience)
            {
                throw new InvalidOperationException(
                    $"Study '{definition.Key}' names instrument '{instrument.Key}' for {audience}, but it is written for {instrument.Audience}.");
            }

            var ofAudience = versions.Where(v => v.Audience == audience).ToList();
            var match = ofAudience.SingleOrDefault(v => v.Sha256 == instrument.Sha256);
            if (match is { IsCurrent: true })
            {
                continue;
            }

            if (match is null)
            {
                match = InstrumentVersion.Create(study, instrument, InstrumentCanonicalizer.ToCanonicalJson(instrument), time.GetUtcNow());
                db.InstrumentVersions.Add(match);
                messages.Add($"Instrument '{instrument.Key}' {instrument.Version} ({audience}): new version {instrument.Sha256[..12]}.");
            }
            else
            {
                match.MakeCurrent();
                messages.Add($"Instrument '{instrument.Key}' {instrument.Version} ({audience}): version {instrument.Sha256[..12]} is current again.");
            }

            foreach (var other in ofAudience.Where(v => v != match))
            {
                other.Retire();
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var version in versions.Concat(db.InstrumentVersions.Local).Distinct().Where(v => v.IsCurrent && instruments.ContainsKey(v.Audience)))
        {
            messages.AddRange(await LoadTranslationsAsync(
                db, version, translations.GetValueOrDefault(version.Audience) ?? [], ct));
        }

        foreach (var orphan in versions.Where(v => v.IsCurrent && !instruments.ContainsKey(v.Audience)))
        {
            orphan.Retire();
            messages.Add($"Study '{definition.Key}': no instrument for {orphan.Audience} any more.");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return messages;
    }

    private async Task<IReadOnlyList<string>> LoadTranslationsAsync(
        CoproSurveyDbContext db, InstrumentVersion version, IReadOnlyList<InstrumentTranslation> translations, CancellationToken ct)
    {
        var messages = new List<string>();
        var stored = await db.TranslationVersions.Where(t => t.InstrumentVersionId == version.Id).ToListAsync(ct);
        foreach (var translation in translations)
        {
            var ofLanguage = stored.Where(t => t.Language == translation.Language).ToList();
            var match = ofLanguage.SingleOrDefault(t => t.Sha256 == translation.Sha256);
            if (match is null)
            {
                match = TranslationVersion.Create(version, translation, time.GetUtcNow());
                db.TranslationVersions.Add(match);
                messages.Add($"Instrument '{version.Key}' {version.Version} in '{translation.Language}': new texts {translation.Sha256[..12]} ({translation.Status.ToString().ToLowerInvariant()}).");
            }
            else if (!match.IsCurrent || match.Status != translation.Status)
            {
                match.MakeCurrent(translation.Status);
                messages.Add($"Instrument '{version.Key}' {version.Version} in '{translation.Language}': texts {translation.Sha256[..12]} are current ({translation.Status.ToString().ToLowerInvariant()}).");
            }

            foreach (var other in ofLanguage.Where(t => t != match && t.IsCurrent))
            {
                other.Retire();
            }
        }

        foreach (var dropped in stored.Where(t => t.IsCurrent && translations.All(n => n.Language != t.Language)))
        {
            dropped.Retire();
            messages.Add($"Instrument '{version.Key}' {version.Version}: no longer offered in '{dropped.Language}'.");
        }

        return messages;
    }
}
