using System.Security.Cryptography;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace CoproSurvey.App.Accounts;

/// <summary>
/// Signs researchers in and out. Every failure gives the same answer and costs one password hash, whether the
/// account exists, has no password yet, is disabled or is locked out, so that neither the message nor the time
/// tells whether an address has an account. Every attempt is in the audit log.
/// </summary>
public sealed class ResearcherSignIn(
    ResearcherSignInManager signInManager,
    UserManager<Researcher> users,
    IPasswordHasher<Researcher> hasher,
    AuditLog audit,
    TimeProvider time)
{
    public const string FailedMessage =
        "The e-mail address or the password is not right, or the account is locked for 15 minutes after repeated attempts. "
        + "Check them and try again; a platform administrator can send you a new setup link.";

    // A hash of a random password, verified against when there is no real hash to verify, so that failures take as long.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<Researcher>().HashPassword(Researcher.Create("nobody@invalid", false, DateTimeOffset.UnixEpoch), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>Checks the password and, when right, starts a session (the cookie goes out with the response).</summary>
    public async Task<bool> SignInAsync(string? email, string? password, CancellationToken ct)
    {
        password ??= "";
        var normalized = ResearcherEmails.Normalize(email);
        var user = normalized is null ? null : await users.FindByEmailAsync(normalized);
        var reason = user switch
        {
            null => "no such account",
            { PasswordHash: null } => "no password set yet",
            { IsDisabled: true } => "account disabled",
            _ when await users.IsLockedOutAsync(user) => "account locked out",
            _ => null,
        };
        if (reason is not null)
        {
            hasher.VerifyHashedPassword(user ?? Researcher.Create("nobody@invalid", false, DateTimeOffset.UnixEpoch), DummyHash.Value, password);
            await RecordFailureAsync(user, normalized ?? email, reason, ct);
            return false;
        }

        var result = await signInManager.CheckPasswordSignInAsync(user!, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await RecordFailureAsync(user, normalized, result.IsLockedOut ? "wrong password; account now locked out" : "wrong password", ct);
            return false;
        }

        await signInManager.SignInAsync(user!, ResearcherAuthentication.NewSessionProperties(time.GetUtcNow()), "pwd");
        await audit.RecordAsync(AuditActions.SignInSucceeded, user!.Email!, user.Id, subject: user.Email, ct: ct);
        return true;
    }

    public async Task SignOutAsync(string? researcherId, string? email, CancellationToken ct)
    {
        await signInManager.SignOutAsync();
        if (researcherId is not null)
        {
            await audit.RecordAsync(AuditActions.SignedOut, email ?? researcherId, researcherId, subject: email, ct: ct);
        }
    }

    private Task RecordFailureAsync(Researcher? user, string? typed, string reason, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.SignInFailed, "anonymous", user?.Id, subject: typed, detail: reason, ct: ct);
}
