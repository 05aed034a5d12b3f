using System.Globalization;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.Core.Instruments;

/// <summary>
/// Evaluates display conditions against the answers given so far (keyed by item code).
/// An unanswered question satisfies nothing, not even <c>notIn</c>. "Don't know" counts as answered (so it satisfies
/// <c>answered</c> and <c>notIn</c>) but never satisfies <c>in</c>, <c>greaterThan</c> or <c>lessThan</c>.
/// For multiple choice, <c>in</c> holds when any selected option is among the values and <c>notIn</c> when none is.
/// </summary>
public static class ConditionEvaluator
{
    /// <summary>True when <paramref name="condition"/> holds for the answers keyed by item code; a null condition always holds.</summary>
    public static bool IsSatisfied(Condition? condition, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return condition switch
        {
            null => true,
            AllCondition all => all.Conditions.All(c => IsSatisfied(c, answers)),
            AnyCondition any => any.Conditions.Any(c => IsSatisfied(c, answers)),
            AnswerCondition leaf => IsSatisfied(leaf, answers),
            _ => throw new ArgumentException($"Unsupported condition type {condition.GetType().Name}.", nameof(condition)),
        };
    }

    private static bool IsSatisfied(AnswerCondition leaf, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        if (!answers.TryGetValue(leaf.Question, out var answer) || !IsAnswered(answer))
        {
            return false;
        }

        if (leaf.Operator == ConditionOperator.Answered)
        {
            return true;
        }

        if (answer.IsMissingByChoice)
        {
            return leaf.Operator == ConditionOperator.NotIn;
        }

        // Multiple choice holds its options in Choices and every other type its single value: nothing is split.
        var selected = answer.Values;
        return leaf.Operator switch
        {
            ConditionOperator.In => selected.Any(s => leaf.Values.Any(v => SameValue(s, v))),
            ConditionOperator.NotIn => !selected.Any(s => leaf.Values.Any(v => SameValue(s, v))),
            ConditionOperator.GreaterThan => Compare(answer.Value, leaf.Values) > 0,
            ConditionOperator.LessThan => Compare(answer.Value, leaf.Values) is < 0 and not int.MinValue,
            _ => false,
        };
    }

    /// <summary>True when the answer holds a value or is "don't know" or "not applicable".</summary>
    public static bool IsAnswered(AnswerValue answer) => answer.IsMissingByChoice || answer.Values.Any(v => v.Length > 0);

    private static bool SameValue(string answer, string value) =>
        string.Equals(answer, value, StringComparison.Ordinal)
        || (TryNumber(answer, out var a) && TryNumber(value, out var b) && a == b);

    /// <summary>Sign of answer - value, or <see cref="int.MinValue"/> when either is not a number.</summary>
    private static int Compare(string? answer, IReadOnlyList<string> values) =>
        values.Count == 1 && TryNumber(answer, out var a) && TryNumber(values[0], out var b) ? a.CompareTo(b) : int.MinValue;

    private static bool TryNumber(string? text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
}
