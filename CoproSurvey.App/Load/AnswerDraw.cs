using System.Globalization;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.App.Load;

/// <summary>
/// Random answers that the platform must accept, drawn from an item's question in the instrument: a point of the
/// scale (now and then "don't know" where the scale offers it), one option, a non-empty set of options, a number
/// within the bounds, a short text. An optional question is left empty now and then.
/// </summary>
internal static class AnswerDraw
{
    private static readonly string[] Words =
        ["street", "lighting", "waiting", "times", "neighbours", "school", "clinic", "council", "park", "bus", "meeting", "volunteers"];

    /// <summary>The form values for <paramref name="itemCode"/>; empty when the respondent leaves it unanswered.</summary>
    public static IReadOnlyList<string> For(Question question, string itemCode, Random random)
    {
        if (!question.Required && random.NextDouble() < 0.1)
        {
            return [];
        }

        switch (question.Type)
        {
            case QuestionType.Likert or QuestionType.LikertMatrix:
                var scale = question.ResponseScale!;
                return scale.DontKnowLabel is not null && random.NextDouble() < 0.05
                    ? [AnswerValidator.DontKnowValue]
                    : [scale.Points[random.Next(scale.Points.Count)].Value.ToString(CultureInfo.InvariantCulture)];
            case QuestionType.SingleChoice:
                return [question.Options[random.Next(question.Options.Count)].Code];
            case QuestionType.MultipleChoice:
                // An exclusive option ("none of these") is chosen alone, as the questionnaire requires.
                var combinable = question.Options.Where(o => !o.Exclusive).ToList();
                var chosen = combinable.Where(_ => random.NextDouble() < 0.4).Select(o => o.Code).ToList();
                return chosen.Count > 0 ? chosen : [question.Options[random.Next(question.Options.Count)].Code];
            case QuestionType.Numeric:
                return [Number(question.Numeric, random)];
            default:
                var length = Math.Min(question.MaxLength ?? 200, 200);
                var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]));
                return [text.Length <= length ? text : text[..length].TrimEnd()];
        }
    }

    private static string Number(NumericBounds? bounds, Random random)
    {
        var min = bounds?.Min ?? 0m;
        var max = bounds?.Max ?? min + 100m;
        var integerOnly = bounds?.IntegerOnly ?? true;
        if (integerOnly)
        {
            var low = decimal.Ceiling(min);
            var high = decimal.Floor(max);
            return (low + (decimal)random.NextInt64(0, (long)(high - low) + 1)).ToString(CultureInfo.InvariantCulture);
        }

        var value = min + (max - min) * (decimal)random.NextDouble();
        value = Math.Clamp(decimal.Round(value, 1), min, max);
        return value.ToString(CultureInfo.InvariantCulture);
    }
}
