using CoproSurvey.Core.Responses;

namespace CoproSurvey.Core.Instruments;

/// <summary>
/// Which pages and questions a respondent sees given the answers so far. Conditions refer only to earlier pages,
/// so visibility is decided page by page: answers to questions that are hidden (their page or the question itself)
/// are ignored when later conditions are evaluated, and a page none of whose questions is visible is skipped.
/// </summary>
public static class InstrumentNavigator
{
    /// <summary>The pages shown, in order: their condition holds and at least one of their questions is visible.</summary>
    public static IReadOnlyList<Section> VisibleSections(Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers) =>
        Walk(instrument, answers).Sections;

    /// <summary>
    /// The answers that count: those to questions visible given the answers before them. Answers missing from the
    /// result belong to hidden questions (to be discarded); pass the result to <see cref="VisibleQuestions"/> so that
    /// a stale answer on a hidden page cannot show a question.
    /// </summary>
    public static IReadOnlyDictionary<string, AnswerValue> EffectiveAnswers(Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers) =>
        Walk(instrument, answers).Effective;

    /// <summary>The questions of <paramref name="section"/> whose display condition holds for <paramref name="answers"/>.</summary>
    public static IReadOnlyList<Question> VisibleQuestions(Section section, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(answers);
        return section.Questions.Where(q => ConditionEvaluator.IsSatisfied(q.DisplayCondition, answers)).ToList();
    }

    private static (List<Section> Sections, Dictionary<string, AnswerValue> Effective) Walk(
        Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        var effective = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var visible = new List<Section>();
        foreach (var section in instrument.Sections)
        {
            if (!ConditionEvaluator.IsSatisfied(section.DisplayCondition, effective))
            {
                continue;
            }

            var questions = VisibleQuestions(section, effective);
            if (questions.Count == 0)
            {
                continue;
            }

            visible.Add(section);
            foreach (var code in questions.SelectMany(q => q.ItemCodes))
            {
                if (answers.TryGetValue(code, out var answer))
                {
                    effective[code] = answer;
                }
            }
        }

        return (visible, effective);
    }
}
