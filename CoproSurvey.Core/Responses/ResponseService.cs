using System.Data;
using System.Text.RegularExpressions;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Studies;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoproSurvey.Core.Responses;

/// <summary>
/// The respondent's path through a questionnaire: entry, consent, pages, completion. Pages are numbered
/// 1..n among the sections visible given the answers so far. One context per operation.
/// </summary>
/// <remarks>
/// <para>
/// A response is reached through an access token (<see cref="AccessTokens"/>), never through its resume code: the
/// code only buys a new token (<see cref="ResumeAsync"/>) or deletes the response (<see cref="WithdrawByCodeAsync"/>).
/// An unknown token, a malformed one and a resume code in its place all give the same null.
/// </para>
/// <para>
/// Start errors name the field in <see cref="FieldError.ItemCode"/>: <c>Country</c>, <c>PolicyField</c>,
/// <c>ServiceUnit</c> or <c>Language</c>; page-level errors have a null item code.
/// </para>
/// </remarks>
public sealed partial class ResponseService(IDbContextFactory<CoproSurveyDbContext> contextFactory, TimeProvider time)
{
    public const string NotOpenMessage = "This questionnaire is not open for responses.";
    public const string UnknownCodeMessage = "We could not find a questionnaire with this code. Please check the code and try again.";
    public const string CompletedMessage = "This questionnaire has already been completed.";
    public const string PageNotAvailableMessage = "This page is not available yet. Please continue where you left off.";
    public const string MalformedServiceUnitMessage =
        "The service unit may have at most 64 letters, digits, hyphens (-) or underscores (_).";
    public const string UnlistedServiceUnitMessage = "Please choose the service from the list.";

    /// <summary>The field name of the age confirmation in start errors (<see cref="FieldError.ItemCode"/>).</summary>
    public const string AgeField = "Age";

    private const int MaxAttempts = 4;

    private readonly LanguagesCache languages = new();

    /// <summary>The welcome page data in the source language; null when the study or audience is unknown or the study is not open.</summary>
    public Task<SurveyEntry?> GetEntryAsync(string studyKey, Audience audience, CancellationToken ct) =>
        GetEntryAsync(studyKey, audience, null, ct);

    /// <summary>
    /// The welcome page data in <paramref name="language"/> when the questionnaire is offered in it (else in the
    /// source language); null when the study or audience is unknown or the study is not open.
    /// </summary>
    public async Task<SurveyEntry?> GetEntryAsync(string studyKey, Audience audience, string? language, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var (study, version) = await FindOpenAsync(db, studyKey, audience, ct);
        if (study is null || version is null)
        {
            return null;
        }

        var source = await InstrumentOfAsync(db, version, ct);
        var offered = await OfferedLanguagesAsync(db, study.Languages, version.Id, source, ct);
        var chosen = RespondentLanguages.Match(offered.Select(o => o.Language).ToList(), language) ?? source.Language;
        var instrument = await TranslatedAsync(db, source, offered.Single(o => o.Language == chosen).TranslationSha256, ct);
        var atStart = InstrumentNavigator.VisibleSections(instrument, new Dictionary<string, AnswerValue>()).Count;
        return new SurveyEntry(
            study.Key, study.TitleIn(chosen), study.DescriptionIn(chosen), audience, instrument.Title, instrument.Introduction,
            [.. study.Countries.Select(c => c.In(chosen))], [.. study.PolicyFields.Select(f => f.In(chosen))],
            instrument.Sections.Count, atStart < instrument.Sections.Count)
        {
            Consent = study.Consent!,
            Language = chosen,
            Languages = offered.Select(o => o.Language).ToList(),
        };
    }

    /// <summary>
    /// The languages the current questionnaire of a study's audience is offered in, the source first; null when it is
    /// not open. Read at most once in <see cref="LanguagesCache.Lifetime"/> per study and audience: every request on a
    /// study's link asks, refused ones (429, 413) included, and a flood of those must not become a flood of reads.
    /// A page that serves the questionnaire reads what it shows itself, so a language added or dropped meanwhile is
    /// only offered or still preselected for that long.
    /// </summary>
    public async Task<IReadOnlyList<string>?> GetLanguagesAsync(string studyKey, Audience audience, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(studyKey);
        if (languages.TryGet(studyKey, audience, time.GetUtcNow(), out var cached))
        {
            return cached;
        }

        var read = await ReadLanguagesAsync(studyKey, audience, ct);
        languages.Set(studyKey, audience, read, time.GetUtcNow());
        return read;
    }

    private async Task<IReadOnlyList<string>?> ReadLanguagesAsync(string studyKey, Audience audience, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var (study, version) = await FindOpenAsync(db, studyKey, audience, ct);
        if (study is null || version is null)
        {
            return null;
        }

        var offered = await OfferedLanguagesAsync(db, study.Languages, version.Id, await InstrumentOfAsync(db, version, ct), ct);
        return offered.Select(o => o.Language).ToList();
    }

    /// <summary>The language a response is shown in and those it may switch to; null for an unknown access token.</summary>
    public async Task<ResponseLanguage?> GetLanguageAsync(string accessToken, CancellationToken ct)
    {
        if (!AccessTokens.IsWellFormed(accessToken))
        {
            return null;
        }

        // Read on every respondent page before it renders: compiled queries of a few columns, not the answers.
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await OpenOnceAsync(db, ct);
        var queries = ResponseQueries.For(db);
        var response = await queries.LanguageByToken(db, AccessTokens.Hash(accessToken), ct);
        if (response is null)
        {
            return null;
        }

        var study = await queries.StudyHeaderById(db, response.StudyId, ct);
        var source = await SourceInstrumentAsync(db, response.InstrumentSha256, response.InstrumentVersionId, ct);
        var offered = await OfferedLanguagesAsync(db, study.Languages, response.InstrumentVersionId, source, ct);
        var languages = offered.Select(o => o.Language).ToList();
        if (!languages.Contains(response.Language))
        {
            // A language since dropped from the study: the response keeps the texts it was shown.
            languages.Add(response.Language);
        }

        return new ResponseLanguage(response.Language, languages, response.Completed);
    }

    /// <summary>
    /// Continues a response in another offered language, with that language's current texts; the answers stay.
    /// False when the token opens nothing, the response is completed or the language is not offered.
    /// </summary>
    public Task<bool> ChangeLanguageAsync(string accessToken, string language, CancellationToken ct) =>
        WriteTransactions.RetryWhenBusyAsync(token => ChangeLanguageOnceAsync(accessToken, language, token), ct);

    private async Task<bool> ChangeLanguageOnceAsync(string accessToken, string language, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        var loaded = await LoadAsync(db, accessToken, tracking: true, ct);
        if (loaded is null || loaded.Response.IsCompleted)
        {
            return false;
        }

        var offered = await OfferedLanguagesAsync(db, loaded.Study.Languages, loaded.Response.InstrumentVersionId, loaded.Source, ct);
        var match = offered.FirstOrDefault(o => o.Language == RespondentLanguages.Match(offered.Select(x => x.Language).ToList(), language));
        if (match is null)
        {
            return false;
        }

        if (loaded.Response.ChangeLanguage(match.Language, match.TranslationSha256))
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return true;
    }

    /// <summary>
    /// The study's languages in which this instrument version can be shown: its source language, and those with a
    /// current translation of the version (a study may list a language before the version's translation is loaded).
    /// </summary>
    private static async Task<IReadOnlyList<OfferedLanguage>> OfferedLanguagesAsync(
        CoproSurveyDbContext db, IReadOnlyList<string> studyLanguages, int versionId, Instrument source, CancellationToken ct)
    {
        var translations = new List<CurrentTranslation>();
        await foreach (var translation in ResponseQueries.For(db).CurrentTranslations(db, versionId).WithCancellation(ct))
        {
            translations.Add(translation);
        }

        var offered = new List<OfferedLanguage> { new(source.Language, null) };
        foreach (var language in studyLanguages.Where(l => l != source.Language))
        {
            if (translations.FirstOrDefault(t => t.Language == language) is { } t)
            {
                offered.Add(new OfferedLanguage(language, t.Sha256));
            }
        }

        return offered;
    }

    private sealed record OfferedLanguage(string Language, string? TranslationSha256);

    /// <summary>The instrument with the texts of the translation with this SHA-256 (null: the source), parsed once and kept.</summary>
    private static async Task<Instrument> TranslatedAsync(CoproSurveyDbContext db, Instrument source, string? translationSha256, CancellationToken ct)
    {
        if (translationSha256 is null)
        {
            return source;
        }

        if (TranslationSnapshots.TryGet(source.Sha256, translationSha256) is { } cached)
        {
            return cached;
        }

        var json = await db.TranslationVersions.AsNoTracking()
            .Where(t => t.Sha256 == translationSha256)
            .Select(t => t.CanonicalJson)
            .FirstAsync(ct);
        return TranslationSnapshots.Get(source, translationSha256, json);
    }

    /// <summary>
    /// Consent given to the study's current consent information (<see cref="StudyConsent.Version"/>, stored with the
    /// response): creates the response and returns its resume code (<c>XXXXX-XXXXX</c>) and the access token of this
    /// device, or the errors. Without <paramref name="atLeastMinimumAge"/> (the respondent confirmed being at least
    /// <see cref="StudyConsent.MinimumAge"/>) nothing is stored and the error names <see cref="AgeField"/>.
    /// </summary>
    public async Task<StartResult> StartAsync(
        string studyKey, Audience audience, RespondentContext context, bool atLeastMinimumAge, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var (study, version) = await FindOpenAsync(db, studyKey, audience, ct);
            if (study is null || version is null)
            {
                return new StartResult(null, null, [new FieldError(null, NotOpenMessage)]);
            }

            var source = await InstrumentOfAsync(db, version, ct);
            var offered = await OfferedLanguagesAsync(db, study.Languages, version.Id, source, ct);
            var (clean, errors) = ValidateContext(study, context with { Language = Blank(context.Language) ?? source.Language });
            var language = offered.FirstOrDefault(o => o.Language == clean.Language);
            if (language is null && errors.All(e => e.ItemCode != nameof(RespondentContext.Language)))
            {
                errors.Add(new FieldError(nameof(RespondentContext.Language), "Please choose a language from the list."));
            }

            if (!atLeastMinimumAge)
            {
                errors.Add(new FieldError(AgeField, $"Please confirm that you are {study.Consent!.MinimumAge} or older."));
            }

            if (errors.Count > 0)
            {
                return new StartResult(null, null, errors);
            }

            var code = ResumeCodes.NewCode();
            var now = time.GetUtcNow();
            var response = Response.Start(
                study.Id, version.Id, version.Sha256, audience, code, clean, now, study.Consent!.Version, language!.TranslationSha256);
            var token = response.IssueAccessToken(now);
            db.Responses.Add(response);
            try
            {
                await using var transaction = await db.Database.BeginWriteAsync(ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new StartResult(ResumeCodes.Format(code), token, []);
            }
            catch (Exception ex) when ((IsRetryable(ex) || WriteTransactions.IsBusy(ex)) && attempt < MaxAttempts)
            {
                // A resume code collision (or a busy database): draw again.
            }
        }
    }

    /// <summary>Counts a refusal of consent; stores nothing about the person. Unknown studies are ignored.</summary>
    public Task DeclineAsync(string studyKey, Audience audience, RespondentContext context, CancellationToken ct) =>
        WriteTransactions.RetryWhenBusyAsync(token => DeclineOnceAsync(studyKey, audience, context, token), ct);

    private async Task DeclineOnceAsync(string studyKey, Audience audience, RespondentContext context, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Key == studyKey, ct);
        if (study is null || !study.Audiences.Contains(audience))
        {
            return;
        }

        var country = study.Countries.Any(c => c.Code == context.Country) ? context.Country : null;
        var field = study.PolicyFields.Any(f => f.Code == context.PolicyField) ? context.PolicyField : null;
        db.ConsentDeclines.Add(ConsentDecline.Create(study.Id, audience, country, field, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The response of this resume code, with a new access token for the device that entered it (the tokens of other
    /// devices keep working); null for an unknown code.
    /// </summary>
    public Task<ResumedResponse?> ResumeAsync(string resumeCode, CancellationToken ct) =>
        ResumeCodes.Normalize(resumeCode) is { } code
            ? WriteTransactions.RetryWhenBusyAsync(token => ResumeOnceAsync(code, token), ct)
            : Task.FromResult<ResumedResponse?>(null);

    private async Task<ResumedResponse?> ResumeOnceAsync(string code, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var response = await db.Responses.SingleOrDefaultAsync(r => r.ResumeCode == code, ct);
        if (response is null)
        {
            return null;
        }

        var token = response.IssueAccessToken(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var studyKey = await db.Studies.Where(s => s.Id == response.StudyId).Select(s => s.Key).SingleAsync(ct);
        return new ResumedResponse(token, studyKey, response.Audience);
    }

    /// <summary>Deletes the response opened by this access token (see <see cref="WithdrawByCodeAsync"/>); null for an unknown token.</summary>
    public Task<WithdrawnResponse?> WithdrawAsync(string accessToken, CancellationToken ct) =>
        WriteTransactions.RetryWhenBusyAsync(token => WithdrawOnceAsync(accessToken, token), ct);

    private async Task<WithdrawnResponse?> WithdrawOnceAsync(string accessToken, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        var responseId = await FindResponseIdAsync(db, accessToken, ct);
        return responseId is null ? null : await DeleteAsync(db, transaction, responseId.Value, ct);
    }

    /// <summary>
    /// Deletes the response of this resume code with its answers, paradata and access tokens, and logs the
    /// withdrawal (study and time only: no content, code or token) in the same transaction. Null for an unknown code.
    /// </summary>
    public Task<WithdrawnResponse?> WithdrawByCodeAsync(string resumeCode, CancellationToken ct) =>
        ResumeCodes.Normalize(resumeCode) is { } code
            ? WriteTransactions.RetryWhenBusyAsync(token => WithdrawByCodeOnceAsync(code, token), ct)
            : Task.FromResult<WithdrawnResponse?>(null);

    private async Task<WithdrawnResponse?> WithdrawByCodeOnceAsync(string code, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginWriteAsync(ct);
        var responseId = await db.Responses.Where(r => r.ResumeCode == code).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        return responseId is null ? null : await DeleteAsync(db, transaction, responseId.Value, ct);
    }

    private async Task<WithdrawnResponse> DeleteAsync(
        CoproSurveyDbContext db, IDbContextTransaction transaction, int responseId, CancellationToken ct)
    {
        var origin = await db.Responses.Where(r => r.Id == responseId)
            .Join(db.Studies, r => r.StudyId, s => s.Id, (r, s) => new { r.StudyId, s.Key, r.Audience })
            .SingleAsync(ct);
        // Explicit deletes rather than relying on cascades: the rows go even where foreign keys are not enforced.
        await db.PageEvents.Where(e => e.ResponseId == responseId).ExecuteDeleteAsync(ct);
        await db.ResponseAccessTokens.Where(t => t.ResponseId == responseId).ExecuteDeleteAsync(ct);
        await db.Answers.Where(a => a.ResponseId == responseId).ExecuteDeleteAsync(ct);
        await db.Responses.Where(r => r.Id == responseId).ExecuteDeleteAsync(ct);
        db.AuditEvents.Add(AuditEvent.Create(
            AuditActions.ResponseWithdrawn, "respondent", time.GetUtcNow(), studyId: origin.StudyId, detail: $"{origin.Audience.ToString().ToLowerInvariant()} response withdrawn"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new WithdrawnResponse(origin.Key, origin.Audience);
    }

    /// <summary>Where the response stands; null for an unknown access token.</summary>
    public async Task<ResponseState?> GetStateAsync(string accessToken, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var loaded = await LoadAsync(db, accessToken, tracking: false, ct);
        if (loaded is null)
        {
            return null;
        }

        var progress = loaded.Progress();
        var response = loaded.Response;
        var next = response.IsCompleted ? progress.PageCount : progress.NextPage;
        return new ResponseState(ResumeCodes.Format(response.ResumeCode), loaded.Study.Key, response.Audience, response.IsCompleted, next, progress.PageCount);
    }

    /// <summary>
    /// The visible page <paramref name="page"/> with its visible questions and all answers so far. A page beyond the
    /// next one to do yields only <see cref="PageView.RedirectToPage"/>. Null for an unknown access token. Reads only:
    /// when the page was shown is stored with its submission (see <see cref="SubmitPageAsync(string, int, IReadOnlyDictionary{string, IReadOnlyList{string}}, DateTimeOffset?, CancellationToken)"/>).
    /// </summary>
    public async Task<PageView?> GetPageAsync(string accessToken, int page, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var loaded = await LoadAsync(db, accessToken, tracking: false, ct);
        if (loaded is null)
        {
            return null;
        }

        var response = loaded.Response;
        var progress = loaded.Progress();
        var code = ResumeCodes.Format(response.ResumeCode);
        var allowed = response.IsCompleted ? page >= 1 && page <= progress.PageCount : progress.MayVisit(page);
        if (!allowed)
        {
            var target = response.IsCompleted ? progress.PageCount : progress.NextPage;
            return new PageView(
                code, loaded.Study.Key, response.Audience, target, progress.PageCount, progress.Pages[target - 1],
                [], new Dictionary<string, AnswerValue>(), target == progress.PageCount, response.IsCompleted, target,
                ProgressOf(loaded.Instrument, progress.Pages[target - 1]));
        }

        var section = progress.Pages[page - 1];
        return new PageView(
            code, loaded.Study.Key, response.Audience, page, progress.PageCount, section,
            InstrumentNavigator.VisibleQuestions(section, loaded.Answers), loaded.Answers,
            page == progress.PageCount, response.IsCompleted, null, ProgressOf(loaded.Instrument, section));
    }

    private static QuestionnaireProgress ProgressOf(Instrument instrument, Section section)
    {
        var index = instrument.Sections.ToList().FindIndex(s => s.Code == section.Code);
        return new QuestionnaireProgress(index + 1, instrument.Sections.Count);
    }

    /// <summary>As <see cref="SubmitPageAsync(string, int, IReadOnlyDictionary{string, IReadOnlyList{string}}, DateTimeOffset?, CancellationToken)"/>, when it is not known when the page was shown.</summary>
    public Task<SubmitResult> SubmitPageAsync(
        string accessToken, int page, IReadOnlyDictionary<string, IReadOnlyList<string>> form, CancellationToken ct) =>
        SubmitPageAsync(accessToken, page, form, null, ct);

    /// <summary>
    /// Validates and stores one page in a single transaction: answers upserted, answers hidden by conditions removed,
    /// paradata recorded, completion when it was the last page. Any error changes nothing. The same post twice gives the same state.
    /// </summary>
    /// <param name="shownAt">
    /// When the submitted form was displayed (carried by the form): stored as the page's "Shown" event beside its
    /// "Submitted" one, so that time on page is known without a write on every page view. Kept between the start of
    /// the response and now, so a tampered value cannot move it elsewhere; null stores no "Shown" event.
    /// </param>
    public async Task<SubmitResult> SubmitPageAsync(
        string accessToken, int page, IReadOnlyDictionary<string, IReadOnlyList<string>> form, DateTimeOffset? shownAt, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteTransactions.RetryWhenBusyAsync(token => SubmitOnceAsync(accessToken, page, form, shownAt, token), ct);
            }
            catch (Exception ex) when (IsRetryable(ex) && attempt < MaxAttempts)
            {
                // Two submissions at once: the unique index rejected the second; it re-reads and upserts.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
            }
        }
    }

    private async Task<SubmitResult> SubmitOnceAsync(
        string accessToken, int page, IReadOnlyDictionary<string, IReadOnlyList<string>> form, DateTimeOffset? shownAt, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // SQLite: the process's writers in turn, then BEGIN IMMEDIATE: the write lock is taken before reading, so
        // concurrent submissions of one response run one after the other and the second sees what the first stored.
        // PostgreSQL: repeatable read, where the second of two transactions that change the same row fails with a
        // serialization failure (and an answer inserted twice with a unique violation) and is retried on what the
        // first stored.
        await using var transaction = await db.Database.BeginWriteAsync(ct, IsolationLevel.RepeatableRead);
        var loaded = await LoadAsync(db, accessToken, tracking: true, ct);
        if (loaded is null)
        {
            return PageError(UnknownCodeMessage, null);
        }

        var (response, study, instrument) = (loaded.Response, loaded.Study, loaded.Instrument);
        var progress = loaded.Progress();
        if (!study.IsOpen)
        {
            return PageError(NotOpenMessage, null);
        }

        if (response.IsCompleted)
        {
            return IsRepeatOfStoredPage(loaded, progress, page, form)
                ? new SubmitResult(true, [], null, true)
                : PageError(CompletedMessage, null, completed: true);
        }

        if (!progress.MayVisit(page))
        {
            return PageError(PageNotAvailableMessage, progress.NextPage);
        }

        var section = progress.Pages[page - 1];
        var validation = AnswerValidator.Validate(section, loaded.Answers, form);
        if (!validation.IsValid)
        {
            return new SubmitResult(false, validation.Errors, page, false);
        }

        var now = time.GetUtcNow();
        response.RecordAnswers(validation.Answers, now);
        response.RemoveAnswers(validation.ClearedItems);
        response.RemoveAnswers(ResponseProgress.StaleItems(instrument, response.AnswerValues(instrument)));
        response.PageSubmitted(page);
        if (shownAt is { } shown)
        {
            var at = shown < response.StartedAt ? response.StartedAt : shown > now ? now : shown;
            db.PageEvents.Add(PageEvent.Create(response.Id, section.Code, PageEventKind.Shown, at));
        }

        db.PageEvents.Add(PageEvent.Create(response.Id, section.Code, PageEventKind.Submitted, now));

        var after = new ResponseProgress(instrument, response.AnswerValues(instrument), loaded.Submitted.Append(section.Code).ToHashSet());
        var completed = page == after.PageCount && after.AllDone;
        if (completed)
        {
            response.Complete(now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SubmitResult(true, [], completed ? null : page < after.PageCount ? page + 1 : after.NextPage, completed);
    }

    /// <summary>A completed response re-posting exactly what is stored (a doubled final submit) is not an error.</summary>
    private static bool IsRepeatOfStoredPage(
        LoadedResponse loaded, ResponseProgress progress, int page, IReadOnlyDictionary<string, IReadOnlyList<string>> form)
    {
        if (page < 1 || page > progress.PageCount)
        {
            return false;
        }

        var validation = AnswerValidator.Validate(progress.Pages[page - 1], loaded.Answers, form);
        return validation.IsValid
            && validation.Answers.All(a => loaded.Answers.TryGetValue(a.ItemCode, out var stored) && stored == a)
            && validation.ClearedItems.All(c => !loaded.Answers.ContainsKey(c));
    }

    private static SubmitResult PageError(string message, int? nextPage, bool completed = false) =>
        new(false, [new FieldError(null, message)], nextPage, completed);

    private static async Task<(Study? Study, CurrentVersion? Version)> FindOpenAsync(
        CoproSurveyDbContext db, string studyKey, Audience audience, CancellationToken ct)
    {
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Key == studyKey, ct);
        // A study takes responses only with the consent information its file gives (a study made in code may have none).
        if (study is null || !study.IsOpen || !study.Audiences.Contains(audience) || study.Consent is null)
        {
            return (null, null);
        }

        // Not the canonical JSON: the instrument is parsed once per version and kept (InstrumentSnapshots).
        var version = await db.InstrumentVersions
            .Where(v => v.StudyId == study.Id && v.Audience == audience && v.IsCurrent)
            .Select(v => new CurrentVersion(v.Id, v.Sha256))
            .SingleOrDefaultAsync(ct);
        return (study, version);
    }

    private static async Task<Instrument> InstrumentOfAsync(CoproSurveyDbContext db, CurrentVersion version, CancellationToken ct) =>
        InstrumentSnapshots.TryGet(version.Sha256)
        ?? InstrumentSnapshots.Get(version.Sha256, await ResponseQueries.For(db).VersionJson(db, version.Id, ct));

    private sealed record CurrentVersion(int Id, string Sha256);

    private static async Task<int?> FindResponseIdAsync(CoproSurveyDbContext db, string accessToken, CancellationToken ct)
    {
        if (!AccessTokens.IsWellFormed(accessToken))
        {
            return null;
        }

        var hash = AccessTokens.Hash(accessToken);
        return await db.ResponseAccessTokens.Where(t => t.TokenHash == hash).Select(t => (int?)t.ResponseId).SingleOrDefaultAsync(ct);
    }

    private static async Task<LoadedResponse?> LoadAsync(CoproSurveyDbContext db, string accessToken, bool tracking, CancellationToken ct)
    {
        if (!AccessTokens.IsWellFormed(accessToken))
        {
            return null;
        }

        await OpenOnceAsync(db, ct);
        var hash = AccessTokens.Hash(accessToken);
        var queries = ResponseQueries.For(db);
        var response = tracking ? await queries.TrackedResponseByToken(db, hash, ct) : await queries.ResponseByToken(db, hash, ct);
        if (response is null)
        {
            return null;
        }

        var study = await queries.StudyHeaderById(db, response.StudyId, ct);
        var source = await SourceInstrumentAsync(db, response.InstrumentSha256, response.InstrumentVersionId, ct);
        // Codes, values and routing are the same in every language: only the texts shown differ.
        var instrument = await TranslatedAsync(db, source, response.TranslationSha256, ct);
        var submitted = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var section in queries.SubmittedSections(db, response.Id).WithCancellation(ct))
        {
            submitted.Add(section);
        }

        return new LoadedResponse(response, study, instrument, response.AnswerValues(instrument), submitted) { Source = source };
    }

    /// <summary>
    /// Keeps one connection open for the few queries of a request (the context closes it when disposed). Otherwise
    /// EF opens and closes one per query: on SQLite each open registers the provider's functions again, and on
    /// PostgreSQL each return of a connection to the pool is work for the pool (and for the server, where the
    /// connection string asks for the session reset).
    /// </summary>
    private static Task OpenOnceAsync(CoproSurveyDbContext db, CancellationToken ct) => db.Database.OpenConnectionAsync(ct);

    /// <summary>
    /// The instrument a response was given, in its source language: parsed once per version and kept, so the version's
    /// canonical JSON is read only the first time. The response carries the version's SHA-256, so no query finds it.
    /// </summary>
    private static async Task<Instrument> SourceInstrumentAsync(CoproSurveyDbContext db, string sha256, int versionId, CancellationToken ct) =>
        InstrumentSnapshots.TryGet(sha256)
        ?? InstrumentSnapshots.Get(sha256, await ResponseQueries.For(db).VersionJson(db, versionId, ct));

    private static (RespondentContext Clean, List<FieldError> Errors) ValidateContext(Study study, RespondentContext context)
    {
        var errors = new List<FieldError>();
        var country = Blank(context.Country);
        var field = Blank(context.PolicyField);
        var unit = Blank(context.ServiceUnit);
        var language = Blank(context.Language) ?? "en";
        if (country is null ? study.Countries.Count > 0 : study.Countries.All(c => c.Code != country))
        {
            errors.Add(new FieldError(nameof(RespondentContext.Country), "Please choose your country from the list."));
        }

        if (field is null ? study.PolicyFields.Count > 0 : study.PolicyFields.All(f => f.Code != field))
        {
            errors.Add(new FieldError(nameof(RespondentContext.PolicyField), "Please choose your policy field from the list."));
        }

        if (unit is not null && !ServiceUnit.IsWellFormed(unit))
        {
            errors.Add(new FieldError(nameof(RespondentContext.ServiceUnit), MalformedServiceUnitMessage));
        }
        else if (unit is not null && study.Countries.Any(c => c.ServiceUnits.Count > 0)
                 && study.Countries.FirstOrDefault(c => c.Code == country)?.ServiceUnits.Any(u => u.Code == unit) != true)
        {
            errors.Add(new FieldError(nameof(RespondentContext.ServiceUnit), UnlistedServiceUnitMessage));
        }

        if (!LanguagePattern().IsMatch(language))
        {
            errors.Add(new FieldError(nameof(RespondentContext.Language), "Please choose a language from the list."));
        }

        return (new RespondentContext(country, field, unit, language), errors);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A write that lost a race with another and is to be tried again on what the other stored: a unique violation
    /// (a resume code drawn twice, an answer inserted twice), or on PostgreSQL a serialization failure or deadlock.
    /// </summary>
    internal static bool IsRetryable(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: 19 }
        || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
        // EF wraps the provider's exception in DbUpdateException, and Npgsql's execution strategy wraps a transient
        // failure once more in InvalidOperationException.
        || (ex is DbUpdateException or InvalidOperationException && ex.InnerException is { } inner && IsRetryable(inner));

    /// <summary>True for a service unit respondents' links and imported data may carry.</summary>
    internal static bool IsWellFormedServiceUnit(string unit) => ServiceUnit.IsWellFormed(unit);

    /// <summary>True for a language tag as responses store it (<c>en</c>, <c>nl-BE</c>).</summary>
    internal static bool IsWellFormedLanguage(string language) => LanguagePattern().IsMatch(language);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();

    private sealed record LoadedResponse(
        Response Response,
        StudyHeader Study,
        Instrument Instrument,
        IReadOnlyDictionary<string, AnswerValue> Answers,
        IReadOnlySet<string> Submitted)
    {
        /// <summary>The instrument in its source language (<see cref="Instrument"/> is in the response's language).</summary>
        public required Instrument Source { get; init; }

        public ResponseProgress Progress() => new(Instrument, Answers, Submitted);
    }
}
