using CoproSurvey.Core.Responses;

namespace CoproSurvey.Core.Instruments;

/// <summary>
/// Which pages and questions a respondent sees given the answers so far. Conditions refer only to earlier pages,
/// so visibility is decided page by page: answers to questions that are hidden (their page or the question itself)
/// are ignored when later conditions are evaluated, and a page none of whose questions is visible is skipped.
/// </summary>
public static class InstrumentNavigator
{
    public static IReadOnlyList<Section> VisibleSections(Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers)
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

        return visible;
    }

    public static IReadOnlyList<Question> VisibleQuestions(Section section, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(answers);
        return section.Questions.Where(q => ConditionEvaluator.IsSatisfied(q.DisplayCondition, answers)).ToList();
    }
}
