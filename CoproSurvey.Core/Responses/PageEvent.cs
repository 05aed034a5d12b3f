namespace CoproSurvey.Core.Responses;

/// <summary>What happened to a page.</summary>
public enum PageEventKind
{
    Shown,
    Submitted,
}

/// <summary>Paradata: a page of a response was shown or submitted, at server time.</summary>
public sealed class PageEvent
{
    private PageEvent()
    {
    }

    public int Id { get; private set; }

    public int ResponseId { get; private set; }

    public string SectionCode { get; private set; } = "";

    public PageEventKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static PageEvent Create(int responseId, string sectionCode, PageEventKind kind, DateTimeOffset at) =>
        new() { ResponseId = responseId, SectionCode = sectionCode, Kind = kind, At = at };
}
