namespace CoproSurvey.Tests.Support;

/// <summary>Accuracy checks in significant digits, the way NIST scores StRD results.</summary>
public static class Precision
{
    /// <summary>
    /// Log relative error: the number of correct significant digits of <paramref name="actual"/>, capped at 15.
    /// Where the certified value is 0, the log absolute error is used instead.
    /// </summary>
    public static double Lre(double actual, double certified)
    {
        if (double.IsNaN(actual) || double.IsInfinity(actual))
        {
            return 0;
        }

        if (actual == certified)
        {
            return 15;
        }

        var error = certified == 0 ? Math.Abs(actual) : Math.Abs(actual - certified) / Math.Abs(certified);
        return Math.Clamp(-Math.Log10(error), 0, 15);
    }

    /// <summary>Asserts at least <paramref name="digits"/> correct significant digits.</summary>
    public static void AssertDigits(double certified, double actual, double digits, string what = "value")
    {
        var lre = Lre(actual, certified);
        Assert.True(
            lre >= digits,
            $"{what}: expected {certified:R}, got {actual:R}: {lre:F1} correct significant digits, needed {digits:F1}.");
    }
}
