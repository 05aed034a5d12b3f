namespace CoproSurvey.Core.Responses;

/// <summary>The consent text respondents agree to, by version; each response stores the version it was given.</summary>
public static class ConsentText
{
    /// <summary>
    /// The version of the consent text on the entry page. Any change to that text needs a new version here, so
    /// that every response stays tied to the wording its respondent actually agreed to.
    /// </summary>
    public const string Version = "2026-11-30";
}
