using System.Numerics;
using System.Runtime.InteropServices;

namespace CoproSurvey.Core.Statistics;

/// <summary>
/// Householder QR with R's limited column pivoting (LINPACK dqrdc2 as modified for R): a column whose norm, after the
/// reflections of the columns before it, has fallen below <c>tolerance</c> times its reference norm is moved to the
/// end and counts as aliased; the rank is the number of columns left in front. The factored matrix holds R in its
/// upper triangle and the Householder vectors below it (the leading element of vector l in <see cref="Qraux"/>).
/// </summary>
internal sealed class QrDecomposition
{
    /// <summary>R's default tolerance for <c>lm</c> (<c>qr(x, tol = 1e-07)</c>).</summary>
    public const double DefaultTolerance = 1e-7;

    private QrDecomposition(double[] factors, int rows, int columns, int rank, int[] pivot, double[] qraux)
    {
        Factors = factors;
        Rows = rows;
        Columns = columns;
        Rank = rank;
        Pivot = pivot;
        Qraux = qraux;
    }

    public double[] Factors { get; }

    public int Rows { get; }

    public int Columns { get; }

    public int Rank { get; }

    /// <summary>Pivot[k] is the original index of the column at position k; positions at or past Rank are aliased.</summary>
    public int[] Pivot { get; }

    public double[] Qraux { get; }

    public double R(int i, int j) => Factors[(j * Rows) + i];

    /// <summary>Factors <paramref name="a"/> (n x p, column-major) in place.</summary>
    /// <param name="a">The matrix; overwritten by the factors.</param>
    /// <param name="n">Rows.</param>
    /// <param name="p">Columns.</param>
    /// <param name="tolerance">Relative norm below which a column is aliased.</param>
    /// <param name="referenceNorms">Norm each column is compared with (default: its own norm before factoring; R's
    /// behaviour on a design whose intercept has been projected out is had by passing the norms before centring).</param>
    public static QrDecomposition Factor(double[] a, int n, int p, double tolerance = DefaultTolerance, double[]? referenceNorms = null)
    {
        var pivot = Enumerable.Range(0, p).ToArray();
        var qraux = new double[p];
        var work1 = new double[p];
        var work2 = new double[p];
        for (var j = 0; j < p; j++)
        {
            qraux[j] = Norm(a.AsSpan(j * n, n));
            work1[j] = qraux[j];
            work2[j] = referenceNorms is null ? qraux[j] : referenceNorms[j];
            if (work2[j] == 0)
            {
                work2[j] = 1;
            }
        }

        var lup = Math.Min(n, p);
        var k = p + 1;
        double[]? temp = null;
        for (var l = 0; l < lup; l++)
        {
            // Cycle negligible columns to the end; the check on k avoids cycling for ever.
            while (l + 1 < k && qraux[l] < work2[l] * tolerance)
            {
                temp ??= new double[n];
                a.AsSpan(l * n, n).CopyTo(temp);
                Array.Copy(a, (l + 1) * n, a, l * n, (p - l - 1) * n);
                temp.CopyTo(a.AsSpan((p - 1) * n, n));
                Rotate(pivot, l);
                Rotate(qraux, l);
                Rotate(work1, l);
                Rotate(work2, l);
                k--;
            }

            if (l == n - 1)
            {
                break;
            }

            var v = a.AsSpan((l * n) + l, n - l);
            var nrmxl = Norm(v);
            if (nrmxl == 0)
            {
                continue;
            }

            if (v[0] != 0)
            {
                nrmxl = Math.CopySign(nrmxl, v[0]);
            }

            Scale(v, 1.0 / nrmxl);
            v[0] += 1.0;
            for (var j = l + 1; j < p; j++)
            {
                var col = a.AsSpan((j * n) + l, n - l);
                var t = -Dot(v, col) / v[0];
                Axpy(t, v, col);
                if (qraux[j] == 0)
                {
                    continue;
                }

                var tt = 1.0 - Math.Pow(Math.Abs(col[0]) / qraux[j], 2);
                tt = Math.Max(tt, 0);
                if (Math.Abs(tt) < 1e-6)
                {
                    // Downdating lost accuracy: recompute the norm (R's 1999 fix to rank estimation).
                    qraux[j] = Norm(col[1..]);
                    work1[j] = qraux[j];
                }
                else
                {
                    qraux[j] *= Math.Sqrt(tt);
                }
            }

            qraux[l] = v[0];
            v[0] = -nrmxl;
        }

        var rank = Math.Min(k - 1, n);
        return new QrDecomposition(a, n, p, rank, pivot, qraux);
    }

    /// <summary>Overwrites <paramref name="y"/> (length n) with Q'y, using the first Rank reflections.</summary>
    public void ApplyQt(Span<double> y)
    {
        for (var l = 0; l < Math.Min(Rank, Rows - 1); l++)
        {
            if (Qraux[l] == 0)
            {
                continue;
            }

            var v = Factors.AsSpan((l * Rows) + l, Rows - l);
            var saved = v[0];
            v[0] = Qraux[l];
            var target = y[l..];
            Axpy(-Dot(v, target) / v[0], v, target);
            v[0] = saved;
        }
    }

    /// <summary>Solves R x = b in place for the leading Rank x Rank block.</summary>
    public void SolveR(Span<double> x)
    {
        for (var i = Rank - 1; i >= 0; i--)
        {
            var s = x[i];
            for (var j = i + 1; j < Rank; j++)
            {
                s -= R(i, j) * x[j];
            }

            x[i] = s / R(i, i);
        }
    }

    /// <summary>Solves R'x = b in place for the leading Rank x Rank block.</summary>
    public void SolveRt(Span<double> x)
    {
        for (var i = 0; i < Rank; i++)
        {
            var s = x[i];
            for (var j = 0; j < i; j++)
            {
                s -= R(j, i) * x[j];
            }

            x[i] = s / R(i, i);
        }
    }

    /// <summary>(R'R)^-1 = R^-1 R^-T for the leading Rank x Rank block, row-major Rank x Rank.</summary>
    public double[] InverseCrossProduct()
    {
        var r = Rank;
        var rinv = new double[r * r];
        for (var j = 0; j < r; j++)
        {
            var column = new double[r];
            column[j] = 1;
            SolveR(column);
            for (var i = 0; i <= j; i++)
            {
                rinv[(i * r) + j] = column[i];
            }
        }

        var result = new double[r * r];
        for (var i = 0; i < r; i++)
        {
            for (var j = i; j < r; j++)
            {
                double s = 0;
                for (var m = j; m < r; m++)
                {
                    s += rinv[(i * r) + m] * rinv[(j * r) + m];
                }

                result[(i * r) + j] = s;
                result[(j * r) + i] = s;
            }
        }

        return result;
    }

    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        var i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= 4 * Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            Vector<double> s0 = Vector<double>.Zero, s1 = Vector<double>.Zero;
            var m = 0;
            for (; m + 1 < vx.Length; m += 2)
            {
                s0 = Vector.FusedMultiplyAdd(vx[m], vy[m], s0);
                s1 = Vector.FusedMultiplyAdd(vx[m + 1], vy[m + 1], s1);
            }

            for (; m < vx.Length; m++)
            {
                s0 = Vector.FusedMultiplyAdd(vx[m], vy[m], s0);
            }

            sum = Vector.Sum(s0 + s1);
            i = vx.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            sum = Math.FusedMultiplyAdd(x[i], y[i], sum);
        }

        return sum;
    }

    /// <summary>y += t x.</summary>
    internal static void Axpy(double t, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            var vt = new Vector<double>(t);
            for (var m = 0; m < vx.Length; m++)
            {
                vy[m] = Vector.FusedMultiplyAdd(vt, vx[m], vy[m]);
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            y[i] = Math.FusedMultiplyAdd(t, x[i], y[i]);
        }
    }

    private static void Scale(Span<double> x, double s)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= s;
        }
    }

    private static double Norm(ReadOnlySpan<double> x)
    {
        // Scale by the largest magnitude so that squares neither overflow nor underflow.
        var max = 0.0;
        foreach (var v in x)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        if (max == 0 || !double.IsFinite(max))
        {
            return max;
        }

        var plain = Math.Sqrt(Dot(x, x));
        if (plain > 1e-150 && plain < 1e150)
        {
            return plain;
        }

        double s = 0;
        foreach (var v in x)
        {
            s += (v / max) * (v / max);
        }

        return max * Math.Sqrt(s);
    }

    private static void Rotate<T>(T[] array, int from)
    {
        var first = array[from];
        Array.Copy(array, from + 1, array, from, array.Length - from - 1);
        array[^1] = first;
    }
}
