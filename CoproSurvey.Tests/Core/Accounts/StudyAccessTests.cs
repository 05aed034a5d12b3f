using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Accounts;

public sealed class StudyAccessTests : IAsyncLifetime
{
    private readonly AccountServices services = new();

    public async Task InitializeAsync()
    {
        await services.AddStudyAsync("alpha", "Alpha study");
        await services.AddStudyAsync("beta", "Beta study");
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task Grant_IsNull_ForAStudyTheResearcherIsNotIn()
    {
        var ana = await services.AddResearcherAsync("ana@example.org", false, ("alpha", StudyRole.Analyst));

        var alpha = await services.Access.GrantAsync(ana, "alpha", default);
        var beta = await services.Access.GrantAsync(ana, "beta", default);
        var missing = await services.Access.GrantAsync(ana, "gamma", default);

        Assert.Equal(StudyRole.Analyst, alpha!.Role);
        Assert.True(alpha.Allows(StudyRole.Viewer));
        Assert.False(alpha.Allows(StudyRole.Owner));
        Assert.Null(beta);
        Assert.Null(missing);
        Assert.Equal(["alpha"], (await services.Access.StudiesForAsync(ana, default)).Select(s => s.Key));
    }

    [Fact]
    public async Task Administrator_HasAnOwnersGrant_OnEveryStudy()
    {
        var admin = await services.AddResearcherAsync("admin@example.org", isAdmin: true);

        var grant = await services.Access.GrantAsync(admin, "beta", default);

        Assert.Equal(StudyRole.Owner, grant!.Role);
        Assert.True(grant.ViaAdmin);
        Assert.Equal(["alpha", "beta"], (await services.Access.StudiesForAsync(admin, default)).Select(s => s.Key));
    }

    [Fact]
    public async Task DisabledResearcher_HasNoGrantAnywhere()
    {
        var ana = await services.AddResearcherAsync("ana@example.org", true, ("alpha", StudyRole.Owner));

        await services.Accounts.SetDisabledAsync(ana, true, Actor.CommandLine, default);

        Assert.Null(await services.Access.GrantAsync(ana, "alpha", default));
        Assert.Empty(await services.Access.StudiesForAsync(ana, default));
        Assert.False(await services.Access.IsAdminAsync(ana, default));
    }

    [Fact]
    public async Task Members_AreManagedByOwnersOnly_AndTheLastOwnerStays()
    {
        var owner = await services.AddResearcherAsync("owner@example.org", false, ("alpha", StudyRole.Owner));
        var viewer = await services.AddResearcherAsync("viewer@example.org", false, ("alpha", StudyRole.Viewer));
        await services.AddResearcherAsync("new@example.org");
        var ownerGrant = (await services.Access.GrantAsync(owner, "alpha", default))!;
        var viewerGrant = (await services.Access.GrantAsync(viewer, "alpha", default))!;
        var actor = new Actor(owner, "owner@example.org");

        var byViewer = await services.Access.SetMemberAsync(viewerGrant, "new@example.org", StudyRole.Owner, new Actor(viewer, "viewer@example.org"), default);
        var added = await services.Access.SetMemberAsync(ownerGrant, "new@example.org", StudyRole.Analyst, actor, default);
        var unknown = await services.Access.SetMemberAsync(ownerGrant, "nobody@example.org", StudyRole.Analyst, actor, default);
        var demoteLast = await services.Access.SetMemberAsync(ownerGrant, "owner@example.org", StudyRole.Viewer, actor, default);
        var removeLast = await services.Access.RemoveMemberAsync(ownerGrant, owner, actor, default);
        var removeViewer = await services.Access.RemoveMemberAsync(ownerGrant, viewer, actor, default);

        Assert.False(byViewer.Success);
        Assert.True(added.Success);
        Assert.Contains("No researcher", unknown.Error);
        Assert.Equal(StudyAccess.LastOwnerMessage, demoteLast.Error);
        Assert.Equal(StudyAccess.LastOwnerMessage, removeLast.Error);
        Assert.True(removeViewer.Success);
        Assert.Equal(
            [("owner@example.org", StudyRole.Owner), ("new@example.org", StudyRole.Analyst)],
            (await services.Access.MembersAsync(ownerGrant, default)).Select(m => (m.Email, m.Role)));
        await using var db = services.CreateContext();
        var log = await db.AuditEvents.Where(e => e.StudyId == ownerGrant.StudyId && e.Actor == "owner@example.org").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditActions.MemberAdded, AuditActions.MemberRemoved], log.Select(e => e.Action));
        Assert.Equal("new@example.org", log[0].Subject);
        Assert.Equal("role analyst", log[0].Detail);
    }

    [Fact]
    public async Task OwnersByStudy_ListsEachStudysOwners()
    {
        await services.AddResearcherAsync("b-owner@example.org", false, ("alpha", StudyRole.Owner), ("beta", StudyRole.Owner));
        await services.AddResearcherAsync("a-owner@example.org", false, ("alpha", StudyRole.Owner));
        await services.AddResearcherAsync("analyst@example.org", false, ("beta", StudyRole.Analyst));

        var owners = await services.Access.OwnersByStudyAsync(default);

        Assert.Equal(["a-owner@example.org", "b-owner@example.org"], owners["alpha"]);
        Assert.Equal(["b-owner@example.org"], owners["beta"]);
    }

    [Fact]
    public async Task AuditLog_RefusesUpdatesAndDeletes()
    {
        await services.AddResearcherAsync("ana@example.org", false, ("alpha", StudyRole.Owner));
        await using var db = services.CreateContext();
        var count = await db.AuditEvents.CountAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEvents SET Actor = 'someone else'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEvents"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.Equal(count, await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task AuditCsv_HasOneRowPerEntry_WithFormulaCellsEscaped()
    {
        var owner = await services.AddResearcherAsync("owner@example.org", false, ("alpha", StudyRole.Owner));
        var grant = (await services.Access.GrantAsync(owner, "alpha", default))!;
        var log = services.Get<AuditLog>();
        await log.RecordAsync(AuditActions.Export, "owner@example.org", owner, grant.StudyId, "=HYPERLINK(\"http://x\")", "3 files, \"quoted\"");

        await using var writer = new StringWriter();
        await log.WriteCsvAsync(grant.StudyId, writer, default);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("id,time_utc,action,actor,subject,detail", lines[0]);
        Assert.Equal(3, lines.Count); // the membership added by the test set-up, and the export
        Assert.Contains(",member.added,command line,owner@example.org,role owner", lines[1]);
        Assert.Matches(@"^\d+,2026-03-02T09:30:00Z,export,", lines[2]);
        Assert.DoesNotContain(",=HYPERLINK", lines[2]);
        Assert.Contains("\"3 files, \"\"quoted\"\"\"", lines[2]);
    }
}
