using System.Runtime.CompilerServices;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoproSurvey.Core.Responses;

/// <summary>
/// The queries of every page view and post, compiled once (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>)
/// rather than turned from LINQ into SQL on each request.
/// </summary>
/// <remarks>
/// A compiled query binds to the first model it runs with, and refuses any other; the platform has one model, but a
/// test run builds several, so each model gets its own set.
/// </remarks>
internal sealed class ResponseQueries
{
    private static readonly ConditionalWeakTable<IModel, ResponseQueries> ByModel = [];

    public static ResponseQueries For(CoproSurveyDbContext db) => ByModel.GetValue(db.Model, _ => new ResponseQueries());

    /// <summary>The response opened by an access token's hash, with its answers, not tracked.</summary>
    /// <remarks>
    /// Every query by token finds the response's id first, in an uncorrelated subquery (null for an unknown hash), and
    /// then the response by its key. Written as <c>EXISTS</c> over the tokens, the query would have SQLite scan every
    /// response and search the tokens once per row, a cost that grows with the study (see RespondentQueryPlanTests).
    /// </remarks>
    public Func<CoproSurveyDbContext, string, CancellationToken, Task<Response?>> ResponseByToken { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, string hash, CancellationToken ct) =>
            db.Responses.AsNoTracking().Include(r => r.Answers)
                .SingleOrDefault(r => r.Id == db.ResponseAccessTokens.Where(t => t.TokenHash == hash).Select(t => t.ResponseId).FirstOrDefault()));

    /// <summary>As <see cref="ResponseByToken"/>, tracked for a change.</summary>
    public Func<CoproSurveyDbContext, string, CancellationToken, Task<Response?>> TrackedResponseByToken { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, string hash, CancellationToken ct) =>
            db.Responses.Include(r => r.Answers)
                .SingleOrDefault(r => r.Id == db.ResponseAccessTokens.Where(t => t.TokenHash == hash).Select(t => t.ResponseId).FirstOrDefault()));

    /// <summary>
    /// What a respondent page needs of its study: not the countries, units and consent texts, whose JSON would be
    /// parsed on every request for nothing.
    /// </summary>
    public Func<CoproSurveyDbContext, int, CancellationToken, Task<StudyHeader>> StudyHeaderById { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, int id, CancellationToken ct) =>
            db.Studies.Where(s => s.Id == id).Select(s => new StudyHeader(s.Key, s.Status, s.Languages)).Single());

    /// <summary>The few columns of the response an access token's hash opens that choose its page's language; not its answers.</summary>
    public Func<CoproSurveyDbContext, string, CancellationToken, Task<ResponseLanguageRow?>> LanguageByToken { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, string hash, CancellationToken ct) =>
            db.Responses
                .Where(r => r.Id == db.ResponseAccessTokens.Where(t => t.TokenHash == hash).Select(t => t.ResponseId).FirstOrDefault())
                .Select(r => new ResponseLanguageRow(r.StudyId, r.InstrumentVersionId, r.InstrumentSha256, r.Language, r.CompletedAt != null))
                .SingleOrDefault());

    /// <summary>The languages of an instrument version's current translations, with their SHA-256.</summary>
    public Func<CoproSurveyDbContext, int, IAsyncEnumerable<CurrentTranslation>> CurrentTranslations { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, int versionId) =>
            db.TranslationVersions
                .Where(t => t.InstrumentVersionId == versionId && t.IsCurrent)
                .Select(t => new CurrentTranslation(t.Language, t.Sha256)));

    /// <summary>Read only when the version's instrument is not parsed yet (see <see cref="InstrumentSnapshots"/>).</summary>
    public Func<CoproSurveyDbContext, int, CancellationToken, Task<string>> VersionJson { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, int id, CancellationToken ct) =>
            db.InstrumentVersions.Where(v => v.Id == id).Select(v => v.CanonicalJson).Single());

    /// <summary>The sections of a response's submitted pages.</summary>
    public Func<CoproSurveyDbContext, int, IAsyncEnumerable<string>> SubmittedSections { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, int id) =>
            db.PageEvents.Where(e => e.ResponseId == id && e.Kind == PageEventKind.Submitted).Select(e => e.SectionCode).Distinct());
}

/// <summary>A study as a respondent page sees it (see <see cref="ResponseQueries.StudyHeaderById"/>).</summary>
internal sealed record StudyHeader(string Key, StudyStatus Status, IReadOnlyList<string> Languages)
{
    public bool IsOpen => Status == StudyStatus.Open;
}

internal sealed record ResponseLanguageRow(int StudyId, int InstrumentVersionId, string InstrumentSha256, string Language, bool Completed);

internal sealed record CurrentTranslation(string Language, string Sha256);
