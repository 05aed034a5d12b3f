namespace CoproSurvey.Core.Audit;

/// <summary>
/// One entry of the append-only audit log: who did what, when, to which study. Entries are only ever added
/// (the database refuses updates and deletes); they never hold answers or other respondent content.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>What happened, one of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The researcher who acted; null for the command line, the platform itself or a respondent.</summary>
    public string? ActorId { get; private set; }

    /// <summary>The actor as shown to readers (an e-mail address, "command line", "respondent").</summary>
    public string Actor { get; private set; } = "";

    /// <summary>The study concerned; null for platform-wide events (sign-ins, researcher accounts).</summary>
    public int? StudyId { get; private set; }

    /// <summary>What was acted on, e.g. a researcher's e-mail address or a file name.</summary>
    public string? Subject { get; private set; }

    /// <summary>Further facts in a short sentence (a role, a count); never respondent content.</summary>
    public string? Detail { get; private set; }

    public static AuditEvent Create(
        string action, string actor, DateTimeOffset at, string? actorId = null, int? studyId = null, string? subject = null, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new AuditEvent
        {
            Action = action,
            Actor = actor,
            At = at,
            ActorId = actorId,
            StudyId = studyId,
            Subject = subject,
            Detail = detail,
        };
    }
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignedOut = "sign-out";
    public const string ResearcherAdded = "researcher.added";
    public const string ResearcherSetupLinkIssued = "researcher.setup-link-issued";
    public const string ResearcherPasswordSet = "researcher.password-set";
    public const string ResearcherDisabled = "researcher.disabled";
    public const string ResearcherEnabled = "researcher.enabled";
    public const string MemberAdded = "member.added";
    public const string MemberRoleChanged = "member.role-changed";
    public const string MemberRemoved = "member.removed";
    public const string Export = "export";
    public const string Import = "import";
    public const string ResponseWithdrawn = "response.withdrawn";
    public const string ResponsesDeleted = "responses.deleted";
}
