using Microsoft.AspNetCore.Identity;

namespace CoproSurvey.Core.Accounts;

/// <summary>
/// A researcher's account (ASP.NET Core Identity user, the e-mail address is the user name). A new account has no
/// password until its owner sets one through a one-time setup link; there is no default password.
/// </summary>
public sealed class Researcher : IdentityUser
{
    /// <summary>Platform administrator: manages researchers and studies, and has an owner's rights on every study.</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>A disabled account cannot sign in, and its sessions end (its security stamp changes).</summary>
    public bool IsDisabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Researcher Create(string email, bool isAdmin, DateTimeOffset at)
    {
        var normalized = ResearcherEmails.Normalize(email)
            ?? throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        return new Researcher
        {
            UserName = normalized,
            Email = normalized,
            EmailConfirmed = true,
            IsAdmin = isAdmin,
            CreatedAt = at,
        };
    }

    internal void SetDisabled(bool disabled) => IsDisabled = disabled;
}

/// <summary>E-mail addresses as account names: trimmed, lower case, one <c>@</c> with something on both sides.</summary>
public static class ResearcherEmails
{
    public const int MaxLength = 256;

    /// <summary>The address in stored form, or null when it cannot be an address.</summary>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 1 ? trimmed : null;
    }
}
