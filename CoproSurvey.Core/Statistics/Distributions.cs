using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// Tail probabilities and quantiles computed from the regularised incomplete beta and gamma functions directly,
/// so that small p-values keep their relative accuracy (1 - CDF would cancel them away).
/// </summary>
internal static class Distributions
{
    /// <summary>The 0.975 quantile of the standard normal (the "1.96" of Wald intervals).</summary>
    public const double Z975 = 1.959963984540054;

    /// <summary>Two-tailed p-value P(|Z| &gt;= |z|) of a standard normal z.</summary>
    public static double NormalTwoTailed(double z) => double.IsInfinity(z) ? 0 : 2 * Normal.CDF(0, 1, -Math.Abs(z));

    /// <summary>Two-tailed p-value P(|T| &gt;= |t|) of Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTTwoTailed(double t, double df)
    {
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        var x = df / (df + t * t);
        return Math.Clamp(SpecialFunctions.BetaRegularized(df / 2, 0.5, x), 0, 1);
    }

    /// <summary>Upper-tail probability P(T &gt;= t) of Student's t.</summary>
    public static double StudentTUpper(double t, double df)
    {
        var half = StudentTTwoTailed(t, df) / 2;
        return t >= 0 ? half : 1 - half;
    }

    /// <summary>
    /// The t value with upper-tail probability <paramref name="upperTail"/> (e.g. 0.025 for a 95% interval):
    /// MathNet's root-finding estimate polished by Newton steps on the accurate upper tail.
    /// </summary>
    public static double StudentTUpperQuantile(double upperTail, double df)
    {
        var x = StudentT.InvCDF(0, 1, df, 1 - upperTail);
        for (var i = 0; i < 8; i++)
        {
            var step = (StudentTUpper(x, df) - upperTail) / StudentT.PDF(0, 1, df, x);
            x += step;
            if (Math.Abs(step) <= 1e-17 * Math.Abs(x))
            {
                break;
            }
        }

        return x;
    }

    /// <summary>Upper-tail probability P(F &gt;= f) of the F distribution with (<paramref name="df1"/>, <paramref name="df2"/>) degrees of freedom.</summary>
    public static double FisherUpper(double f, double df1, double df2)
    {
        if (double.IsNaN(f))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(f))
        {
            return 0;
        }

        if (f <= 0)
        {
            return 1;
        }

        var x = df2 / (df2 + df1 * f);
        return Math.Clamp(SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, x), 0, 1);
    }

    /// <summary>Upper-tail probability P(X &gt;= x) of the chi-square distribution with <paramref name="df"/> degrees of freedom.</summary>
    public static double ChiSquareUpper(double x, double df) =>
        x <= 0 ? 1 : Math.Clamp(SpecialFunctions.GammaUpperRegularized(df / 2, x / 2), 0, 1);
}
