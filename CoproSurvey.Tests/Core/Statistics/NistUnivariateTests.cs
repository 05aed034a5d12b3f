using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;
using Xunit.Abstractions;

namespace CoproSurvey.Tests.Core.Statistics;

public class NistUnivariateTests(ITestOutputHelper output)
{
    /// <summary>
    /// R 4.2's mean() and sd() of the same doubles, printed with sprintf("%.17g") (their correct digits are the
    /// figures of TestData/Nist/univariate/README.md: Mavro SD 13.1, Michelso SD 13.8, NumAcc3 SD 9.5, else 15).
    /// </summary>
    public static TheoryData<string, double, double> Files => new()
    {
        { "Lew", -177.435, 277.33216804431612 },
        { "Lottery", 518.95871559633031, 291.69972747096909 },
        { "Mavro", 2.0018560000000001, 0.0004291234540030854 },
        { "Michelso", 299.85239999999999, 0.079010547819050661 },
        { "NumAcc1", 10000002, 1 },
        { "NumAcc2", 1.2, 0.099999999999999978 },
        { "NumAcc3", 1000000.2, 0.1000000000349246 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Descriptives_MatchesCertifiedMeanAndSd_AtLeastAsWellAsR(string name, double rMean, double rSd)
    {
        // Arrange
        var file = NistData.Univariate(name);

        // Act
        var result = Descriptives.Compute(NistData.AsDoubles(file.Data));

        // Assert
        Report(name, file, result);
        Precision.AssertDigits(file.CertifiedMean, result.Mean, Math.Max(9, Precision.Lre(rMean, file.CertifiedMean)), $"{name} mean");
        Precision.AssertDigits(file.CertifiedSd, result.StandardDeviation!.Value, Math.Max(9, Precision.Lre(rSd, file.CertifiedSd)), $"{name} SD");
    }

    [Theory]
    [InlineData("Lew")]
    [InlineData("Lottery")]
    [InlineData("Mavro")]
    [InlineData("Michelso")]
    [InlineData("NumAcc1")]
    [InlineData("NumAcc2")]
    [InlineData("NumAcc3")]
    public void Descriptives_MatchesCertifiedMeanAndSdToFifteenDigits_WhenDataAreCentredExactly(string name)
    {
        // Arrange
        var file = NistData.Univariate(name);
        var (centred, origin) = NistData.Centred(file.Data);

        // Act
        var result = Descriptives.Compute(centred, origin);

        // Assert
        Report(name + " centred", file, result);
        Precision.AssertDigits(file.CertifiedMean, result.Mean, 15, $"{name} mean");
        Precision.AssertDigits(file.CertifiedSd, result.StandardDeviation!.Value, 15, $"{name} SD");
    }

    [Fact]
    public void Descriptives_MatchesNumAcc4_WhenDataAreCentredExactly()
    {
        // Arrange: NIST's NumAcc4 is NumAcc3 with 10000000.x in place of 1000000.x.
        var numAcc3 = NistData.Univariate("NumAcc3");
        var numAcc4 = numAcc3 with { Name = "NumAcc4", Data = numAcc3.Data.Select(x => x + 9000000m).ToList(), CertifiedMean = 10000000.2 };
        var (centred, origin) = NistData.Centred(numAcc4.Data);

        // Act
        var result = Descriptives.Compute(centred, origin);

        // Assert
        Report("NumAcc4 centred", numAcc4, result);
        Assert.Equal(1001, result.N);
        Precision.AssertDigits(10000000.2, result.Mean, 15, "NumAcc4 mean");
        Precision.AssertDigits(0.1, result.StandardDeviation!.Value, 15, "NumAcc4 SD");
    }

    [Fact]
    public void Descriptives_MatchesNumAcc4AtLeastAsWellAsR_FromDoubles()
    {
        // Arrange: read as doubles, each 10000000.x carries a representation error of up to 9e-10, about 1e-8
        // of the deviations, which no algorithm can undo: R's sd() gets 0.10000000055879354 (8.25 digits).
        var numAcc3 = NistData.Univariate("NumAcc3");
        var data = numAcc3.Data.Select(x => x + 9000000m).ToList();

        // Act
        var result = Descriptives.Compute(NistData.AsDoubles(data));

        // Assert
        output.WriteLine($"NumAcc4 doubles: mean LRE {Precision.Lre(result.Mean, 10000000.2):F2}, SD LRE {Precision.Lre(result.StandardDeviation!.Value, 0.1):F2}");
        Precision.AssertDigits(10000000.2, result.Mean, 15, "NumAcc4 mean");
        Precision.AssertDigits(0.1, result.StandardDeviation!.Value, Precision.Lre(0.10000000055879354, 0.1), "NumAcc4 SD");
    }

    private void Report(string name, NistUnivariate file, DescriptiveStatistics result) =>
        output.WriteLine($"{name}: mean LRE {Precision.Lre(result.Mean, file.CertifiedMean):F2}, SD LRE {Precision.Lre(result.StandardDeviation!.Value, file.CertifiedSd):F2} (SD {result.StandardDeviation:R})");
}
