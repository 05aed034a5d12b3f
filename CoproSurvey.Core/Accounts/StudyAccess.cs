using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Accounts;

/// <summary>A study a researcher may open, with their role in it (administrators have an owner's rights everywhere).</summary>
public sealed record StudyGrant(int StudyId, string StudyKey, string StudyTitle, StudyRole Role, bool ViaAdmin)
{
    public bool Allows(StudyRole needed) => Role >= needed;
}

/// <summary>A study in a researcher's list, with its response counts.</summary>
public sealed record ResearcherStudy(
    string Key, string Title, bool IsOpen, StudyRole Role, bool ViaAdmin, IReadOnlyList<Audience> Audiences, int Completed, int InProgress);

/// <summary>A member of a study as its owners see them.</summary>
public sealed record StudyMember(string ResearcherId, string Email, StudyRole Role, bool IsDisabled, DateTimeOffset AddedAt);

/// <summary>Outcome of a membership change: null error on success.</summary>
public sealed record MembershipResult(string? Error)
{
    public static readonly MembershipResult Ok = new((string?)null);

    public bool Success => Error is null;
}

/// <summary>
/// Who may see which study, checked on the server for every researcher page, endpoint and download: a researcher
/// without a role in a study gets no grant (the pages answer 404), a disabled account gets none anywhere.
/// </summary>
public sealed class StudyAccess(IDbContextFactory<CoproSurveyDbContext> contextFactory, TimeProvider time)
{
    public const string LastOwnerMessage = "A study needs at least one owner: make someone else owner first.";

    /// <summary>The researcher's grant on the study, or null when they may not see it (or the study does not exist).</summary>
    public async Task<StudyGrant?> GrantAsync(string researcherId, string studyKey, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var who = await db.Users.AsNoTracking().Where(u => u.Id == researcherId).Select(u => new { u.IsAdmin, u.IsDisabled }).SingleOrDefaultAsync(ct);
        if (who is null || who.IsDisabled)
        {
            return null;
        }

        var study = await db.Studies.AsNoTracking().Where(s => s.Key == studyKey).Select(s => new { s.Id, s.Key, s.Title }).SingleOrDefaultAsync(ct);
        if (study is null)
        {
            return null;
        }

        var role = await db.StudyMemberships.AsNoTracking()
            .Where(m => m.StudyId == study.Id && m.ResearcherId == researcherId)
            .Select(m => (StudyRole?)m.Role)
            .SingleOrDefaultAsync(ct);
        return role is { } member
            ? new StudyGrant(study.Id, study.Key, study.Title, member, ViaAdmin: false)
            : who.IsAdmin ? new StudyGrant(study.Id, study.Key, study.Title, StudyRole.Owner, ViaAdmin: true) : null;
    }

    /// <summary>A study's id, key and title by key; null when there is no such study.</summary>
    public async Task<(int Id, string Key, string Title)?> StudyByKeyAsync(string studyKey, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().Where(s => s.Key == studyKey).Select(s => new { s.Id, s.Key, s.Title }).SingleOrDefaultAsync(ct);
        return study is null ? null : (study.Id, study.Key, study.Title);
    }

    /// <summary>Whether the researcher is an enabled platform administrator.</summary>
    public async Task<bool> IsAdminAsync(string researcherId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.Id == researcherId && u.IsAdmin && !u.IsDisabled, ct);
    }

    /// <summary>The studies the researcher may open, ordered by title: theirs, or all for an administrator.</summary>
    public async Task<IReadOnlyList<ResearcherStudy>> StudiesForAsync(string researcherId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var who = await db.Users.AsNoTracking().Where(u => u.Id == researcherId).Select(u => new { u.IsAdmin, u.IsDisabled }).SingleOrDefaultAsync(ct);
        if (who is null || who.IsDisabled)
        {
            return [];
        }

        var rows = await db.Studies.AsNoTracking()
            .Select(s => new
            {
                Study = s,
                Role = db.StudyMemberships.Where(m => m.StudyId == s.Id && m.ResearcherId == researcherId).Select(m => (StudyRole?)m.Role).FirstOrDefault(),
                Completed = db.Responses.Count(r => r.StudyId == s.Id && r.CompletedAt != null),
                InProgress = db.Responses.Count(r => r.StudyId == s.Id && r.CompletedAt == null),
            })
            .Where(s => who.IsAdmin || s.Role != null)
            .ToListAsync(ct);
        return rows
            .Select(r => new ResearcherStudy(
                r.Study.Key, r.Study.Title, r.Study.IsOpen, r.Role ?? StudyRole.Owner, r.Role is null, r.Study.Audiences, r.Completed, r.InProgress))
            .OrderBy(s => s.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<IReadOnlyList<StudyMember>> MembersAsync(StudyGrant grant, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.StudyMemberships.AsNoTracking()
            .Where(m => m.StudyId == grant.StudyId)
            .Join(db.Users, m => m.ResearcherId, u => u.Id, (m, u) => new { m.ResearcherId, u.Email, m.Role, u.IsDisabled, m.AddedAt })
            .ToListAsync(ct);
        return rows
            .Select(r => new StudyMember(r.ResearcherId, r.Email!, r.Role, r.IsDisabled, r.AddedAt))
            .OrderByDescending(m => m.Role).ThenBy(m => m.Email, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The owners of every study, by study key (for administrators' overview).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> OwnersByStudyAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.StudyMemberships.AsNoTracking()
            .Where(m => m.Role == StudyRole.Owner)
            .Join(db.Studies, m => m.StudyId, s => s.Id, (m, s) => new { m.ResearcherId, s.Key })
            .Join(db.Users, x => x.ResearcherId, u => u.Id, (x, u) => new { x.Key, u.Email })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Email!).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Gives an existing researcher a role in the study, or changes it. Owners (and administrators) only.</summary>
    public async Task<MembershipResult> SetMemberAsync(StudyGrant grant, string email, StudyRole role, Actor actor, CancellationToken ct)
    {
        if (!grant.Allows(StudyRole.Owner))
        {
            return new MembershipResult("Only the study's owners can change its members.");
        }

        var normalized = ResearcherEmails.Normalize(email);
        if (normalized is null)
        {
            return new MembershipResult("Please enter an e-mail address.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var researcherId = await db.Users.Where(u => u.Email == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (researcherId is null)
        {
            return new MembershipResult($"No researcher has the e-mail address {normalized}. A platform administrator adds researchers first.");
        }

        var now = time.GetUtcNow();
        var membership = await db.StudyMemberships.SingleOrDefaultAsync(m => m.StudyId == grant.StudyId && m.ResearcherId == researcherId, ct);
        if (membership is null)
        {
            db.StudyMemberships.Add(StudyMembership.Create(grant.StudyId, researcherId, role, now));
            db.AuditEvents.Add(AuditEvent.Create(AuditActions.MemberAdded, actor.Name, now, actor.ResearcherId, grant.StudyId, normalized, $"role {Name(role)}"));
        }
        else if (membership.Role != role)
        {
            if (membership.Role == StudyRole.Owner && await IsLastOwnerAsync(db, grant.StudyId, ct))
            {
                return new MembershipResult(LastOwnerMessage);
            }

            var before = membership.Role;
            membership.ChangeRole(role);
            db.AuditEvents.Add(AuditEvent.Create(
                AuditActions.MemberRoleChanged, actor.Name, now, actor.ResearcherId, grant.StudyId, normalized, $"role {Name(before)} -> {Name(role)}"));
        }
        else
        {
            return MembershipResult.Ok;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return MembershipResult.Ok;
    }

    /// <summary>Removes a researcher from the study; the last owner stays. Owners (and administrators) only.</summary>
    public async Task<MembershipResult> RemoveMemberAsync(StudyGrant grant, string researcherId, Actor actor, CancellationToken ct)
    {
        if (!grant.Allows(StudyRole.Owner))
        {
            return new MembershipResult("Only the study's owners can change its members.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var membership = await db.StudyMemberships.SingleOrDefaultAsync(m => m.StudyId == grant.StudyId && m.ResearcherId == researcherId, ct);
        if (membership is null)
        {
            return MembershipResult.Ok;
        }

        if (membership.Role == StudyRole.Owner && await IsLastOwnerAsync(db, grant.StudyId, ct))
        {
            return new MembershipResult(LastOwnerMessage);
        }

        var email = await db.Users.Where(u => u.Id == researcherId).Select(u => u.Email).SingleAsync(ct);
        db.StudyMemberships.Remove(membership);
        db.AuditEvents.Add(AuditEvent.Create(
            AuditActions.MemberRemoved, actor.Name, time.GetUtcNow(), actor.ResearcherId, grant.StudyId, email, $"was {Name(membership.Role)}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return MembershipResult.Ok;
    }

    /// <summary>The lower-case name of a role as pages and the log show it.</summary>
    public static string Name(StudyRole role) => role.ToString().ToLowerInvariant();

    private static async Task<bool> IsLastOwnerAsync(CoproSurveyDbContext db, int studyId, CancellationToken ct) =>
        await db.StudyMemberships.CountAsync(m => m.StudyId == studyId && m.Role == StudyRole.Owner, ct) <= 1;
}
