using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Core.Accounts;

/// <summary>Who changes an account or a membership, as the audit log names them.</summary>
/// <param name="ResearcherId">The acting researcher; null for the command line or the platform.</param>
/// <param name="Name">An e-mail address, or "command line".</param>
public sealed record Actor(string? ResearcherId, string Name)
{
    public static readonly Actor CommandLine = new(null, "command line");

    public static readonly Actor Platform = new(null, "platform");
}

/// <summary>A one-time setup token (shown once, never stored) and when it stops working.</summary>
public sealed record SetupLinkToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Outcome of adding a researcher: the setup token, or why not.</summary>
public sealed record AddResearcherResult(SetupLinkToken? Link, string? Error)
{
    public bool Success => Link is not null;
}

/// <summary>What a setup link is for: an existing researcher's password, or the first administrator (no e-mail yet).</summary>
public sealed record SetupInvitation(string? Email, DateTimeOffset ExpiresAt)
{
    public bool IsFirstAdmin => Email is null;
}

/// <summary>Outcome of setting a password from a setup link.</summary>
public sealed record SetupResult(string? Email, IReadOnlyList<string> Errors)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>A researcher as the administrator's list shows them.</summary>
public sealed record ResearcherSummary(
    string Id, string Email, bool IsAdmin, bool IsDisabled, bool HasPassword, DateTimeOffset CreatedAt, int StudyCount);

/// <summary>
/// Researcher accounts: adding researchers with a one-time setup link (no default password anywhere), the first
/// administrator's link, setting passwords, disabling. Every change is in the audit log. One scope (and so one
/// context) per operation, since researcher pages call this from long-lived circuits.
/// </summary>
public sealed class ResearcherAccounts(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string InvalidLinkMessage = "This link is not valid: it may have been used already or be older than 24 hours. Ask a platform administrator for a new one.";

    public async Task<AddResearcherResult> AddAsync(string email, bool isAdmin, Actor actor, CancellationToken ct)
    {
        var normalized = ResearcherEmails.Normalize(email);
        if (normalized is null)
        {
            return new AddResearcherResult(null, $"'{email}' is not an e-mail address.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Resolve(scope);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await users.FindByEmailAsync(normalized) is not null)
        {
            return new AddResearcherResult(null, $"A researcher with the e-mail address {normalized} already exists.");
        }

        var now = time.GetUtcNow();
        var researcher = Researcher.Create(normalized, isAdmin, now);
        var created = await users.CreateAsync(researcher);
        if (!created.Succeeded)
        {
            return new AddResearcherResult(null, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var link = AddToken(db, researcher.Id, now);
        db.AuditEvents.Add(AuditEvent.Create(
            AuditActions.ResearcherAdded, actor.Name, now, actor.ResearcherId, subject: normalized, detail: isAdmin ? "role admin" : "role researcher"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AddResearcherResult(link, null);
    }

    /// <summary>A new setup link for an existing researcher (a forgotten password, an expired link); null for an unknown id.</summary>
    public async Task<SetupLinkToken?> IssueSetupLinkAsync(string researcherId, Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, db) = Resolve(scope);
        var email = await db.Users.Where(u => u.Id == researcherId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var link = AddToken(db, researcherId, now);
        db.AuditEvents.Add(AuditEvent.Create(AuditActions.ResearcherSetupLinkIssued, actor.Name, now, actor.ResearcherId, subject: email));
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>While no researcher exists: a link where the first administrator gives an e-mail address and a password.</summary>
    public async Task<SetupLinkToken?> IssueFirstAdminLinkAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, db) = Resolve(scope);
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }

        var link = AddToken(db, null, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>What a setup link is for; null when the token is unknown, used or expired.</summary>
    public async Task<SetupInvitation?> GetInvitationAsync(string? token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, db) = Resolve(scope);
        var setup = await FindUsableAsync(db, token, ct);
        if (setup is null)
        {
            return null;
        }

        var email = setup.ResearcherId is null
            ? null
            : await db.Users.Where(u => u.Id == setup.ResearcherId).Select(u => u.Email).SingleAsync(ct);
        return new SetupInvitation(email, setup.ExpiresAt);
    }

    /// <summary>
    /// Sets the password of the link's researcher (or creates the first administrator with <paramref name="firstAdminEmail"/>),
    /// uses the link up and ends the researcher's other sessions. Nothing changes when the password is refused.
    /// </summary>
    public async Task<SetupResult> CompleteSetupAsync(string? token, string? firstAdminEmail, string password, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Resolve(scope);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var setup = await FindUsableAsync(db, token, ct);
        if (setup is null)
        {
            return new SetupResult(null, [InvalidLinkMessage]);
        }

        var now = time.GetUtcNow();
        Researcher researcher;
        if (setup.IsFirstAdmin)
        {
            if (await db.Users.AnyAsync(ct))
            {
                return new SetupResult(null, ["The first administrator has already been set up. Ask them to add you."]);
            }

            var email = ResearcherEmails.Normalize(firstAdminEmail);
            if (email is null)
            {
                return new SetupResult(null, ["Please enter your e-mail address."]);
            }

            researcher = Researcher.Create(email, isAdmin: true, now);
            var created = await users.CreateAsync(researcher, password);
            if (!created.Succeeded)
            {
                return new SetupResult(null, created.Errors.Select(e => e.Description).ToList());
            }

            db.AuditEvents.Add(AuditEvent.Create(AuditActions.ResearcherAdded, email, now, researcher.Id, subject: email, detail: "first administrator"));
            // Any other first-administrator link dies with this one.
            foreach (var other in await db.SetupTokens.Where(t => t.ResearcherId == null && t.UsedAt == null).ToListAsync(ct))
            {
                other.Use(now);
            }
        }
        else
        {
            researcher = await users.FindByIdAsync(setup.ResearcherId!) ?? throw new InvalidOperationException("The setup link's researcher is gone.");
            var errors = await ValidatePasswordAsync(users, researcher, password);
            if (errors.Count > 0)
            {
                return new SetupResult(null, errors);
            }

            if (await users.HasPasswordAsync(researcher))
            {
                await users.RemovePasswordAsync(researcher);
            }

            var added = await users.AddPasswordAsync(researcher, password);
            if (!added.Succeeded)
            {
                return new SetupResult(null, added.Errors.Select(e => e.Description).ToList());
            }

            // Sessions signed in with the old password end; a lockout from failed attempts is lifted.
            await users.UpdateSecurityStampAsync(researcher);
            await users.SetLockoutEndDateAsync(researcher, null);
            await users.ResetAccessFailedCountAsync(researcher);
        }

        setup.Use(now);
        db.AuditEvents.Add(AuditEvent.Create(AuditActions.ResearcherPasswordSet, researcher.Email!, now, researcher.Id, subject: researcher.Email));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SetupResult(researcher.Email, []);
    }

    /// <summary>Disables or enables an account; disabling ends its sessions. False for an unknown id.</summary>
    public async Task<bool> SetDisabledAsync(string researcherId, bool disabled, Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Resolve(scope);
        var researcher = await users.FindByIdAsync(researcherId);
        if (researcher is null)
        {
            return false;
        }

        researcher.SetDisabled(disabled);
        await users.UpdateSecurityStampAsync(researcher);
        db.AuditEvents.Add(AuditEvent.Create(
            disabled ? AuditActions.ResearcherDisabled : AuditActions.ResearcherEnabled, actor.Name, time.GetUtcNow(), actor.ResearcherId, subject: researcher.Email));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Finds a researcher's id by e-mail address; null when there is none.</summary>
    public async Task<string?> FindIdByEmailAsync(string email, CancellationToken ct)
    {
        var normalized = ResearcherEmails.Normalize(email);
        if (normalized is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var (_, db) = Resolve(scope);
        return await db.Users.Where(u => u.Email == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<ResearcherSummary>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, db) = Resolve(scope);
        var rows = await db.Users.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.Email, u.IsAdmin, u.IsDisabled, HasPassword = u.PasswordHash != null, u.CreatedAt,
                Studies = db.StudyMemberships.Count(m => m.ResearcherId == u.Id),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new ResearcherSummary(r.Id, r.Email!, r.IsAdmin, r.IsDisabled, r.HasPassword, r.CreatedAt, r.Studies))
            .OrderBy(r => r.Email, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether any researcher account exists.</summary>
    public async Task<bool> AnyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Resolve(scope).Db.Users.AnyAsync(ct);
    }

    private static async Task<List<string>> ValidatePasswordAsync(UserManager<Researcher> users, Researcher researcher, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, researcher, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }

    private static SetupLinkToken AddToken(CoproSurveyDbContext db, string? researcherId, DateTimeOffset now)
    {
        var token = SecretTokens.New(SetupToken.ByteLength);
        var setup = SetupToken.Create(SecretTokens.Hash(token), researcherId, now);
        db.SetupTokens.Add(setup);
        return new SetupLinkToken(token, setup.ExpiresAt);
    }

    private async Task<SetupToken?> FindUsableAsync(CoproSurveyDbContext db, string? token, CancellationToken ct)
    {
        if (!SecretTokens.IsWellFormed(token, SetupToken.ByteLength))
        {
            return null;
        }

        var hash = SecretTokens.Hash(token!);
        var setup = await db.SetupTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return setup is not null && setup.IsUsable(time.GetUtcNow()) ? setup : null;
    }

    private static (UserManager<Researcher> Users, CoproSurveyDbContext Db) Resolve(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<UserManager<Researcher>>(), scope.ServiceProvider.GetRequiredService<CoproSurveyDbContext>());
}
