using System.Numerics;
using System.Runtime.InteropServices;

namespace CoproSurvey.Core.Statistics;

/// <summary>Fills a column-major block (length × K) of rows start..start+length of an orthonormal basis of the design.</summary>
internal delegate void OrthonormalRowFiller(int start, int length, Span<double> rows);

/// <summary>
/// Vectorised error-free transformations for residuals and dot products carried in twice the working precision
/// (the Sum2/Dot2 scheme of Ogita, Rump and Oishi): each value is an unevaluated pair hi + lo.
/// </summary>
internal static class Compensated
{
    /// <summary>(hi, lo) -= b · x elementwise, with the product and the subtraction errors kept in lo.</summary>
    public static void SubtractScaled(Span<double> hi, Span<double> lo, double b, ReadOnlySpan<double> x)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var vh = MemoryMarshal.Cast<double, Vector<double>>(hi);
            var vl = MemoryMarshal.Cast<double, Vector<double>>(lo);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vb = new Vector<double>(b);
            for (var m = 0; m < vx.Length; m++)
            {
                var p = vb * vx[m];
                var e = Vector.FusedMultiplyAdd(vb, vx[m], -p);
                var h = vh[m];
                var s = h - p;
                var bb = s - h;
                var err = (h - (s - bb)) + (-p - bb);
                vh[m] = s;
                vl[m] += err - e;
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            var p = b * x[i];
            var e = Math.FusedMultiplyAdd(b, x[i], -p);
            var (s, err) = DoubleDouble.TwoSum(hi[i], -p);
            hi[i] = s;
            lo[i] += err - e;
        }
    }

    /// <summary>Renormalises pairs so that |lo| is at most half an ulp of hi.</summary>
    public static void Normalise(Span<double> hi, Span<double> lo)
    {
        for (var i = 0; i < hi.Length; i++)
        {
            var s = hi[i] + lo[i];
            lo[i] -= s - hi[i];
            hi[i] = s;
        }
    }

    /// <summary>Σ x · (hi + lo) as a double-double.</summary>
    public static DoubleDouble Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> hi, ReadOnlySpan<double> lo)
    {
        var i = 0;
        var result = DoubleDouble.Zero;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vh = MemoryMarshal.Cast<double, Vector<double>>(hi);
            var vl = MemoryMarshal.Cast<double, Vector<double>>(lo);
            var sum = Vector<double>.Zero;
            var comp = Vector<double>.Zero;
            for (var m = 0; m < vx.Length; m++)
            {
                var p = vx[m] * vh[m];
                var ep = Vector.FusedMultiplyAdd(vx[m], vh[m], -p);
                var s = sum + p;
                var bb = s - sum;
                var es = (sum - (s - bb)) + (p - bb);
                sum = s;
                comp += es + Vector.FusedMultiplyAdd(vx[m], vl[m], ep);
            }

            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                result += new DoubleDouble(sum[lane], 0) + comp[lane];
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            result += DoubleDouble.Product(x[i], hi[i]) + (x[i] * lo[i]);
        }

        return result;
    }
}
