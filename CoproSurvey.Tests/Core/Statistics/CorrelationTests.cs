using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Statistics;

public class CorrelationTests
{
    private static readonly UnivariateReference R = UnivariateReference.Shared;
    private static readonly string[] Names = ["age", "hours", "q1", "q2", "q3", "q4", "q5"];

    [Theory]
    [InlineData(CorrelationMethod.Pearson)]
    [InlineData(CorrelationMethod.Spearman)]
    public void Matrix_MatchesRCorTest_ForEveryPairWithPairwiseDeletion(CorrelationMethod method)
    {
        // Arrange
        var variables = Names.Select(R.Numbers).ToList();

        // Act
        var matrix = Correlation.Matrix(variables, Names, method);

        // Assert
        foreach (var reference in R.Get("correlations").EnumerateArray())
        {
            var i = Array.IndexOf(Names, reference.GetProperty("x").GetString());
            var j = Array.IndexOf(Names, reference.GetProperty("y").GetString());
            var pair = matrix[j, i];
            var what = $"{method} {Names[i]}-{Names[j]}";
            Assert.Equal(reference.GetProperty("n").GetInt32(), pair.N);
            var (r, p) = method == CorrelationMethod.Pearson ? ("pearson_r", "pearson_p") : ("spearman_rho", "spearman_p");
            Precision.AssertDigits(reference.GetProperty(r).GetDouble(), pair.R!.Value, 10, what + " r");
            Precision.AssertDigits(reference.GetProperty(p).GetDouble(), pair.P!.Value, 10, what + " p");
            if (method == CorrelationMethod.Pearson)
            {
                Precision.AssertDigits(reference.GetProperty("pearson_t").GetDouble(), pair.T!.Value, 10, what + " t");
            }
        }
    }

    [Fact]
    public void Matrix_SpearmanEqualsPearsonOfEachPairsOwnRanks_WithTiesAndDifferentMissingRows()
    {
        // Arrange: survey-like values (few levels, many ties), each variable missing on its own rows, longer than one
        // 64-row word of the matrix's row sets.
        var random = new Random(7);
        var variables = Enumerable.Range(0, 4).Select(v => (IReadOnlyList<double?>)Enumerable.Range(0, 203)
            .Select(_ => random.NextDouble() < 0.15 * v ? (double?)null : random.Next(1, 6) + (v == 3 ? random.Next(0, 3) / 3.0 : 0))
            .ToList()).ToList();
        var names = new[] { "a", "b", "c", "d" };

        // Act
        var matrix = Correlation.Matrix(variables, names, CorrelationMethod.Spearman);

        // Assert: the rows where both are present, each ranked among those rows alone, then Pearson's r of the ranks.
        for (var i = 0; i < 4; i++)
        {
            for (var j = i + 1; j < 4; j++)
            {
                var rows = Enumerable.Range(0, 203).Where(r => variables[i][r] is not null && variables[j][r] is not null).ToList();
                var x = Samples.AverageRanks(rows.Select(r => variables[i][r]!.Value).ToArray());
                var y = Samples.AverageRanks(rows.Select(r => variables[j][r]!.Value).ToArray());
                var expected = Correlation.Test(x.Select(v => (double?)v).ToList(), y.Select(v => (double?)v).ToList());
                Assert.Equal(rows.Count, matrix[i, j].N);
                Assert.Equal(expected.R, matrix[i, j].R);
                Assert.Equal(expected.P, matrix[i, j].P);
            }
        }
    }

    [Fact]
    public void AverageRanks_GivesTiesTheMeanOfTheRanksTheySpan()
    {
        // Act
        var ranks = Samples.AverageRanks([3.0, 1, 3, 2, 3, 1]);

        // Assert
        Assert.Equal([5.0, 1.5, 5, 3, 5, 1.5], ranks);
    }

    [Fact]
    public void Matrix_HasUnitDiagonalAndSymmetricAccess()
    {
        // Act
        var matrix = Correlation.Matrix([[1.0, 2, 3, 5], [2.0, 1, 4, 3], [null, 1.0, 1, 2]], ["a", "b", "c"]);

        // Assert
        Precision.AssertDigits(1, matrix[1, 1].R!.Value, 15, "diagonal");
        Assert.Equal(3, matrix[2, 2].N);
        Assert.Same(matrix[0, 2], matrix[2, 0]);
        Assert.Equal(3, matrix.Pairs.Count);
    }

    [Fact]
    public void Matrix_LeavesPairNullWithNote_WhenTooFewCompletePairs()
    {
        // Act
        var matrix = Correlation.Matrix([[1.0, 2, null, null], [null, 3.0, 4, 5]], ["a", "b"]);

        // Assert
        var pair = matrix[0, 1];
        Assert.Null(pair.R);
        Assert.Null(pair.P);
        Assert.Equal(1, pair.N);
        Assert.Contains("'a' and 'b' have 1 of 4 rows complete", pair.Note);
    }

    [Fact]
    public void Spearman_UsesAverageRanksForTies_ForHandWorkedExample()
    {
        // Arrange: ranks of x = 1, 2.5, 2.5, 4; y is increasing: ranks 1..4.
        double?[] x = [1, 5, 5, 9];
        double?[] y = [10, 20, 30, 40];

        // Act
        var pair = Correlation.Test(x, y, CorrelationMethod.Spearman);

        // Assert: Pearson r of (1, 2.5, 2.5, 4) and (1, 2, 3, 4) = 4.5 / √(4.5·5).
        Precision.AssertDigits(4.5 / Math.Sqrt(4.5 * 5), pair.R!.Value, 15, "rho");
    }

    [Fact]
    public void Test_ThrowsConstantVariable_WhenAVariableHasNoVariance()
    {
        // Act
        var error = Assert.Throws<ConstantVariableException>(() => Correlation.Test([1.0, 2, 3], [4.0, 4, 4]));

        // Assert
        Assert.Equal("y", error.Variable);
    }

    [Fact]
    public void Test_ThrowsInsufficientData_WhenFewerThanThreePairs()
    {
        // Act
        var error = Assert.Throws<InsufficientDataException>(() => Correlation.Test([1.0, 2, null], [4.0, 5, 6]));

        // Assert
        Assert.Equal((2, 3), (error.Available, error.Required));
    }

    [Fact]
    public void Test_GivesPZero_ForPerfectCorrelation()
    {
        // Act
        var pair = Correlation.Test([1.0, 2, 3, 4], [3.0, 5, 7, 9]);

        // Assert
        Precision.AssertDigits(1, pair.R!.Value, 15, "r");
        Precision.AssertDigits(0, pair.P!.Value, 15, "p");
    }
}
