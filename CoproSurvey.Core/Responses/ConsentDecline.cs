using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Responses;

/// <summary>A counted refusal of consent: no respondent data beyond where the invitation came from.</summary>
public sealed class ConsentDecline
{
    private ConsentDecline()
    {
    }

    public int Id { get; private set; }

    public int StudyId { get; private set; }

    public Audience Audience { get; private set; }

    public string? Country { get; private set; }

    public string? PolicyField { get; private set; }

    /// <summary>The day only (midnight UTC), so a decline cannot be matched to a visit.</summary>
    public DateTimeOffset At { get; private set; }

    public static ConsentDecline Create(int studyId, Audience audience, string? country, string? policyField, DateTimeOffset at) =>
        new()
        {
            StudyId = studyId,
            Audience = audience,
            Country = country,
            PolicyField = policyField,
            At = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero),
        };
}
