using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.Tests.Core.Instruments;

public class InstrumentNavigatorTests
{
    private static readonly Instrument Sample = SampleInstrument.Load();

    /// <summary>Answers by item code; a multiple-choice item's options are written comma-separated here.</summary>
    private static Dictionary<string, AnswerValue> Answers(params (string Code, string Value)[] answers) =>
        answers.ToDictionary(
            a => a.Code,
            a => Sample.FindItem(a.Code)?.Question.Type == QuestionType.MultipleChoice
                ? AnswerValue.MultipleChoice(a.Code, a.Value.Split(','))
                : new AnswerValue(a.Code, a.Value));

    private static string[] SectionCodes(IReadOnlyDictionary<string, AnswerValue> answers) =>
        InstrumentNavigator.VisibleSections(Sample, answers).Select(s => s.Code).ToArray();

    [Fact]
    public void VisibleSections_SkipsSectionWhoseConditionFails()
    {
        Assert.Equal(["intro", "end"], SectionCodes(Answers(("s_kind", "b"))));
        Assert.Equal(["intro", "end"], SectionCodes(Answers()));
    }

    [Fact]
    public void VisibleSections_IncludesSectionWhoseConditionHolds()
    {
        Assert.Equal(["intro", "battery", "end"], SectionCodes(Answers(("s_kind", "a"))));
    }

    [Fact]
    public void VisibleSections_IgnoresAnswersOnHiddenPages_WhenLaterConditionsAreEvaluated()
    {
        // m_1 was answered while 'battery' was shown; once s_kind changes, that answer no longer counts.
        var answers = Answers(("s_kind", "b"), ("m_1", "2"));

        var sections = InstrumentNavigator.VisibleSections(Sample, answers);

        var end = Assert.Single(sections, s => s.Code == "end");
        Assert.Equal(["s_comment"], InstrumentNavigator.VisibleQuestions(end, Answers()).Select(q => q.Code));
    }

    [Fact]
    public void VisibleSections_SkipsSectionWithNoVisibleQuestion()
    {
        var section = new Section("only_conditional", "Only conditional", null, null,
            [Sample.Sections[2].Questions[1]]);
        var instrument = Sample with { Sections = [Sample.Sections[0], section] };

        Assert.Equal(["intro"], InstrumentNavigator.VisibleSections(instrument, Answers()).Select(s => s.Code));
    }

    [Theory]
    [InlineData("s_many", "y,x", true)]
    [InlineData("s_many", "y", false)]
    [InlineData("s_age", "41", true)]
    [InlineData("s_age", "40", false)]
    public void VisibleQuestions_ShowsConditionalQuestion_WhenAnyPartHolds(string code, string value, bool shown)
    {
        var battery = Sample.Sections[1];

        var codes = InstrumentNavigator.VisibleQuestions(battery, Answers((code, value))).Select(q => q.Code).ToList();

        Assert.Equal(["m", "s_name"], codes.Take(2));
        Assert.Equal(shown, codes.Contains("s_single"));
    }

    [Fact]
    public void EffectiveAnswers_DropsAnswersToHiddenQuestions()
    {
        var hidden = Answers(("s_kind", "b"), ("s_use", "1"), ("m_1", "2"), ("s_other", "5"));
        var shown = Answers(("s_kind", "a"), ("s_use", "1"), ("m_1", "2"), ("s_other", "5"));

        Assert.Equal(["s_kind", "s_use"], InstrumentNavigator.EffectiveAnswers(Sample, hidden).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["m_1", "s_kind", "s_other", "s_use"], InstrumentNavigator.EffectiveAnswers(Sample, shown).Keys.Order(StringComparer.Ordinal));
    }
}
