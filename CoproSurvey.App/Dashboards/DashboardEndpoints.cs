using System.Security.Claims;
using System.Text;
using CoproSurvey.App.Accounts;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Dashboards;

namespace CoproSurvey.App.Dashboards;

/// <summary>
/// Downloads of the dashboards' tables as CSV, with the same filter and the same small-cell suppression as the page:
/// <c>/research/studies/{studyKey}/dashboard/{view}.csv?table=NAME&amp;...filter</c>. A researcher without a role in
/// the study gets 404, as for the pages.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var research = app.MapGroup(ResearcherAuthentication.ResearchPath).RequireAuthorization();
        research.MapGet("/studies/{studyKey}/dashboard/overview.csv", DownloadOverviewAsync);
        return app;
    }

    private static async Task<IResult> DownloadOverviewAsync(
        string studyKey, string? table, ClaimsPrincipal user, StudyAccess access, OverviewQueries queries, HttpContext http)
    {
        var grant = user.ResearcherId() is { } id ? await access.GrantAsync(id, studyKey, http.RequestAborted) : null;
        if (grant is null || !grant.Allows(StudyRole.Viewer))
        {
            return TypedResults.NotFound();
        }

        var name = string.IsNullOrEmpty(table) ? OverviewTables.Names[0] : table;
        if (!OverviewTables.Names.Contains(name))
        {
            return TypedResults.NotFound();
        }

        var filter = DashboardQuery.Parse(http.Request.Query);
        var overview = await queries.OverviewAsync(grant.StudyId, filter, http.RequestAborted);
        return await WriteAsync(http, $"{grant.StudyKey}-overview-{name}.csv", OverviewTables.Table(overview, name)!);
    }

    private static async Task<IResult> WriteAsync(HttpContext http, string fileName, DashboardTable table)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        http.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await table.WriteCsvAsync(writer, http.RequestAborted);
        return TypedResults.Empty;
    }
}
