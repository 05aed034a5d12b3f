using CoproSurvey.Core.Responses;

namespace CoproSurvey.Core.Instruments;

/// <summary>Which sections and questions a respondent sees given the answers so far.</summary>
public static class InstrumentNavigator
{
    public static IReadOnlyList<Section> VisibleSections(Instrument instrument, IReadOnlyDictionary<string, AnswerValue> answers) =>
        throw new NotImplementedException();

    public static IReadOnlyList<Question> VisibleQuestions(Section section, IReadOnlyDictionary<string, AnswerValue> answers) =>
        throw new NotImplementedException();
}
