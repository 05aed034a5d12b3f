using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using CoproSurvey.Core.Accounts;
using CoproSurvey.App.Exports;
using CoproSurvey.Core.Audit;

namespace CoproSurvey.App.Accounts;

/// <summary>Researcher endpoints that are not pages: signing out, file downloads. Each checks the study grant itself.</summary>
public static class ResearchEndpoints
{
    public static IEndpointRouteBuilder MapResearchEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with an antiforgery token, checked here: a page left open past its token's life is shown again
        // (with a fresh token) rather than answered with a bare 400.
        app.MapPost(ResearcherAuthentication.SignOutPath, async (ClaimsPrincipal user, ResearcherSignIn signIn, IAntiforgery antiforgery, HttpContext http) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.LocalRedirect(ResearcherAuthentication.ResearchPath);
            }

            await signIn.SignOutAsync(user.ResearcherId(), user.Identity?.Name, http.RequestAborted);
            return Results.LocalRedirect(ResearcherAuthentication.SignInPath + "?signedOut=1");
        }).DisableAntiforgery();

        var research = app.MapGroup(ResearcherAuthentication.ResearchPath).RequireAuthorization();
        research.MapGet("/studies/{studyKey}/audit.csv", DownloadAuditAsync);
        research.MapGet("/studies/{studyKey}/exports/{id}", DownloadExportAsync);
        return app;
    }

    /// <summary>A bundle prepared on the export page: only for the researcher who prepared it, while they are still an analyst or owner.</summary>
    private static async Task<IResult> DownloadExportAsync(
        string studyKey, string id, ClaimsPrincipal user, StudyAccess access, PreparedExports prepared, HttpContext http)
    {
        var researcherId = user.ResearcherId();
        var grant = researcherId is null ? null : await access.GrantAsync(researcherId, studyKey, http.RequestAborted);
        if (grant is null || !grant.Allows(StudyRole.Analyst) || prepared.Find(id, researcherId!, grant.StudyId) is not { } export)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.PhysicalFile(export.Path, "application/zip", export.FileName);
    }

    private static async Task<IResult> DownloadAuditAsync(
        string studyKey, ClaimsPrincipal user, StudyAccess access, AuditLog audit, HttpContext http)
    {
        var grant = user.ResearcherId() is { } id ? await access.GrantAsync(id, studyKey, http.RequestAborted) : null;
        if (grant is null || !grant.Allows(StudyRole.Owner))
        {
            return TypedResults.NotFound();
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{grant.StudyKey}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await audit.WriteCsvAsync(grant.StudyId, writer, http.RequestAborted);
        return TypedResults.Empty;
    }
}
