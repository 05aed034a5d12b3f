namespace CoproSurvey.Core.Statistics;

/// <summary>
/// An unevaluated sum hi + lo of two doubles (about 31 significant digits), used for accumulations whose
/// rounding error would otherwise reach the result: sums, sums of squares, dot products and residuals.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static readonly DoubleDouble Zero = new(0, 0);

    public double Value => Hi + Lo;

    public static implicit operator DoubleDouble(double x) => new(x, 0);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var (s, e) = TwoSum(a.Hi, b.Hi);
        e += a.Lo + b.Lo;
        return QuickTwoSum(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var (p, e) = TwoProduct(a.Hi, b.Hi);
        e += a.Hi * b.Lo + a.Lo * b.Hi;
        return QuickTwoSum(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        var q1 = a.Hi / b.Hi;
        var r = a - b * q1;
        var q2 = r.Hi / b.Hi;
        r -= b * q2;
        var q3 = r.Hi / b.Hi;
        return QuickTwoSum(q1, q2) + q3;
    }

    /// <summary>Exact product of two doubles as hi + lo.</summary>
    public static DoubleDouble Product(double a, double b)
    {
        var (p, e) = TwoProduct(a, b);
        return new DoubleDouble(p, e);
    }

    public static (double Sum, double Error) TwoSum(double a, double b)
    {
        var s = a + b;
        var bb = s - a;
        var err = (a - (s - bb)) + (b - bb);
        return (s, err);
    }

    private static (double Product, double Error) TwoProduct(double a, double b)
    {
        var p = a * b;
        return (p, Math.FusedMultiplyAdd(a, b, -p));
    }

    private static DoubleDouble QuickTwoSum(double a, double b)
    {
        var s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
