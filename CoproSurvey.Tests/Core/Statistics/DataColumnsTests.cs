using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Tests.Core.Statistics;

/// <summary>The one column model of analyses: numeric and categorical columns, and the statistics that read their codes.</summary>
public class DataColumnsTests
{
    [Fact]
    public void NumericColumn_Throws_WhenAValueIsInfinite()
    {
        var e = Assert.Throws<ArgumentException>(() => new NumericColumn("x", [1, double.PositiveInfinity]));

        Assert.Contains("row 2", e.Message);
    }

    [Fact]
    public void NumericColumn_OffersItsValuesAsNullable_AndThemselvesAsOffsets_WhenNotCentred()
    {
        var column = new NumericColumn("x", [1.5, double.NaN, 3]);

        Assert.Equal([1.5, null, 3.0], column);
        Assert.Same(column, column.Offsets);
        Assert.Equal(0, column.Origin);
        Assert.Equal(1, column.MissingCount);
    }

    [Theory]
    [InlineData(new[] { 0, 2 }, new[] { "a", "b" })]
    [InlineData(new[] { 0, -2 }, new[] { "a", "b" })]
    [InlineData(new[] { 0, 1 }, new[] { "a", "a" })]
    [InlineData(new[] { 0, 1 }, new[] { "a", " " })]
    public void CategoricalColumn_Throws_WhenACodeIsOutsideItsLevels_OrALevelIsRepeatedOrBlank(int[] codes, string[] levels)
    {
        Assert.Throws<ArgumentException>(() => new CategoricalColumn("g", codes, levels));
    }

    [Fact]
    public void WithCategorical_CodesLevelsInOrderOfFirstAppearance_AndTreatsBlankAsMissing()
    {
        var data = new AnalysisData().WithCategorical("g", ["b", null, "a", " ", "b"]);

        var g = data.Categorical("g");
        Assert.Equal(["b", "a"], g.Levels);
        Assert.Equal([0, -1, 1, -1, 0], g.Codes);
        Assert.Equal(["b", null, "a", null, "b"], g);
    }

    [Fact]
    public void With_Throws_WhenTheLengthDiffersOrTheNameIsTaken()
    {
        var data = new AnalysisData().WithNumeric("x", [1.0, 2.0]);

        Assert.Throws<ArgumentException>(() => data.WithNumeric("y", [1.0]));
        Assert.Throws<ArgumentException>(() => data.WithCategorical("x", ["a", "b"]));
    }

    [Fact]
    public void Anova_GivesTheSameTable_ForACategoricalColumnAndItsLabels()
    {
        // Levels listed in another order than they appear, so that the codes must be renumbered, not used as they are.
        var groups = new CategoricalColumn("g", [2, 0, 2, 1, 0, -1, 1, 2], ["x", "y", "z"]);
        double?[] values = [1.5, 2.0, 2.5, 4.0, 3.0, 9.0, 5.5, 1.0];

        var fromCodes = Anova.OneWay(values, groups);
        var fromLabels = Anova.OneWay(values, groups.ToList());

        Assert.Equal(["z", "x", "y"], fromCodes.Groups.Select(g => g.Group));
        Assert.Equal(fromLabels.Groups, fromCodes.Groups);
        Assert.Equal((fromLabels.F, fromLabels.P, fromLabels.Missing), (fromCodes.F, fromCodes.P, fromCodes.Missing));
    }

    [Fact]
    public void Build_CodesClustersInOrderOfFirstAppearanceAmongCompleteRows_FromACategoricalColumn()
    {
        var data = new AnalysisData()
            .WithNumeric("y", [1.0, 2, 3, 4, 5, 6])
            .WithNumeric("x", [1.0, null, 2, 5, 3, 1])
            .With(new CategoricalColumn("unit", [1, 2, 0, 0, -1, 1], ["u0", "u1", "u2"]));

        var design = DesignMatrix.Build(data, ModelSpecification.Parse("y ~ x"), "unit");

        Assert.Equal([0, 2, 3, 5], design.RowIndices);
        Assert.Equal(2, design.ClusterCount);
        Assert.Equal([0, 1, 1, 0], design.Clusters!);
    }

    [Fact]
    public void Build_CodesClustersByValue_FromANumericColumn()
    {
        var data = new AnalysisData()
            .WithNumeric("y", [1.0, 2, 3, 4])
            .WithNumeric("x", [1.0, 4, 2, 5])
            .WithNumeric("site", [7.0, 3, 7, 3.5]);

        var design = DesignMatrix.Build(data, ModelSpecification.Parse("y ~ x"), "site");

        Assert.Equal(3, design.ClusterCount);
        Assert.Equal([0, 1, 0, 2], design.Clusters!);
    }
}
