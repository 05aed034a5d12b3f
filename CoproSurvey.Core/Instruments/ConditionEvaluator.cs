using CoproSurvey.Core.Responses;

namespace CoproSurvey.Core.Instruments;

/// <summary>Evaluates display conditions against the answers given so far.</summary>
public static class ConditionEvaluator
{
    public static bool IsSatisfied(Condition? condition, IReadOnlyDictionary<string, AnswerValue> answers) =>
        throw new NotImplementedException();
}
