using System.Security.Claims;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;

namespace CoproSurvey.App.Accounts;

/// <summary>Researcher endpoints that are not pages: signing out, file downloads. Each checks the study grant itself.</summary>
public static class ResearchEndpoints
{
    public static IEndpointRouteBuilder MapResearchEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post: minimal APIs check the antiforgery token of endpoints that read a form.
        app.MapPost(ResearcherAuthentication.SignOutPath, async (IFormCollection form, ClaimsPrincipal user, ResearcherSignIn signIn, HttpContext http) =>
        {
            await signIn.SignOutAsync(user.ResearcherId(), user.Identity?.Name, http.RequestAborted);
            return TypedResults.LocalRedirect(ResearcherAuthentication.SignInPath + "?signedOut=1");
        });

        var research = app.MapGroup(ResearcherAuthentication.ResearchPath).RequireAuthorization();
        research.MapGet("/studies/{studyKey}/audit.csv", DownloadAuditAsync);
        return app;
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
