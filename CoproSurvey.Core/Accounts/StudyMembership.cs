namespace CoproSurvey.Core.Accounts;

/// <summary>What a researcher may do in one study. Each role includes the ones below it.</summary>
public enum StudyRole
{
    /// <summary>Sees the study's dashboards.</summary>
    Viewer = 1,

    /// <summary>Dashboards and exports.</summary>
    Analyst = 2,

    /// <summary>All of the above, manages the study's members and reads its audit log.</summary>
    Owner = 3,
}

/// <summary>A researcher's role in a study.</summary>
public sealed class StudyMembership
{
    private StudyMembership()
    {
    }

    public int Id { get; private set; }

    public int StudyId { get; private set; }

    public string ResearcherId { get; private set; } = "";

    public StudyRole Role { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static StudyMembership Create(int studyId, string researcherId, StudyRole role, DateTimeOffset at) =>
        new() { StudyId = studyId, ResearcherId = researcherId, Role = role, AddedAt = at };

    internal void ChangeRole(StudyRole role) => Role = role;
}
