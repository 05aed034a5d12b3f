namespace CoproSurvey.Tests.Support;

public class PrecisionTests
{
    [Theory]
    [InlineData(1.0000001, 1.0, 7.0)]
    [InlineData(123.456, 123.0, 2.43)]
    [InlineData(1e-12, 0.0, 12.0)]
    public void Lre_CountsCorrectSignificantDigits_ForKnownErrors(double actual, double certified, double expected)
    {
        Assert.InRange(Precision.Lre(actual, certified), expected - 0.05, expected + 0.05);
    }

    [Fact]
    public void AssertDigits_Fails_WhenTooFewDigitsAreCorrect()
    {
        Assert.ThrowsAny<Exception>(() => Precision.AssertDigits(1.0, 1.001, 9));
    }
}
