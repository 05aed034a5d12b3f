using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.App.Components.Survey;

/// <summary>
/// What the question components show: the raw values per item code (as posted, or as stored) and the
/// error message per item code. Values stay strings so that a rejected post is shown exactly as typed.
/// </summary>
public sealed record SurveyFormState(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values,
    IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The value posted for "don't know".</summary>
    public const string DontKnowValue = AnswerValidator.DontKnowValue;

    /// <summary>The value posted for "not applicable".</summary>
    public const string NotApplicableValue = AnswerValidator.NotApplicableValue;

    public static SurveyFormState Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>());

    public IReadOnlyList<string> ValuesOf(string itemCode) => Values.TryGetValue(itemCode, out var v) ? v : [];

    public string? ValueOf(string itemCode) => ValuesOf(itemCode).FirstOrDefault();

    public string? ErrorOf(string itemCode) => Errors.GetValueOrDefault(itemCode);

    public bool HasErrors => Errors.Count > 0;

    /// <summary>
    /// The form values that reproduce stored answers (don't know as <see cref="DontKnowValue"/>, not applicable as
    /// <see cref="NotApplicableValue"/>, one value per selected
    /// option). The answers were decoded by their questions' types, so a text is one value whatever it contains.
    /// </summary>
    public static SurveyFormState FromAnswers(IReadOnlyDictionary<string, AnswerValue> answers) =>
        new(answers.ToDictionary(a => a.Key, a => ToFormValues(a.Value), StringComparer.Ordinal), new Dictionary<string, string>());

    private static IReadOnlyList<string> ToFormValues(AnswerValue answer) =>
        answer.DontKnow ? [DontKnowValue] : answer.NotApplicable ? [NotApplicableValue] : answer.Values;
}

/// <summary>Element ids shared by the question components and the error summary that links to them.</summary>
public static class SurveyIds
{
    public static string Input(string itemCode) => "q-" + Safe(itemCode);

    public static string Input(string itemCode, string value) => "q-" + Safe(itemCode) + "-" + Safe(value);

    public static string Error(string itemCode) => "err-" + Safe(itemCode);

    public static string Help(string itemCode) => "help-" + Safe(itemCode);

    public static string Hint(string itemCode) => "hint-" + Safe(itemCode);

    /// <summary>The live "characters remaining" line of a text question (filled by survey.js).</summary>
    public static string Count(string itemCode) => "count-" + Safe(itemCode);

    /// <summary>The ids joined for aria-describedby, or null (attribute omitted) when there are none.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var present = ids.Where(id => id is not null).ToArray();
        return present.Length == 0 ? null : string.Join(' ', present);
    }

    /// <summary>The element an error summary link should move focus to: the first input of the item.</summary>
    public static string FirstInput(Question question, string itemCode) => question.Type switch
    {
        QuestionType.Likert or QuestionType.LikertMatrix when question.ResponseScale is { Points.Count: > 0 } scale =>
            Input(itemCode, scale.Points[0].Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        QuestionType.SingleChoice or QuestionType.MultipleChoice when question.Options.Count > 0 =>
            Input(itemCode, question.Options[0].Code),
        _ => Input(itemCode),
    };

    // Item and option codes are identifiers already; this only guards against characters that break an id selector.
    private static string Safe(string s) =>
        string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_';
            }
        });
}
