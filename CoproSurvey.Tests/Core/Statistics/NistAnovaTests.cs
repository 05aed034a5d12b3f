using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;
using Xunit.Abstractions;

namespace CoproSurvey.Tests.Core.Statistics;

public class NistAnovaTests(ITestOutputHelper output)
{
    /// <summary>Correct digits of R 4.2's anova(lm()) on the same doubles (TestData/Nist/anova/README.md).</summary>
    public static TheoryData<string, double> Files => new()
    {
        { "SiRstvt", 12.7 },
        { "SmLs01t", 15.0 },
        { "SmLs02t", 14.1 },
        { "SmLs03t", 13.2 },
        { "AtmWtAgt", 9.6 },
    };

    /// <summary>NIST's harder sets, built by shifting SmLs01t-03t: same certified values.</summary>
    public static TheoryData<string, string, string> Shifted => new()
    {
        { "SmLs04t", "SmLs01t", "1000000" },
        { "SmLs05t", "SmLs02t", "1000000" },
        { "SmLs06t", "SmLs03t", "1000000" },
        { "SmLs07t", "SmLs01t", "1000000000000" },
        { "SmLs08t", "SmLs02t", "1000000000000" },
        { "SmLs09t", "SmLs03t", "1000000000000" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void OneWay_MatchesCertifiedTable_AtLeastAsWellAsR(string name, double rDigits)
    {
        // Arrange
        var file = NistData.Anova(name);

        // Act
        var result = Anova.OneWay(NistData.AsDoubles(file.Data), file.Treatments);

        // Assert
        AssertTable(file, result, Math.Max(9, rDigits));
    }

    [Theory]
    [InlineData("SiRstvt")]
    [InlineData("SmLs01t")]
    [InlineData("SmLs02t")]
    [InlineData("SmLs03t")]
    [InlineData("AtmWtAgt")]
    public void OneWay_MatchesCertifiedTable_WhenDataAreCentredExactly(string name)
    {
        // Arrange
        var file = NistData.Anova(name);
        var (centred, origin) = NistData.Centred(file.Data);

        // Act
        var result = Anova.OneWay(centred, file.Treatments, origin);

        // Assert
        AssertTable(file with { Name = name + " centred" }, result, 14);
    }

    [Theory]
    [MemberData(nameof(Shifted))]
    public void OneWay_MatchesCertifiedTableOfHarderSets_WhenDataAreCentredExactly(string name, string baseName, string shift)
    {
        // Arrange
        var file = NistData.Anova(baseName).Shifted(decimal.Parse(shift, System.Globalization.CultureInfo.InvariantCulture), name);
        var (centred, origin) = NistData.Centred(file.Data);

        // Act
        var result = Anova.OneWay(centred, file.Treatments, origin);

        // Assert
        AssertTable(file, result, 14);
    }

    private void AssertTable(NistAnova file, OneWayAnovaResult result, double digits)
    {
        var checks = new (string What, double Certified, double Actual)[]
        {
            ("SS between", file.SsBetween, result.SsBetween),
            ("SS within", file.SsWithin, result.SsWithin),
            ("MS between", file.MsBetween, result.MsBetween),
            ("MS within", file.MsWithin, result.MsWithin),
            ("F", file.F, result.F),
            ("R squared", file.RSquared, result.EtaSquared),
            ("residual SD", file.ResidualSd, result.ResidualStandardDeviation),
        };
        output.WriteLine($"{file.Name}: " + string.Join(", ", checks.Select(c => $"{c.What} {Precision.Lre(c.Actual, c.Certified):F1}")));
        Assert.Equal(file.DfBetween, result.DfBetween);
        Assert.Equal(file.DfWithin, result.DfWithin);
        foreach (var (what, certified, actual) in checks)
        {
            Precision.AssertDigits(certified, actual, digits, $"{file.Name} {what}");
        }
    }
}
