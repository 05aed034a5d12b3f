using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Core.Responses;

/// <summary>What the respondent told us before starting: where they answer from, and in which language.</summary>
public sealed record RespondentContext(string? Country, string? PolicyField, string? ServiceUnit, string Language = "en");

/// <summary>What the welcome page of a questionnaire shows.</summary>
/// <param name="Countries">The study's countries and their service units, named in <see cref="Language"/>.</param>
/// <param name="PolicyFields">The study's policy fields, named in <see cref="Language"/>.</param>
/// <param name="PageCount">Every page of the questionnaire, those shown only after some answers included.</param>
/// <param name="SomePagesConditional">Whether some pages are shown only after some answers (then "up to" that many).</param>
public sealed record SurveyEntry(
    string StudyKey,
    string StudyTitle,
    string StudyDescription,
    Audience Audience,
    string InstrumentTitle,
    string? InstrumentIntroduction,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<PolicyField> PolicyFields,
    int PageCount,
    bool SomePagesConditional = false)
{
    /// <summary>What the respondent is told before agreeing, with the version that the response will store.</summary>
    public required StudyConsent Consent { get; init; }

    /// <summary>The language the texts are in.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The languages the questionnaire is offered in, the source first.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
}

/// <summary>The language a response is shown in, those it could switch to (the source first), and whether it is completed (then the language is fixed).</summary>
public sealed record ResponseLanguage(string Language, IReadOnlyList<string> Languages, bool Completed);

/// <summary>A validation error for the respondent; <paramref name="ItemCode"/> null means a page-level error.</summary>
public sealed record FieldError(string? ItemCode, string Message);

/// <summary>
/// Outcome of starting a response: the resume code (formatted <c>XXXXX-XXXXX</c>) and the access token of the
/// device that started it, or the errors.
/// </summary>
public sealed record StartResult(string? ResumeCode, string? AccessToken, IReadOnlyList<FieldError> Errors)
{
    public bool Success => AccessToken is not null;
}

/// <summary>A response opened with its resume code: a fresh access token for this device, and where the response belongs.</summary>
public sealed record ResumedResponse(string AccessToken, string StudyKey, Audience Audience);

/// <summary>Where a withdrawn (deleted) response belonged, so that the device can forget it.</summary>
public sealed record WithdrawnResponse(string StudyKey, Audience Audience);

/// <summary>Where a response stands; <paramref name="ResumeCode"/> is formatted for display.</summary>
/// <param name="NextPage">The first visible page (1-based) still to do, or the last page when everything is submitted.</param>
public sealed record ResponseState(string ResumeCode, string StudyKey, Audience Audience, bool Completed, int NextPage, int PageCount);

/// <summary>One page of the questionnaire as the respondent sees it.</summary>
/// <param name="Questions">The visible questions of the page.</param>
/// <param name="Answers">All answers so far, keyed by item code.</param>
/// <param name="RedirectToPage">Set (and nothing else meaningful) when the requested page may not be shown yet.</param>
public sealed record PageView(
    string ResumeCode,
    string StudyKey,
    Audience Audience,
    int Page,
    int PageCount,
    Section Section,
    IReadOnlyList<Question> Questions,
    IReadOnlyDictionary<string, AnswerValue> Answers,
    bool IsLast,
    bool Completed,
    int? RedirectToPage,
    QuestionnaireProgress Progress);

/// <summary>
/// How far a page is through the questionnaire, counted over all its pages in instrument order: pages skipped
/// because of earlier answers still count, so the total never changes and the position never goes back while the
/// respondent moves forward.
/// </summary>
/// <param name="Position">1-based position of the page among all pages of the instrument.</param>
/// <param name="Total">All pages of the instrument.</param>
public sealed record QuestionnaireProgress(int Position, int Total)
{
    /// <summary>Share of the questionnaire done before this page, 0..100; 100 only once it is completed (the thank-you page).</summary>
    public double PercentDone => Total <= 0 ? 0 : 100.0 * (Position - 1) / Total;
}

/// <summary>Outcome of submitting a page.</summary>
public sealed record SubmitResult(bool Success, IReadOnlyList<FieldError> Errors, int? NextPage, bool Completed);

/// <summary>A complete response produced by the demo simulator, imported in bulk.</summary>
public sealed record SimulatedResponse(
    Audience Audience,
    RespondentContext Context,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    IReadOnlyList<AnswerValue> Answers);
