using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Instruments;

/// <summary>The plan that routes a dataset's rows must give what <see cref="InstrumentNavigator"/> gives, answer set by answer set.</summary>
public class InstrumentRoutePlanTests
{
    public static TheoryData<string> Instruments => new("sample", "citizen", "professional");

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Walk_GivesTheNavigatorsEffectiveAnswersAndShownItems_ForRandomAnswers(string name)
    {
        var instrument = Load(name);
        var plan = new InstrumentRoutePlan(instrument);
        var codes = instrument.Items.Select(i => i.Code).ToList();
        var random = new Random(7);
        var given = new AnswerValue?[plan.ItemCount];
        var effective = new AnswerValue?[plan.ItemCount];
        var shown = new bool[plan.ItemCount];
        var hidden = 0;
        for (var run = 0; run < 500; run++)
        {
            var answers = RandomAnswers(instrument, random);
            for (var n = 0; n < codes.Count; n++)
            {
                given[n] = answers.GetValueOrDefault(codes[n]);
            }

            plan.Walk(given, effective, shown);

            var expected = InstrumentNavigator.EffectiveAnswers(instrument, answers);
            var expectedShown = InstrumentNavigator.VisibleSections(instrument, expected)
                .SelectMany(s => InstrumentNavigator.VisibleQuestions(s, expected))
                .SelectMany(q => q.ItemCodes)
                .ToHashSet();
            for (var n = 0; n < codes.Count; n++)
            {
                Assert.Equal(expected.GetValueOrDefault(codes[n]), effective[n]);
                Assert.Equal(expectedShown.Contains(codes[n]), shown[n]);
            }

            hidden += codes.Count - expectedShown.Count;
        }

        // Random answers that never hid anything would not have tried the conditions.
        Assert.True(hidden > 0, $"No item of '{name}' was ever hidden by the random answers.");
    }

    private static Instrument Load(string name) => name == "sample"
        ? SampleInstrument.Load()
        : InstrumentLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "instruments", name + ".json")).Instrument!;

    /// <summary>Each item left out, answered "don't know", or given a value its question can take.</summary>
    private static Dictionary<string, AnswerValue> RandomAnswers(Instrument instrument, Random random)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var item in instrument.Items)
        {
            var roll = random.Next(10);
            if (roll < 2)
            {
                continue;
            }

            var question = item.Question;
            if (roll == 2 && question.ResponseScale?.DontKnowLabel is not null)
            {
                answers[item.Code] = AnswerValue.DontKnowTo(item.Code);
                continue;
            }

            answers[item.Code] = question.Type switch
            {
                QuestionType.Likert or QuestionType.LikertMatrix =>
                    AnswerValue.ScalePoint(item.Code, question.ResponseScale!.Points[random.Next(question.ResponseScale.Points.Count)].Value),
                QuestionType.SingleChoice => AnswerValue.SingleChoice(item.Code, question.Options[random.Next(question.Options.Count)].Code),
                QuestionType.MultipleChoice => AnswerValue.MultipleChoice(item.Code, question.Options.Where(_ => random.Next(2) == 0).Select(o => o.Code)),
                QuestionType.Numeric => AnswerValue.Numeric(item.Code, random.Next(0, 100)),
                _ => AnswerValue.Text(item.Code, "text " + random.Next(3)),
            };
        }

        return answers;
    }
}
