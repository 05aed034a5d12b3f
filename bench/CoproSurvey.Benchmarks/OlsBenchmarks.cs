using BenchmarkDotNet.Attributes;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Benchmarks;

/// <summary>
/// A full OLS fit with HC3 standard errors against one Householder QR of the same 200,000 x 20 matrix (the copy the
/// factorisation overwrites included in both).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class OlsBenchmarks
{
    private const int Rows = 200_000;
    private const int Columns = 20;

    private DesignMatrix design = null!;
    private double[] matrix = null!;
    private double[] work = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261129);
        matrix = new double[Rows * Columns];
        var y = new double[Rows];
        Array.Fill(matrix, 1.0, 0, Rows);
        for (var j = 1; j < Columns; j++)
        {
            for (var i = 0; i < Rows; i++)
            {
                matrix[(j * Rows) + i] = (random.NextDouble() * 10) + j;
            }
        }

        for (var i = 0; i < Rows; i++)
        {
            double s = 1;
            for (var j = 1; j < Columns; j++)
            {
                s += 0.1 * j * matrix[(j * Rows) + i];
            }

            y[i] = s + ((random.NextDouble() - 0.5) * (1 + matrix[Rows + i]));
        }

        var names = Enumerable.Range(0, Columns).Select(j => j == 0 ? DesignMatrix.InterceptName : $"x{j}").ToArray();
        design = DesignMatrix.FromColumnMajor(matrix, Rows, names, y, hasIntercept: true);
        work = new double[matrix.Length];
    }

    [Benchmark(Baseline = true)]
    public int HouseholderQr()
    {
        matrix.CopyTo(work, 0);
        return QrDecomposition.Factor(work, Rows, Columns).Rank;
    }

    [Benchmark]
    public double OlsWithHC3() => Ols.Fit(design, CovarianceType.HC3).Coefficients[1].StandardError;
}
