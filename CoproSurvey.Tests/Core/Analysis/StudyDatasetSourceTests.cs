using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Analysis.Sources;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Core.Datasets;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Analysis;

/// <summary>The study's dataset as an analysis source, on the five responses of <see cref="DatasetTestStudy"/> (values known by hand).</summary>
public class StudyDatasetSourceTests
{
    [Fact]
    public async Task ReadAsync_ReadsCountryAndSingleChoicesAsLevels_AndItemsAsNumbers_AsTheLayoutDeclares()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        var source = new StudyDatasetSource(study.Dataset, SurveyHarness.StudyKey, DatasetFilter.All);

        // Act
        var data = await source.ReadAsync(
            [new("country", ColumnKind.Declared), new("uses_service", ColumnKind.Declared), new("age", ColumnKind.Declared), new("satisfaction")],
            CancellationToken.None);

        // Assert
        Assert.Equal(["BE", "EE"], data.Categorical("country").Levels);
        Assert.Equal([0, 1, 0, 0], data.Categorical("country").Codes);
        Assert.Equal(["1", "2"], data.Categorical("uses_service").Levels);
        Assert.Equal([34.0, 70, 40, 50], data.Numeric("age").Values);
        Assert.Equal([3.0, 2, 4, 1], data.Numeric("satisfaction").Values);
    }

    [Fact]
    public async Task ReadAsync_ReadsOnlyTheFilteredResponses_WithMissingValuesAsMissing()
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        var source = new StudyDatasetSource(
            study.Dataset, SurveyHarness.StudyKey, new DatasetFilter(Countries: ["BE"], IncludePartial: true));

        // Act
        var data = await source.ReadAsync([new("age"), new("recommend", Centred: true), new("status", ColumnKind.Categorical)], CancellationToken.None);

        // Assert: R1, R3, R4 and the partial R5; recommend was not asked in version 1 and not reached in R5.
        Assert.Equal([34.0, 40, 50, 30], data.Numeric("age").Values);
        Assert.Equal([null, 1.0, 2, null], data.Numeric("recommend"));
        Assert.Equal([null, 0.0, 1, null], data.Numeric("recommend").Offsets);
        Assert.Equal(1, data.Numeric("recommend").Origin);
        Assert.Equal(["complete", "complete", "complete", "partial"], data.Categorical("status"));
    }

    [Theory]
    [InlineData("agee", ColumnKind.Numeric, "study test-study, column \"agee\": no variable \"agee\"; the variables are: audience, country,")]
    [InlineData("country", ColumnKind.Numeric, "study test-study, column \"country\": is categorical (text), not numbers.")]
    [InlineData("comment", ColumnKind.Categorical, "study test-study, column \"comment\": is not a numeric or categorical variable")]
    public async Task ReadAsync_NamesTheStudyAndTheVariable_WhenItCannotBeRead(string name, ColumnKind kind, string message)
    {
        // Arrange
        using var study = await DatasetTestStudy.CreateAsync();
        var source = new StudyDatasetSource(study.Dataset, SurveyHarness.StudyKey, DatasetFilter.All);

        // Act
        var e = await Assert.ThrowsAsync<AnalysisInputException>(() => source.ReadAsync([new(name, kind)], CancellationToken.None));

        // Assert
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public async Task AnovaAsync_OnTheStudy_GivesTheHandComputedTable()
    {
        // Arrange: satisfaction BE 3, 4, 1 (mean 8/3), EE 2; grand mean 2.5.
        using var study = await DatasetTestStudy.CreateAsync();
        var source = new StudyDatasetSource(study.Dataset, SurveyHarness.StudyKey, DatasetFilter.All);

        // Act
        var r = await GroupTestAnalysis.AnovaAsync(source, new GroupComparisonRequest("satisfaction", "country"), CancellationToken.None);

        // Assert: SS between 3(1/6)² + (1/2)² = 1/3, SS within 42/9, F = (1/3) / (42/9 / 2) = 1/7.
        Assert.Equal((1, 2, 4), (r.DfBetween, r.DfWithin, r.N));
        Precision.AssertDigits(1.0 / 3, r.SsBetween, 14, "SS between");
        Precision.AssertDigits(42.0 / 9, r.SsWithin, 14, "SS within");
        Precision.AssertDigits(1.0 / 7, r.F, 14, "F");
    }

    [Fact]
    public async Task ValueError_NamesTheRowAndTheResponse()
    {
        // Arrange: satisfaction is 3, 2, 4, 1: not a 0/1 response.
        using var study = await DatasetTestStudy.CreateAsync();
        var source = new StudyDatasetSource(study.Dataset, SurveyHarness.StudyKey, DatasetFilter.All);
        var request = new RegressionRequest(new ModelSpecification("satisfaction", [new ModelTerm("age")]));

        // Act
        var e = await Assert.ThrowsAsync<AnalysisInputException>(() => RegressionAnalysis.LogitAsync(source, request, CancellationToken.None));

        // Assert
        Assert.Matches(@"^study test-study: row 1, column ""satisfaction"": logistic regression needs a response coded 0/1, not 3\. \(response \d+\)$", e.Message);
    }
}
