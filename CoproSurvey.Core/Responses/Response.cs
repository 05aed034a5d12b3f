using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Responses;

/// <summary>
/// One respondent's answers to one instrument version. Answers change only through
/// <see cref="RecordAnswers"/> and <see cref="RemoveAnswers"/>, and not at all once completed.
/// </summary>
public sealed class Response
{
    private readonly List<Answer> answers = [];
    private readonly List<ResponseAccessToken> tokens = [];

    private Response()
    {
    }

    public int Id { get; private set; }

    public int StudyId { get; private set; }

    public int InstrumentVersionId { get; private set; }

    /// <summary>The SHA-256 of the instrument the respondent was given, copied so exports need no join.</summary>
    public string InstrumentSha256 { get; private set; } = "";

    public Audience Audience { get; private set; }

    /// <summary>Ten (eight for early responses) characters of <see cref="ResumeCodes.Alphabet"/>, stored without the dash.</summary>
    public string ResumeCode { get; private set; } = "";

    public string? Country { get; private set; }

    public string? PolicyField { get; private set; }

    public string? ServiceUnit { get; private set; }

    public string Language { get; private set; } = "en";

    /// <summary>
    /// The SHA-256 of the translation (<see cref="InstrumentTranslation.Sha256"/>) the questionnaire was last shown in;
    /// null in the instrument's source language.
    /// </summary>
    public string? TranslationSha256 { get; private set; }

        /// <summary>The <see cref="Studies.StudyConsent.Version"/> the respondent agreed to; null for simulated responses and responses from before versions were kept.</summary>
    public string? ConsentVersion { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The visible page number last submitted (0 before the first submission).</summary>
    public int LastPage { get; private set; }

    /// <summary>True for generated demo data; analyses and exports can leave these out.</summary>
    public bool IsSimulated { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    public IReadOnlyCollection<Answer> Answers => answers;

    /// <summary>The tokens issued so far; loaded only when asked for.</summary>
    public IReadOnlyCollection<ResponseAccessToken> Tokens => tokens;

    public static Response Start(
        int studyId,
        int instrumentVersionId,
        string instrumentSha256,
        Audience audience,
        string resumeCode,
        RespondentContext context,
        DateTimeOffset at,
        string? consentVersion,
        string? translationSha256 = null)
    {
        if (!ResumeCodes.IsNormalized(resumeCode))
        {
            throw new ArgumentException($"'{resumeCode}' is not a normalised resume code.", nameof(resumeCode));
        }

        return new Response
        {
            StudyId = studyId,
            InstrumentVersionId = instrumentVersionId,
            InstrumentSha256 = instrumentSha256,
            Audience = audience,
            ResumeCode = resumeCode,
            Country = context.Country,
            PolicyField = context.PolicyField,
            ServiceUnit = string.IsNullOrEmpty(context.ServiceUnit) ? null : context.ServiceUnit,
            Language = context.Language,
            TranslationSha256 = translationSha256,
            ConsentVersion = consentVersion,
            StartedAt = at,
        };
    }

    /// <summary>
    /// A new way into this response, for the device that started or resumed it; returns the token, of which only
    /// the hash is kept. Allowed on completed responses too (their respondent may still withdraw).
    /// </summary>
    public string IssueAccessToken(DateTimeOffset at)
    {
        var token = AccessTokens.NewToken();
        tokens.Add(ResponseAccessToken.Create(AccessTokens.Hash(token), at));
        return token;
    }

    /// <summary>
    /// The answers as the instrument logic sees them, keyed by item code, each decoded by the type of its question in
    /// <paramref name="instrument"/> (the version this response was given).
    /// </summary>
    public IReadOnlyDictionary<string, AnswerValue> AnswerValues(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return answers.ToDictionary(
            a => a.ItemCode,
            a => instrument.FindItem(a.ItemCode) is { } item
                ? a.ToValue(item.Question.Type)
                : throw new InvalidOperationException($"Item '{a.ItemCode}' is not in instrument '{instrument.Key}' {instrument.Version}."),
            StringComparer.Ordinal);
    }

    /// <summary>Inserts or updates answers; an unchanged answer keeps its time. Returns whether anything changed.</summary>
    public bool RecordAnswers(IEnumerable<AnswerValue> values, DateTimeOffset at)
    {
        EnsureOpen();
        var changed = false;
        var byCode = answers.ToDictionary(a => a.ItemCode, StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!byCode.TryGetValue(value.ItemCode, out var existing))
            {
                existing = Answer.Create(value, at);
                answers.Add(existing);
                byCode.Add(existing.ItemCode, existing);
                changed = true;
            }
            else
            {
                changed |= existing.Change(value, at);
            }
        }

        return changed;
    }

    /// <summary>Removes the answers to the given items (cleared by the respondent or hidden by a condition).</summary>
    public bool RemoveAnswers(IEnumerable<string> itemCodes)
    {
        EnsureOpen();
        var codes = itemCodes.ToHashSet(StringComparer.Ordinal);
        return answers.RemoveAll(a => codes.Contains(a.ItemCode)) > 0;
    }

    /// <summary>
    /// The respondent continues in another language (<paramref name="translationSha256"/> null: the source); the
    /// answers stay, since codes and values are the same in every language. Fixed once completed.
    /// </summary>
    public bool ChangeLanguage(string language, string? translationSha256)
    {
        EnsureOpen();
        if (Language == language && TranslationSha256 == translationSha256)
        {
            return false;
        }

        Language = language;
        TranslationSha256 = translationSha256;
        return true;
    }

    public void PageSubmitted(int page)
    {
        EnsureOpen();
        LastPage = page;
    }

    public void Complete(DateTimeOffset at)
    {
        EnsureOpen();
        if (at < StartedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "A response cannot be completed before it was started.");
        }

        CompletedAt = at;
    }

    /// <summary>A complete simulated response for demo data, with its answers.</summary>
    internal static Response Simulated(
        int studyId,
        int instrumentVersionId,
        string instrumentSha256,
        string resumeCode,
        SimulatedResponse simulated,
        int lastPage)
    {
        var response = Imported(
            0, studyId, instrumentVersionId, instrumentSha256, simulated.Audience, resumeCode, simulated.Context,
            simulated.StartedAt, simulated.CompletedAt, simulated.Answers, lastPage);
        response.IsSimulated = true;
        return response;
    }

    /// <summary>
    /// A response read from a data file (paper questionnaires, another installation's export), with its answers as
    /// given. <paramref name="id"/> keeps the file's response id (0: the database assigns one).
    /// </summary>
    internal static Response Imported(
        int id,
        int studyId,
        int instrumentVersionId,
        string instrumentSha256,
        Audience audience,
        string resumeCode,
        RespondentContext context,
        DateTimeOffset startedAt,
        DateTimeOffset? completedAt,
        IEnumerable<AnswerValue> answers,
        int lastPage,
        string? translationSha256 = null)
    {
        var response = Start(studyId, instrumentVersionId, instrumentSha256, audience, resumeCode, context, startedAt, consentVersion: null, translationSha256);
        response.Id = id;
        response.RecordAnswers(answers, completedAt ?? startedAt);
        response.LastPage = lastPage;
        if (completedAt is { } completed)
        {
            response.Complete(completed);
        }

        return response;
    }

    private void EnsureOpen()
    {
        if (IsCompleted)
        {
            throw new InvalidOperationException($"Response {ResumeCode} is completed; its answers can no longer change.");
        }
    }
}
