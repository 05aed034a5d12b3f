using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.Tests.Core.Responses;

public class ResponseTests
{
    private static readonly DateTimeOffset Started = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Response NewResponse() =>
        Response.Start(1, 1, new string('a', 64), Audience.Citizen, "ABCDE23456", new RespondentContext("BE", "health", ""), Started, "consent-1");

    [Fact]
    public void RecordAnswers_UpdatesInPlace_AndKeepsTheTimeOfAnUnchangedAnswer()
    {
        // Arrange
        var response = NewResponse();
        response.RecordAnswers([new AnswerValue("q1", "1"), new AnswerValue("q2", "2")], Started);

        // Act
        var changed = response.RecordAnswers([new AnswerValue("q1", "1"), new AnswerValue("q2", null, DontKnow: true)], Started.AddMinutes(1));

        // Assert
        Assert.True(changed);
        Assert.Equal(2, response.Answers.Count);
        Assert.Equal(Started, response.Answers.Single(a => a.ItemCode == "q1").AnsweredAt);
        Assert.Equal((null, true), (response.Answers.Single(a => a.ItemCode == "q2").Value, response.Answers.Single(a => a.ItemCode == "q2").DontKnow));
        Assert.Null(response.ServiceUnit);
    }

    [Fact]
    public void RecordAnswers_Throws_OnceTheResponseIsCompleted()
    {
        // Arrange
        var response = NewResponse();
        response.Complete(Started.AddMinutes(10));

        // Act / Assert
        Assert.Throws<InvalidOperationException>(() => response.RecordAnswers([new AnswerValue("q1", "1")], Started.AddMinutes(11)));
        Assert.Throws<InvalidOperationException>(() => response.RemoveAnswers(["q1"]));
        Assert.Throws<InvalidOperationException>(() => response.Complete(Started.AddMinutes(12)));
    }

    [Fact]
    public void Complete_Throws_BeforeTheStart()
    {
        // Arrange
        var response = NewResponse();

        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => response.Complete(Started.AddSeconds(-1)));
        Assert.False(response.IsCompleted);
    }

    [Fact]
    public void RecordAnswers_RejectsAnAnswerWithoutValue_UnlessDontKnow()
    {
        // Arrange
        var response = NewResponse();

        // Act / Assert
        Assert.Throws<ArgumentException>(() => response.RecordAnswers([new AnswerValue("q1", null)], Started));
        Assert.Throws<ArgumentException>(() => response.RecordAnswers([new AnswerValue("q1", "3", DontKnow: true)], Started));
    }

    [Theory]
    [InlineData("abcde-23456", "ABCDE23456")]
    [InlineData(" ABCDE23456 ", "ABCDE23456")]
    [InlineData("abcd-2345", "ABCD2345")]
    [InlineData(" ABCD2345 ", "ABCD2345")]
    [InlineData("ABCDE-2345", null)]
    [InlineData("ABCD-23456", null)]
    [InlineData("ABCDE2345", null)]
    [InlineData("ABCD-0345", null)]
    [InlineData("ABCD-L345", null)]
    [InlineData("ABC-D2345", null)]
    [InlineData("ABCD2345X", null)]
    [InlineData("", null)]
    public void Normalize_AcceptsAnyCaseAndTheDash_AndRejectsLookAlikes(string entered, string? expected)
    {
        // Act / Assert
        Assert.Equal(expected, ResumeCodes.Normalize(entered));
    }

    [Fact]
    public void NewCode_UsesOnlyTheUnambiguousAlphabet()
    {
        // Act
        var codes = Enumerable.Range(0, 500).Select(_ => ResumeCodes.NewCode()).ToList();

        // Assert
        Assert.All(codes, c => Assert.True(ResumeCodes.IsNormalized(c), c));
        Assert.All(codes, c => Assert.Equal(ResumeCodes.Length, c.Length));
        Assert.Equal("ABCDE-23456", ResumeCodes.Format("ABCDE23456"));
        Assert.Equal("ABCD-2345", ResumeCodes.Format("ABCD2345"));
        Assert.DoesNotContain(ResumeCodes.Alphabet, c => "01OIL".Contains(c));
    }
}
