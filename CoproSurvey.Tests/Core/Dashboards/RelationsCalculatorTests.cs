using System.Globalization;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Dashboards;

public class RelationsCalculatorTests
{
    private static readonly string Reference = Path.Combine(AppContext.BaseDirectory, "TestData", "R", "dashboards");
    private static readonly RelationsScale[] Three = [new("a", "A"), new("b", "B"), new("c", "C")];

    [Fact]
    public void Compute_GivesPearsonR_AsComputedByHand()
    {
        // Arrange: a = 1..5, b = 2a (r = 1), c = 5, 3, 4, 1, 2: Sxc = -8, Sxx = Scc = 10, r = -0.8.
        double?[] a = [1, 2, 3, 4, 5], b = [2, 4, 6, 8, 10], c = [5, 3, 4, 1, 2];

        // Act
        var result = RelationsCalculator.Compute(Three, [a, b, c], CorrelationMethod.Pearson, new CellRule(5));

        // Assert
        Assert.Null(result.Empty);
        Precision.AssertDigits(1.0, result[0, 1].R!.Value, 12);
        Precision.AssertDigits(-0.8, result[2, 0].R!.Value, 12);
        Assert.Equal((5, false), (result[0, 2].N, result[0, 2].Suppressed));
        Assert.Equal((5, 1.0), (result[1, 1].N, result[1, 1].R));
        Assert.Null(result[1, 1].P);
    }

    [Theory]
    [InlineData(CorrelationMethod.Pearson, 4)]
    [InlineData(CorrelationMethod.Spearman, 6)]
    public void Compute_MatchesRsCorTest_WithPairwiseN(CorrelationMethod method, int column)
    {
        // Arrange: TestData/R/dashboards (make_reference.R beside the values), every respondent, pairwise complete.
        var lines = File.ReadAllLines(Path.Combine(Reference, "dashboards.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var scores = Enumerable.Range(2, 3).Select(i => (IReadOnlyList<double?>)lines.Select(c => c[i] == "NA" ? (double?)null : double.Parse(c[i], CultureInfo.InvariantCulture)).ToList()).ToList();
        RelationsScale[] scales = [new("mirror_will", "Willingness"), new("mirror_comp", "Competence"), new("mirror_value", "Value")];

        // Act
        var result = RelationsCalculator.Compute(scales, scores, method, new CellRule(5));

        // Assert
        var expected = File.ReadAllLines(Path.Combine(Reference, "correlation.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(expected.Select(r => (r[0], r[1])), result.Pairs.Select(p => (p.A, p.B)));
        foreach (var (r, pair) in expected.Zip(result.Pairs))
        {
            Assert.Equal(int.Parse(r[2], CultureInfo.InvariantCulture), pair.N);
            Precision.AssertDigits(double.Parse(r[column - 1], CultureInfo.InvariantCulture), pair.R!.Value, 12, $"{pair.A} {pair.B} r");
            Precision.AssertDigits(double.Parse(r[column], CultureInfo.InvariantCulture), pair.P!.Value, 9, $"{pair.A} {pair.B} p");
        }
    }

    [Fact]
    public void Compute_SuppressesPairsWithFewRespondents_AndSaysWhenNobodyHasBoth()
    {
        // Arrange: a and b share 5 respondents; c shares 3 with a and b (suppressed); d shares nobody with a.
        double?[] a = [1, 2, 3, 4, 5, null, null, null, null, null];
        double?[] b = [2, 1, 4, 3, 5, null, null, null, null, null];
        double?[] c = [1, 3, 2, null, null, 4, 5, 1, 2, 3];
        double?[] d = [null, null, null, null, null, 1, 2, 3, 4, 5];
        RelationsScale[] scales = [.. Three, new("d", "D")];

        // Act
        var result = RelationsCalculator.Compute(scales, [a, b, c, d], CorrelationMethod.Spearman, new CellRule(5));

        // Assert
        Assert.Equal((null, true, null, null), (result[0, 2].N, result[0, 2].Suppressed, result[0, 2].R, result[0, 2].P));
        Assert.Equal((0, false, null), (result[0, 3].N, result[0, 3].Suppressed, result[0, 3].R));
        Assert.Equal("No respondent has both scores.", result[0, 3].Note);
        Assert.Equal(5, result[2, 3].N);
        Assert.NotNull(result[2, 3].R);
        Assert.Equal([5, 5, 8, 5], result.Diagonal.Select(p => p.N!.Value));
    }

    [Fact]
    public void Compute_SaysWhyItIsEmpty()
    {
        Assert.Equal(RelationsEmptyReason.NoScales, RelationsCalculator.Compute([], [], CorrelationMethod.Pearson, new CellRule(5)).Empty);
        Assert.Equal(RelationsEmptyReason.NoValues, RelationsCalculator.Compute(Three, [[null], [null], [null]], CorrelationMethod.Pearson, new CellRule(5)).Empty);
    }

    [Fact]
    public void Table_WritesEveryPairOnce_SuppressedOnesAsEmptyCells()
    {
        // Arrange
        double?[] a = [1, 2, 3, 4, 5], b = [2, 4, 6, 8, 10], c = [5, 3, null, null, null];
        var result = RelationsCalculator.Compute(Three, [a, b, c], CorrelationMethod.Pearson, new CellRule(5));

        // Act
        var table = RelationsTables.Table(result);

        // Assert
        Assert.Equal(["scale_a", "scale_b", "method", "n", "r", "p", "suppressed"], table.Columns);
        Assert.Equal(["a", "b", "pearson", "5", "1"], table.Rows[0].Take(5));
        Assert.Equal(["a", "c", "pearson", "", "", "", "1"], table.Rows[1]);
        Assert.Equal(3, table.Rows.Count);
    }
}
