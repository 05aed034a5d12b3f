using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Tests.Core.Statistics;

public class SamplesTests
{
    [Fact]
    public void SumCrossDeviations_OfColumns_EqualsEachPairsOwnSums_ToTheLastBit()
    {
        // Arrange
        var random = new Random(11);
        var columns = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextDouble() * 10, 1) + 1e6).ToArray()).ToArray();
        var means = columns.Select(c => Samples.Mean(c)).ToArray();

        // Act
        var matrix = Samples.SumCrossDeviations(columns, means, 500);

        // Assert
        for (var i = 0; i < 4; i++)
        {
            for (var j = i; j < 4; j++)
            {
                Assert.Equal(Samples.SumCrossDeviations(columns[i], means[i], columns[j], means[j]), matrix[i, j]);
            }

            Assert.Equal(Samples.SumSquaredDeviations(columns[i], means[i]), matrix[i, i]);
        }
    }
}
