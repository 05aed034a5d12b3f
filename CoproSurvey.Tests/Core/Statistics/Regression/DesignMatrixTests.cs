using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Tests.Core.Statistics.Regression;

/// <summary>Formula parsing, R-style column naming, reference levels, listwise deletion and too-little-data errors.</summary>
public class DesignMatrixTests
{
    private static readonly AnalysisData Small = new AnalysisData()
        .WithNumeric("y", [1.0, 2.5, null, 4.1, 5.2, 6.8])
        .WithNumeric("x1", [0.5, 1.5, 2.0, null, 3.5, 4.0])
        .WithNumeric("x2", [2.0, 1.0, 4.0, 3.0, 6.0, 5.5])
        .WithCategorical("group", ["b", "a", "c", "a", "c", "b"]);

    [Fact]
    public void Parse_ExpandsStarAndRemovesIntercept_ForRFormula()
    {
        // Act
        var model = ModelSpecification.Parse("y ~ x1 * group - 1");

        // Assert
        Assert.Equal("y", model.Response);
        Assert.False(model.Intercept);
        Assert.Equal(["x1", "group", "x1:group"], model.Terms.Select(t => t.Label));
    }

    [Fact]
    public void Build_NamesColumnsLikeR_WithTreatmentContrastsAndInteractions()
    {
        // Act
        var design = DesignMatrix.Build(Small, ModelSpecification.Parse("y ~ x1:x2 + group + x1 + x1:group"));

        // Assert: main effects first, levels in sorted order with the first ('a') as reference.
        Assert.Equal(["(Intercept)", "groupb", "groupc", "x1", "x1:x2", "x1:groupb", "x1:groupc"], design.ColumnNames);
        Assert.Equal(4, design.Rows);
        Assert.Equal(2, design.DroppedRows);
        Assert.Equal([0, 1, 4, 5], design.RowIndices);
        Assert.Equal(3.5 * 6.0, design[2, 4]);
        Assert.Equal(3.5, design[2, 6]);
    }

    [Fact]
    public void Build_UsesChosenReferenceLevel_WhenGiven()
    {
        // Act
        var design = DesignMatrix.Build(Small, ModelSpecification.Parse("y ~ group", new Dictionary<string, string> { ["group"] = "c" }));

        // Assert
        Assert.Equal(["(Intercept)", "groupa", "groupb"], design.ColumnNames);
    }

    [Fact]
    public void Build_KeepsAllLevelsOfFirstFactor_WithoutIntercept()
    {
        // Act
        var design = DesignMatrix.Build(Small, ModelSpecification.Parse("y ~ 0 + group"));

        // Assert
        Assert.Equal(["groupa", "groupb", "groupc"], design.ColumnNames);
    }

    [Fact]
    public void Build_ThrowsNamingColumn_WhenVariableIsUnknown()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => DesignMatrix.Build(Small, ModelSpecification.Parse("y ~ x9")));

        // Assert
        Assert.Contains("'x9'", error.Message);
    }

    [Fact]
    public void Ols_ThrowsInsufficientDataNamingSizes_WhenCasesDoNotExceedCoefficients()
    {
        // Arrange: 4 complete cases, 4 coefficients after dropping rows with missing values... 3 cases remain for x1+x2+group.
        var data = Small.WithCategorical("g2", ["p", "q", "p", "q", "p", null]);

        // Act
        var error = Assert.Throws<InsufficientDataException>(() => Ols.Fit(data, ModelSpecification.Parse("y ~ x1 + x2 + g2")));

        // Assert
        Assert.Equal("OLS needs more complete cases than coefficients: 3 cases, 4 coefficients.", error.Message);
        Assert.Equal(3, error.Available);
    }

    [Fact]
    public void Ols_ThrowsConstantVariable_WhenPredictorIsConstant()
    {
        // Arrange
        var data = new AnalysisData().WithNumeric("y", [1, 2, 4, 3]).WithNumeric("x", [2, 2, 2, 2]).WithNumeric("z", [1, 5, 2, 8]);

        // Act
        var error = Assert.Throws<ConstantVariableException>(() => Ols.Fit(data, ModelSpecification.Parse("y ~ z + x")));

        // Assert
        Assert.Equal("x", error.Variable);
        Assert.Contains("constant (2) over the 4 complete cases", error.Message);
    }

    [Fact]
    public void Ols_ThrowsConstantVariable_WhenResponseIsConstant()
    {
        // Arrange
        var data = new AnalysisData().WithNumeric("y", [3, 3, 3, 3]).WithNumeric("x", [1, 2, 3, 4]);

        // Act / Assert
        Assert.Equal("y", Assert.Throws<ConstantVariableException>(() => Ols.Fit(data, ModelSpecification.Parse("y ~ x"))).Variable);
    }

    [Fact]
    public void Ols_DropsRowsWithMissingCluster_ForClusterCovariance()
    {
        // Arrange
        var data = RReference.SurveyData;

        // Act
        var classical = Ols.Fit(data, ModelSpecification.Parse("y ~ x1"));
        var clustered = Ols.Fit(data, ModelSpecification.Parse("y ~ x1"), CovarianceType.Cluster, "cluster");

        // Assert
        Assert.True(clustered.N < classical.N);
        Assert.Equal(data.RowCount - clustered.N, clustered.DroppedRows);
        Assert.Equal(25, clustered.ClusterCount);
    }
}

public class ModelSpecificationTests
{
    [Theory]
    [InlineData("y x1 + x2")]
    [InlineData("y ~ x1 - x2")]
    [InlineData("y ~ x1 + a b")]
    public void Parse_ThrowsQuotingFormula_WhenMalformed(string formula)
    {
        // Act
        var error = Assert.Throws<FormatException>(() => ModelSpecification.Parse(formula));

        // Assert
        Assert.Contains(formula, error.Message);
    }

    [Fact]
    public void FromColumnMajor_ThrowsNamingCell_WhenValueIsNotFinite()
    {
        // Arrange
        double[] values = [1, 1, 1, 0.5, double.NaN, 2];

        // Act
        var error = Assert.Throws<ArgumentException>(() =>
            DesignMatrix.FromColumnMajor(values, 3, [DesignMatrix.InterceptName, "x"], [1, 2, 3], hasIntercept: true));

        // Assert
        Assert.Contains("row 2, column 'x'", error.Message);
    }
}
