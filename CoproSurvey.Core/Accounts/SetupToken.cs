namespace CoproSurvey.Core.Accounts;

/// <summary>
/// A one-time link to set a password: for an existing researcher, or (no researcher) for the first administrator,
/// who then also gives an e-mail address. Only the SHA-256 of the token is stored.
/// </summary>
public sealed class SetupToken
{
    /// <summary>Random bytes of a setup token: 256 bits, 43 base64url characters.</summary>
    public const int ByteLength = 32;

    /// <summary>How long a setup link stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private SetupToken()
    {
    }

    public int Id { get; private set; }

    public string TokenHash { get; private set; } = "";

    /// <summary>The researcher whose password the link sets; null for the first administrator's link.</summary>
    public string? ResearcherId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsFirstAdmin => ResearcherId is null;

    public static SetupToken Create(string tokenHash, string? researcherId, DateTimeOffset at) =>
        new() { TokenHash = tokenHash, ResearcherId = researcherId, CreatedAt = at, ExpiresAt = at + Lifetime };

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    internal void Use(DateTimeOffset at) => UsedAt = at;
}
