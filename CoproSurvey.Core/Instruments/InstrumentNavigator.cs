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

/// <summary>
/// The walk of <see cref="InstrumentNavigator"/> worked out once for an instrument, for code that routes many responses
/// (a dataset's rows): items are numbered (their order in <see cref="Instrument.Items"/>), answers are held in arrays by
/// number, and only the answers that some condition refers to go into the dictionary that conditions are evaluated
/// on, which is all a condition looks up. It gives the same pages, effective answers and shown items as the walk.
/// </summary>
internal sealed class InstrumentRoutePlan
{
    private readonly (Section Section, (Question Question, int[] Items)[] Questions)[] pages;
    private readonly string[] codes;
    private readonly bool[] inConditions;
    private readonly Dictionary<string, AnswerValue> conditionAnswers = new(StringComparer.Ordinal);
    private bool[] visible = [];

    public InstrumentRoutePlan(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        codes = [.. instrument.Items.Select(i => i.Code)];
        var numbers = codes.Select((code, n) => (code, n)).ToDictionary(x => x.code, x => x.n, StringComparer.Ordinal);
        pages = [.. instrument.Sections.Select(s => (s, s.Questions.Select(q => (q, q.ItemCodes.Select(c => numbers[c]).ToArray())).ToArray()))];
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in instrument.Sections)
        {
            AddReferenced(section.DisplayCondition, referenced);
            foreach (var question in section.Questions)
            {
                AddReferenced(question.DisplayCondition, referenced);
            }
        }

        inConditions = [.. codes.Select(referenced.Contains)];
    }

    /// <summary>The number of items: the length of the arrays <see cref="Walk"/> takes.</summary>
    public int ItemCount => codes.Length;

    /// <summary>
    /// Walks the pages given the answers by item number (null: none), filling <paramref name="effective"/> (the answers
    /// that count, by number) and <paramref name="shown"/> (the items of the questions shown); both are cleared first.
    /// Not thread-safe: a plan holds the dictionary its conditions read.
    /// </summary>
    public void Walk(ReadOnlySpan<AnswerValue?> given, Span<AnswerValue?> effective, Span<bool> shown)
    {
        effective[..codes.Length].Clear();
        shown[..codes.Length].Clear();
        conditionAnswers.Clear();
        foreach (var (section, questions) in pages)
        {
            if (!ConditionEvaluator.IsSatisfied(section.DisplayCondition, conditionAnswers))
            {
                continue;
            }

            // Every question of the page is judged on the answers before the page, as VisibleQuestions does.
            if (visible.Length < questions.Length)
            {
                visible = new bool[questions.Length];
            }

            var any = false;
            for (var q = 0; q < questions.Length; q++)
            {
                visible[q] = ConditionEvaluator.IsSatisfied(questions[q].Question.DisplayCondition, conditionAnswers);
                any |= visible[q];
            }

            if (!any)
            {
                continue;
            }

            for (var q = 0; q < questions.Length; q++)
            {
                if (!visible[q])
                {
                    continue;
                }

                foreach (var item in questions[q].Items)
                {
                    shown[item] = true;
                    if (given[item] is { } answer)
                    {
                        effective[item] = answer;
                        if (inConditions[item])
                        {
                            conditionAnswers[codes[item]] = answer;
                        }
                    }
                }
            }
        }
    }

    private static void AddReferenced(Condition? condition, HashSet<string> codes)
    {
        switch (condition)
        {
            case AnswerCondition leaf:
                codes.Add(leaf.Question);
                break;
            case AllCondition all:
                foreach (var c in all.Conditions)
                {
                    AddReferenced(c, codes);
                }

                break;
            case AnyCondition any:
                foreach (var c in any.Conditions)
                {
                    AddReferenced(c, codes);
                }

                break;
        }
    }
}
