using System.Globalization;
using System.Text;
using CoproSurvey.Core.Analysis.Tabular;

namespace CoproSurvey.Tests.Core.Analysis.Tabular;

public class NumberTextTests
{
    [Fact]
    public void TryParse_AgreesWithDoubleParse_OnRandomDecimalTexts()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var digits = random.Next(1, 19);
            var text = new StringBuilder(random.Next(3) == 0 ? "-" : "");
            for (var d = 0; d < digits; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            var point = random.Next(digits + 1);
            var s = point < digits ? text.Insert(text.Length - point, '.').ToString() : text.ToString();

            Assert.True(NumberText.TryParse(Encoding.UTF8.GetBytes(s), out var value), s);
            Assert.Equal(double.Parse(s, CultureInfo.InvariantCulture), value);
        }
    }

    [Theory]
    [InlineData("1e3", 1000.0)]
    [InlineData("-2.5E-3", -0.0025)]
    [InlineData(" 7.25 ", 7.25)]
    [InlineData("+4", 4.0)]
    [InlineData(".5", 0.5)]
    [InlineData("123456789012345678901", 123456789012345678901.0)]
    public void TryParse_ReadsExponentsSignsAndLongMantissas(string text, double expected)
    {
        Assert.True(NumberText.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("1,5")]
    public void TryParse_RefusesTextThatIsNotAFiniteNumber(string text)
    {
        Assert.False(NumberText.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("1000000000000.4")]
    [InlineData("-0.000000000000000000001")]
    [InlineData("12345678901234567890.5")]
    public void TryParseExact_KeepsEveryDecimalDigit(string text)
    {
        Assert.True(NumberText.TryParseExact(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(decimal.Parse(text, CultureInfo.InvariantCulture), value);
    }
}
