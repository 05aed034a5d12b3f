using System.Globalization;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Responses;

/// <summary>The outcome of validating one posted page.</summary>
/// <param name="Answers">The answers to store, one per answered visible item of the page.</param>
/// <param name="ClearedItems">Visible items of the page left empty: a stored answer to them is removed.</param>
/// <param name="Errors">Messages for the respondent; when any, nothing may be stored.</param>
public sealed record PageValidation(
    IReadOnlyList<AnswerValue> Answers,
    IReadOnlyList<string> ClearedItems,
    IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Server-side validation of a posted page against the instrument: pure, no storage. Form keys are item codes
/// (matrix rows by row code); keys starting with an underscore (antiforgery token, form handler name) are ignored.
/// </summary>
public static class AnswerValidator
{
    /// <summary>The posted value meaning "don't know".</summary>
    public const string DontKnowValue = "dk";

    /// <summary>The posted value meaning "not applicable" (a scale that offers it).</summary>
    public const string NotApplicableValue = "na";

    public const int DefaultShortTextLength = 500;

    public const int DefaultLongTextLength = 4000;

    internal const string UnknownFieldsMessage =
        "The form contained answers that do not belong on this page. Please check the page and send it again.";

    private const string ChooseOneMessage = "Please choose one of the options.";
    private const string RequiredMessage = "Please answer this question.";
    private const string RequiredRowMessage = "Please answer this statement.";
    private const string NotApplicableMessage = "This question does not apply to your earlier answers; please leave it empty.";

    /// <summary>Validates the form posted for <paramref name="section"/>.</summary>
    /// <param name="otherAnswers">Stored answers (those to the section's own items are ignored) against which display conditions are evaluated.</param>
    public static PageValidation Validate(
        Section section,
        IReadOnlyDictionary<string, AnswerValue> otherAnswers,
        IReadOnlyDictionary<string, IReadOnlyList<string>> form)
    {
        var errors = new List<FieldError>();
        var questionOf = section.Questions
            .SelectMany(q => q.ItemCodes.Select(code => (code, q)))
            .ToDictionary(x => x.code, x => x.q, StringComparer.Ordinal);

        if (form.Keys.Any(k => !k.StartsWith('_') && !questionOf.ContainsKey(k)))
        {
            errors.Add(new FieldError(null, UnknownFieldsMessage));
        }

        var parsed = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var (code, question) in questionOf)
        {
            var posted = form.TryGetValue(code, out var values) ? NonEmpty(values) : [];
            if (posted.Count == 0)
            {
                continue;
            }

            var (answer, error) = Parse(code, question, posted);
            if (error is not null)
            {
                errors.Add(new FieldError(code, error));
            }
            else
            {
                parsed[code] = answer!;
            }
        }

        // Conditions may refer to earlier questions on the same page, so visibility uses what was just posted.
        var merged = otherAnswers
            .Where(a => !questionOf.ContainsKey(a.Key))
            .Concat(parsed)
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var visible = InstrumentNavigator.VisibleQuestions(section, merged).ToHashSet();

        var answers = new List<AnswerValue>();
        var cleared = new List<string>();
        foreach (var question in section.Questions)
        {
            foreach (var code in question.ItemCodes)
            {
                var answered = parsed.TryGetValue(code, out var answer);
                var postedAnything = form.TryGetValue(code, out var values) && NonEmpty(values).Count > 0;
                if (!visible.Contains(question))
                {
                    if (postedAnything)
                    {
                        errors.Add(new FieldError(code, NotApplicableMessage));
                    }

                    continue;
                }

                if (answered)
                {
                    answers.Add(answer!);
                }
                else if (!postedAnything)
                {
                    cleared.Add(code);
                    if (question.Required)
                    {
                        errors.Add(new FieldError(code, question.Type == QuestionType.LikertMatrix ? RequiredRowMessage : RequiredMessage));
                    }
                }
            }
        }

        return new PageValidation(answers, cleared, errors);
    }

    /// <summary>Checks a value as it would be stored (e.g. from the demo simulator); returns the problem or null.</summary>
    internal static string? CheckStoredValue(Question question, AnswerValue value)
    {
        if (value.IsMissingByChoice)
        {
            return value.Value is null && value.Choices is null && value.Number is null
                ? CheckParsed(question, value, [value.DontKnow ? DontKnowValue : NotApplicableValue])
                : "a don't-know or not-applicable answer must have no value";
        }

        if ((question.Type == QuestionType.MultipleChoice) != (value.Choices is not null))
        {
            return question.Type == QuestionType.MultipleChoice
                ? "a multiple-choice answer must list its choices"
                : "only a multiple-choice answer lists choices";
        }

        return value.Values.Count == 0
            ? "a don't-know answer must have no value, any other answer a value"
            : CheckParsed(question, value, [.. value.Values]);
    }

    private static string? CheckParsed(Question question, AnswerValue value, List<string> posted)
    {
        var (parsed, error) = Parse(value.ItemCode, question, posted);
        return error ?? (parsed == value ? null : $"'{value.ToStoredText()}' is not in stored form (expected '{parsed!.ToStoredText()}')");
    }

    private static List<string> NonEmpty(IReadOnlyList<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();

    private static (AnswerValue? Answer, string? Error) Parse(string code, Question question, List<string> posted) =>
        question.Type switch
        {
            QuestionType.Likert or QuestionType.LikertMatrix => ParseScalePoint(code, question.ResponseScale, posted),
            QuestionType.SingleChoice => ParseSingleChoice(code, question, posted),
            QuestionType.MultipleChoice => ParseMultipleChoice(code, question, posted),
            QuestionType.Numeric => ParseNumber(code, question.Numeric, posted),
            QuestionType.ShortText => ParseText(code, posted, question.MaxLength ?? DefaultShortTextLength, multiline: false),
            QuestionType.LongText => ParseText(code, posted, question.MaxLength ?? DefaultLongTextLength, multiline: true),
            _ => (null, ChooseOneMessage),
        };

    private static (AnswerValue?, string?) ParseScalePoint(string code, ResponseScale? scale, List<string> posted)
    {
        if (posted.Count != 1 || scale is null)
        {
            return (null, ChooseOneMessage);
        }

        var value = posted[0].Trim();
        if (string.Equals(value, DontKnowValue, StringComparison.OrdinalIgnoreCase) && scale.DontKnowLabel is not null)
        {
            return (AnswerValue.DontKnowTo(code), null);
        }

        if (string.Equals(value, NotApplicableValue, StringComparison.OrdinalIgnoreCase) && scale.NotApplicableLabel is not null)
        {
            return (AnswerValue.NotApplicableTo(code), null);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var point) && scale.Points.Any(p => p.Value == point)
            ? (AnswerValue.ScalePoint(code, point), null)
            : (null, ChooseOneMessage);
    }

    private static (AnswerValue?, string?) ParseSingleChoice(string code, Question question, List<string> posted)
    {
        if (posted.Count != 1)
        {
            return (null, "Please choose only one of the options.");
        }

        var value = posted[0].Trim();
        return question.Options.Any(o => o.Code == value) ? (AnswerValue.SingleChoice(code, value), null) : (null, ChooseOneMessage);
    }

    private static (AnswerValue?, string?) ParseMultipleChoice(string code, Question question, List<string> posted)
    {
        var chosen = posted.Select(v => v.Trim()).ToList();
        if (chosen.Any(c => question.Options.All(o => o.Code != c)))
        {
            return (null, "Please choose only from the options shown.");
        }

        if (chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Count)
        {
            return (null, "Each option can be chosen only once.");
        }

        if (chosen.Count > 1 && question.Options.FirstOrDefault(o => o.Exclusive && chosen.Contains(o.Code)) is { } alone)
        {
            return (null, ExclusiveMessage(alone));
        }

        var inInstrumentOrder = question.Options.Where(o => chosen.Contains(o.Code)).Select(o => o.Code);
        return (AnswerValue.MultipleChoice(code, inInstrumentOrder), null);
    }

    private static (AnswerValue?, string?) ParseNumber(string code, NumericBounds? bounds, List<string> posted)
    {
        var integerOnly = bounds?.IntegerOnly ?? false;
        var rangeMessage = NumberMessage(bounds);
        if (posted.Count != 1)
        {
            return (null, rangeMessage);
        }

        var text = posted[0].Trim();
        var comma = text.IndexOf(',');
        if (comma >= 0 && !text.Contains('.') && text.Count(c => c == ',') == 1)
        {
            // "1,000" could be a thousand or one: refuse rather than guess.
            if (text.Length - comma - 1 == 3)
            {
                return (null, rangeMessage);
            }

            text = text.Replace(',', '.');
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || (integerOnly && decimal.Truncate(number) != number)
            || number < bounds?.Min
            || number > bounds?.Max)
        {
            return (null, rangeMessage);
        }

        return (AnswerValue.Numeric(code, number), null);
    }

    /// <summary>
    /// The length of a text as a person counts it: text elements (grapheme clusters), so an emoji, a flag or a letter
    /// with combining accents is one character however many UTF-16 code units it takes.
    /// </summary>
    public static int TextLength(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>The message for an exclusive option chosen together with others, naming the option as the respondent sees it.</summary>
    internal static string ExclusiveMessage(ChoiceOption option) =>
        $"\"{option.Label}\" cannot be chosen together with other options. Please untick it or the others.";

    /// <summary>"Enter a whole number between 0 and 120." and its variants for open bounds.</summary>
    internal static string NumberMessage(NumericBounds? bounds)
    {
        var kind = bounds?.IntegerOnly == true ? "a whole number" : "a number";
        static string F(decimal d) => d.ToString("G29", CultureInfo.InvariantCulture);
        return (bounds?.Min, bounds?.Max) switch
        {
            ({ } min, { } max) => $"Enter {kind} between {F(min)} and {F(max)}.",
            ({ } min, null) => $"Enter {kind} of at least {F(min)}.",
            (null, { } max) => $"Enter {kind} of at most {F(max)}.",
            _ => $"Enter {kind}.",
        };
    }

    private static (AnswerValue?, string?) ParseText(string code, List<string> posted, int maxLength, bool multiline)
    {
        if (posted.Count != 1)
        {
            return (null, "Please enter a single answer.");
        }

        var text = posted[0].Replace("\r\n", "\n").Trim();
        if (text.Any(c => char.IsControl(c) && !(multiline && c == '\n')))
        {
            return (null, multiline
                ? "Please remove special characters such as tabs from your answer."
                : "Please keep your answer on one line, without special characters such as tabs.");
        }

        var length = TextLength(text);
        return length > maxLength
            ? (null, $"Please shorten your answer to at most {maxLength} characters (it has {length}).")
            : (AnswerValue.Text(code, text), null);
    }
}
