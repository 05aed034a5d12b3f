using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Support;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>The relations query on the demo study in SQLite.</summary>
public sealed class RelationsQueriesTests(DemoStudyFixture demo) : IClassFixture<DemoStudyFixture>
{
    private RelationsQueries Queries
    {
        get
        {
            var options = Options.Create(new DashboardOptions { MinimumCellSize = 5 });
            return new(demo.Database.ContextFactory, new DashboardDataCache(demo.Database.ContextFactory, demo.Dataset, TimeProvider.System, options), options);
        }
    }

    [Fact]
    public async Task RelationsAsync_CorrelatesOneAudiencesScales_WhenOneAudienceIsFiltered()
    {
        // Act
        var result = await Queries.RelationsAsync(DemoStudyFixture.StudyKey, CorrelationMethod.Spearman, DashboardFilter.All with { Audiences = [Audience.Professional] }, default);

        // Assert: the professional questionnaire's 13 scales, and r as the certified library gives it on the dataset's rows.
        Assert.Equal(13, result.Scales.Count);
        Assert.All(result.Scales, s => Assert.True(s.Variable.StartsWith("p_", StringComparison.Ordinal) || s.Variable.StartsWith("mirror_", StringComparison.Ordinal), s.Variable));
        var (layout, rows) = await demo.RowsAsync(new DatasetFilter(Audience.Professional));
        int Column(string name) => layout.Values.Select((v, i) => (v, i)).Single(x => x.v.Name == name).i;
        var expected = Correlation.Test(rows.Select(r => r.Cells[Column("p_sup")].Value).ToList(), rows.Select(r => r.Cells[Column("p_aut")].Value).ToList(), CorrelationMethod.Spearman);
        var pair = result.Pairs.Single(p => (p.A, p.B) is ("p_sup", "p_aut") or ("p_aut", "p_sup"));
        Assert.Equal(expected.N, pair.N);
        Precision.AssertDigits(expected.R!.Value, pair.R!.Value, 12);
    }

    [Fact]
    public async Task RelationsAsync_TakesBothAudiencesScales_WithPairwiseN()
    {
        // Act
        var result = await Queries.RelationsAsync(DemoStudyFixture.StudyKey, CorrelationMethod.Pearson, DashboardFilter.All, default);

        // Assert: 18 citizen and 13 professional scales, 3 of them shared; a citizen scale and a professional one have no
        // respondent in common, a mirror scale has everyone.
        Assert.Equal(28, result.Scales.Count);
        var will = result.Scales.Select((s, i) => (s, i)).Single(x => x.s.Variable == "mirror_will").i;
        var citizenOnly = result.Scales.Select((s, i) => (s, i)).Single(x => x.s.Variable == "c_eff_int").i;
        var professionalOnly = result.Scales.Select((s, i) => (s, i)).Single(x => x.s.Variable == "p_sup").i;
        Assert.Equal(0, result[citizenOnly, professionalOnly].N);
        Assert.Equal(result[will, will].N, result[citizenOnly, citizenOnly].N + result[professionalOnly, professionalOnly].N);
    }

    [Fact]
    public async Task RelationsAsync_EqualsTheAnalyzeCorrelation_OfTheSameFilteredDataset()
    {
        // Arrange: the citizens of Belgium and Germany, as `analyze correlate` reads them from the study.
        var filter = DashboardFilter.All with { Audiences = [Audience.Citizen], Countries = ["BE", "DE"] };

        // Act
        var result = await Queries.RelationsAsync(DemoStudyFixture.StudyKey, CorrelationMethod.Pearson, filter, default);
        var source = new CoproSurvey.Core.Analysis.Sources.StudyDatasetSource(demo.Dataset, DemoStudyFixture.StudyKey, CompareQueries.ToDatasetFilter(filter));
        var report = await CoproSurvey.Core.Analysis.CorrelationAnalysis.RunAsync(
            source, new CoproSurvey.Core.Analysis.CorrelationRequest(result.Scales.Select(s => s.Variable).ToList(), CorrelationMethod.Pearson), default);

        // Assert
        Assert.Equal(report.Columns, result.Scales.Select(s => s.Variable));
        foreach (var pair in result.Pairs)
        {
            Assert.Equal(report.N[pair.Row][pair.Column], pair.N);
            Precision.AssertDigits(report.R[pair.Row][pair.Column]!.Value, pair.R!.Value, 12, $"{pair.A} {pair.B}");
            Precision.AssertDigits(report.P[pair.Row][pair.Column]!.Value, pair.P!.Value, 9, $"{pair.A} {pair.B} p");
        }
    }

    [Fact]
    public async Task RelationsAsync_SaysNoValues_WhenTheFilterMatchesNobody()
    {
        // Act
        var result = await Queries.RelationsAsync(DemoStudyFixture.StudyKey, CorrelationMethod.Pearson, DashboardFilter.All with { Countries = ["FR"] }, default);

        // Assert
        Assert.Equal(RelationsEmptyReason.NoValues, result.Empty);
    }
}
