using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;
using Xunit.Abstractions;

namespace CoproSurvey.Tests.Core.Statistics.Regression;

/// <summary>OLS against NIST StRD certified values: at least 9 digits and never fewer than R's lm reaches.</summary>
public class NistRegressionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Norris", 12.5)]
    [InlineData("Pontius", 12.7)]
    [InlineData("NoInt1", 14.4)]
    [InlineData("NoInt2", 15.0)]
    [InlineData("Longley", 13.0)]
    public void Ols_MatchesCertifiedValues_OnNistData(string name, double rDigits)
    {
        // Arrange
        var nist = NistDataset.Load(name);
        var (data, model) = Model(nist);
        var digits = Math.Max(9, rDigits);

        // Act
        var fit = Ols.Fit(data, model);

        // Assert
        Assert.Equal(nist.Estimates.Count, fit.Coefficients.Count);
        for (var j = 0; j < nist.Estimates.Count; j++)
        {
            AssertCertified(nist.Estimates[j], fit.Coefficients[j].Estimate, digits, $"{name} B{j}");
            AssertCertified(nist.StandardDeviations[j], fit.Coefficients[j].StandardError, digits, $"{name} SD(B{j})");
        }

        AssertCertified(nist.ResidualStandardDeviation, fit.Sigma, digits, $"{name} residual SD");
        AssertCertified(nist.RSquared, fit.RSquared, digits, $"{name} R²");
        var lre = nist.Estimates.Select((b, j) => Precision.Lre(fit.Coefficients[j].Estimate, b))
            .Concat(nist.StandardDeviations.Select((sd, j) => Precision.Lre(fit.Coefficients[j].StandardError, sd)))
            .Append(Precision.Lre(fit.Sigma, nist.ResidualStandardDeviation))
            .Append(Precision.Lre(fit.RSquared, nist.RSquared))
            .Min();
        output.WriteLine($"{name}: smallest LRE {lre:F1} (R: {rDigits:F1})");
    }

    [Theory]
    [InlineData("NoInt1")]
    [InlineData("NoInt2")]
    public void Ols_MatchesExactDecimalValues_OnNoInterceptNist(string name)
    {
        // Arrange: y = B1 x has the closed form B1 = Σxy/Σx², SD = √(RSS/(n-1)/Σx²), R² = 1 - RSS/Σy²,
        // evaluated here in 28-digit decimal: a reference finer than the 15 certified digits.
        var nist = NistDataset.Load(name);
        var x = nist.Column("x").Select(v => (decimal)v).ToArray();
        var y = nist.Column("y").Select(v => (decimal)v).ToArray();
        var sxx = x.Sum(v => v * v);
        var sxy = x.Zip(y, (a, b) => a * b).Sum();
        var syy = y.Sum(v => v * v);
        var b1 = sxy / sxx;
        var rss = syy - (sxy * sxy / sxx);
        var sigma = Sqrt(rss / (x.Length - 1));
        var (data, model) = Model(nist);

        // Act
        var fit = Ols.Fit(data, model);

        // Assert: relative error at most 1e-15 against the exact values.
        Precision.AssertDigits((double)b1, fit.Coefficients[0].Estimate, 15, $"{name} B1");
        Precision.AssertDigits((double)(sigma / Sqrt(sxx)), fit.Coefficients[0].StandardError, 15, $"{name} SD(B1)");
        Precision.AssertDigits((double)sigma, fit.Sigma, 15, $"{name} residual SD");
        Precision.AssertDigits((double)(1 - (rss / syy)), fit.RSquared, 15, $"{name} R²");
    }

    /// <summary>
    /// At least <paramref name="digits"/> correct digits, where a certified value printed to 15 significant digits
    /// carries its own rounding error of up to half a unit in the 15th digit (1.2e-15 relative for a leading 4):
    /// an estimate within that rounding of the certified value is as close as the certificate can tell.
    /// </summary>
    private static void AssertCertified(double certified, double actual, double digits, string what)
    {
        var resolution = 0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(certified))) - 14);
        if (Math.Abs(actual - certified) <= resolution)
        {
            return;
        }

        Precision.AssertDigits(certified, actual, digits, what);
    }

    private static decimal Sqrt(decimal value)
    {
        var root = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 4; i++)
        {
            root = (root + (value / root)) / 2;
        }

        return root;
    }

    [Fact]
    public void Ols_RecoversExactPolynomial_OnWampler1()
    {
        // Arrange: y = 1 + x + x² + x³ + x⁴ + x⁵, x = 0..20, exact in double.
        var (data, model) = Wampler(x => 1 + x + (x * x) + (x * x * x) + (x * x * x * x) + (x * x * x * x * x));

        // Act
        var fit = Ols.Fit(data, model);

        // Assert
        Assert.Equal(6, fit.Coefficients.Count);
        foreach (var c in fit.Coefficients)
        {
            Precision.AssertDigits(1, c.Estimate, 9, $"Wampler1 {c.Term}");
            Assert.True(c.StandardError < 1e-9, $"Wampler1 SD({c.Term}) = {c.StandardError:R}, certified 0");
        }

        Assert.True(fit.Sigma < 1e-9 * 1e6, $"Wampler1 residual SD = {fit.Sigma:R}, certified 0 (y up to 3.4e6)");
        Precision.AssertDigits(1, fit.RSquared, 9, "Wampler1 R²");
    }

    [Fact]
    public void Ols_RecoversExactPolynomial_OnWampler2()
    {
        // Arrange: y = 1 + 0.1x + 0.01x² + 0.001x³ + 1e-4x⁴ + 1e-5x⁵, computed exactly in decimal, then rounded once.
        var (data, model) = Wampler(x => 1 + (0.1m * x) + (0.01m * x * x) + (0.001m * x * x * x) + (0.0001m * x * x * x * x) + (0.00001m * x * x * x * x * x));
        double[] certified = [1, 0.1, 0.01, 0.001, 1e-4, 1e-5];

        // Act
        var fit = Ols.Fit(data, model);

        // Assert
        for (var j = 0; j < certified.Length; j++)
        {
            Precision.AssertDigits(certified[j], fit.Coefficients[j].Estimate, 9, $"Wampler2 {fit.Coefficients[j].Term}");
            Assert.True(fit.Coefficients[j].StandardError < 1e-9 * certified[j], $"Wampler2 SD({fit.Coefficients[j].Term}) = {fit.Coefficients[j].StandardError:R}, certified 0");
        }

        Precision.AssertDigits(1, fit.RSquared, 9, "Wampler2 R²");
    }

    private static (AnalysisData Data, ModelSpecification Model) Wampler(Func<decimal, decimal> polynomial)
    {
        var xs = Enumerable.Range(0, 21).Select(i => (decimal)i).ToArray();
        var data = new AnalysisData().WithNumeric("y", xs.Select(x => (double)polynomial(x)));
        for (var power = 1; power <= 5; power++)
        {
            var p = power;
            data = data.WithNumeric($"x{p}", xs.Select(x => (double)Enumerable.Repeat(x, p).Aggregate(1m, (a, b) => a * b)));
        }

        return (data, ModelSpecification.Parse("y ~ x1 + x2 + x3 + x4 + x5"));
    }

    private static (AnalysisData Data, ModelSpecification Model) Model(NistDataset nist)
    {
        var data = new AnalysisData();
        foreach (var column in nist.Columns)
        {
            data = data.WithNumeric(column, nist.Column(column));
        }

        return nist.Name switch
        {
            "Norris" => (data, ModelSpecification.Parse("y ~ x")),
            "Pontius" => (data.WithNumeric("xsq", nist.Column("x").Select(x => x * x)), ModelSpecification.Parse("y ~ x + xsq")),
            "NoInt1" or "NoInt2" => (data, ModelSpecification.Parse("y ~ x - 1")),
            "Longley" => (data, ModelSpecification.Parse("y ~ x1 + x2 + x3 + x4 + x5 + x6")),
            _ => throw new ArgumentException(nist.Name),
        };
    }
}
