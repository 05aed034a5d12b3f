using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.Tests.Core.Instruments;

public class ConditionEvaluatorTests
{
    private static Dictionary<string, AnswerValue> Answers(params AnswerValue[] answers) => answers.ToDictionary(a => a.ItemCode);

    private static AnswerCondition Leaf(string question, ConditionOperator op, params string[] values) => new(question, op, values);

    private static bool Evaluate(Condition? condition, params AnswerValue[] answers) =>
        ConditionEvaluator.IsSatisfied(condition, Answers(answers));

    [Fact]
    public void IsSatisfied_IsTrue_WhenConditionIsNull()
    {
        Assert.True(Evaluate(null));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("b", true)]
    [InlineData("c", false)]
    public void IsSatisfied_In_MatchesSingleValue(string answer, bool expected)
    {
        Assert.Equal(expected, Evaluate(Leaf("q", ConditionOperator.In, "a", "b"), new AnswerValue("q", answer)));
    }

    [Theory]
    [InlineData("x,z", true)]
    [InlineData("y,z", false)]
    [InlineData("z,x,y", true)]
    public void IsSatisfied_In_IsTrueForMultipleChoice_WhenAnySelectedOptionMatches(string answer, bool expected)
    {
        Assert.Equal(expected, Evaluate(Leaf("q", ConditionOperator.In, "x"), AnswerValue.MultipleChoice("q", answer.Split(','))));
    }

    [Fact]
    public void IsSatisfied_In_NeverSplitsASingleValue_ThatContainsASeparator()
    {
        Assert.False(Evaluate(Leaf("q", ConditionOperator.In, "x"), AnswerValue.Text("q", "x;z")));
        Assert.True(Evaluate(Leaf("q", ConditionOperator.In, "x;z"), AnswerValue.Text("q", "x;z")));
    }

    [Theory]
    [InlineData("y,z", true)]
    [InlineData("x,z", false)]
    public void IsSatisfied_NotIn_IsTrueForMultipleChoice_WhenNoSelectedOptionMatches(string answer, bool expected)
    {
        Assert.Equal(expected, Evaluate(Leaf("q", ConditionOperator.NotIn, "x"), AnswerValue.MultipleChoice("q", answer.Split(','))));
    }

    [Theory]
    [InlineData(ConditionOperator.In, false)]
    [InlineData(ConditionOperator.NotIn, true)]
    [InlineData(ConditionOperator.GreaterThan, false)]
    [InlineData(ConditionOperator.LessThan, false)]
    [InlineData(ConditionOperator.Answered, true)]
    public void IsSatisfied_TreatsDontKnowAsAnswered_ButNeverAsMatchingOrComparable(ConditionOperator op, bool expected)
    {
        var condition = Leaf("q", op, op == ConditionOperator.Answered ? [] : ["3"]);

        Assert.Equal(expected, Evaluate(condition, new AnswerValue("q", null, DontKnow: true)));
    }

    [Theory]
    [InlineData(ConditionOperator.In)]
    [InlineData(ConditionOperator.NotIn)]
    [InlineData(ConditionOperator.GreaterThan)]
    [InlineData(ConditionOperator.LessThan)]
    [InlineData(ConditionOperator.Answered)]
    public void IsSatisfied_IsFalseForEveryOperator_WhenQuestionIsUnanswered(ConditionOperator op)
    {
        var condition = Leaf("q", op, op == ConditionOperator.Answered ? [] : ["3"]);

        Assert.False(Evaluate(condition));
        Assert.False(Evaluate(condition, new AnswerValue("q", null)));
        Assert.False(Evaluate(condition, new AnswerValue("q", "")));
    }

    [Theory]
    [InlineData("41", ConditionOperator.GreaterThan, true)]
    [InlineData("40", ConditionOperator.GreaterThan, false)]
    [InlineData("40.5", ConditionOperator.GreaterThan, true)]
    [InlineData("39", ConditionOperator.LessThan, true)]
    [InlineData("40", ConditionOperator.LessThan, false)]
    [InlineData("abc", ConditionOperator.GreaterThan, false)]
    [InlineData("abc", ConditionOperator.LessThan, false)]
    public void IsSatisfied_ComparesNumbersStrictly(string answer, ConditionOperator op, bool expected)
    {
        Assert.Equal(expected, Evaluate(Leaf("q", op, "40"), new AnswerValue("q", answer)));
    }

    [Fact]
    public void IsSatisfied_In_ComparesNumericValuesByValue()
    {
        Assert.True(Evaluate(Leaf("q", ConditionOperator.In, "3"), new AnswerValue("q", "3.0")));
    }

    [Fact]
    public void IsSatisfied_All_RequiresEveryPart_AndAny_RequiresOne()
    {
        var answers = new[] { new AnswerValue("a", "1"), new AnswerValue("b", "2") };
        var yes = Leaf("a", ConditionOperator.In, "1");
        var no = Leaf("b", ConditionOperator.In, "9");

        Assert.True(Evaluate(new AllCondition([yes, yes]), answers));
        Assert.False(Evaluate(new AllCondition([yes, no]), answers));
        Assert.True(Evaluate(new AnyCondition([no, yes]), answers));
        Assert.False(Evaluate(new AnyCondition([no, no]), answers));
        Assert.True(Evaluate(new AnyCondition([no, new AllCondition([yes, Leaf("b", ConditionOperator.Answered)])]), answers));
    }
}
