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
    public Func<CoproSurveyDbContext, string, CancellationToken, Task<Response?>> ResponseByToken { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, string hash, CancellationToken ct) =>
            db.Responses.AsNoTracking().Include(r => r.Answers)
                .SingleOrDefault(r => db.ResponseAccessTokens.Any(t => t.TokenHash == hash && t.ResponseId == r.Id)));

    /// <summary>As <see cref="ResponseByToken"/>, tracked for a change.</summary>
    public Func<CoproSurveyDbContext, string, CancellationToken, Task<Response?>> TrackedResponseByToken { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, string hash, CancellationToken ct) =>
            db.Responses.Include(r => r.Answers)
                .SingleOrDefault(r => db.ResponseAccessTokens.Any(t => t.TokenHash == hash && t.ResponseId == r.Id)));

    public Func<CoproSurveyDbContext, int, CancellationToken, Task<Study>> StudyById { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, int id, CancellationToken ct) => db.Studies.AsNoTracking().Single(s => s.Id == id));

    public Func<CoproSurveyDbContext, int, CancellationToken, Task<string>> VersionSha256 { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, int id, CancellationToken ct) =>
            db.InstrumentVersions.Where(v => v.Id == id).Select(v => v.Sha256).Single());

    /// <summary>Read only when the version's instrument is not parsed yet (see <see cref="InstrumentSnapshots"/>).</summary>
    public Func<CoproSurveyDbContext, int, CancellationToken, Task<string>> VersionJson { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, int id, CancellationToken ct) =>
            db.InstrumentVersions.Where(v => v.Id == id).Select(v => v.CanonicalJson).Single());

    /// <summary>The sections of a response's submitted pages.</summary>
    public Func<CoproSurveyDbContext, int, IAsyncEnumerable<string>> SubmittedSections { get; } =
        EF.CompileAsyncQuery((CoproSurveyDbContext db, int id) =>
            db.PageEvents.Where(e => e.ResponseId == id && e.Kind == PageEventKind.Submitted).Select(e => e.SectionCode).Distinct());
}
