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

    /// <summary>
    /// The whole route in one walk, into collections the caller reuses from response to response (cleared first): the
    /// answers that count (as <see cref="EffectiveAnswers"/>) and, when asked, the items shown (those of the visible
    /// questions of the pages shown); returns the pages shown (as <see cref="VisibleSections"/>).
    /// </summary>
    internal static List<Section> Walk(
        Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers, Dictionary<string, AnswerValue> effective, HashSet<string>? shownItems)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        effective.Clear();
        shownItems?.Clear();
        var visible = new List<Section>();
        var questions = new List<Question>();
        foreach (var section in instrument.Sections)
        {
            if (!ConditionEvaluator.IsSatisfied(section.DisplayCondition, effective))
            {
                continue;
            }

            // Every question of the page is judged on the answers before the page, as VisibleQuestions does.
            questions.Clear();
            foreach (var question in section.Questions)
            {
                if (ConditionEvaluator.IsSatisfied(question.DisplayCondition, effective))
                {
                    questions.Add(question);
                }
            }

            if (questions.Count == 0)
            {
                continue;
            }

            visible.Add(section);
            foreach (var question in questions)
            {
                foreach (var code in question.ItemCodes)
                {
                    shownItems?.Add(code);
                    if (answers.TryGetValue(code, out var answer))
                    {
                        effective[code] = answer;
                    }
                }
            }
        }

        return visible;
    }

    private static (List<Section> Sections, Dictionary<string, AnswerValue> Effective) Walk(
        Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var effective = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        return (Walk(instrument, answers, effective, null), effective);
    }
}
