using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>The citizens-versus-professionals query on the demo study in SQLite.</summary>
public sealed class GapQueriesTests(DemoStudyFixture demo) : IClassFixture<DemoStudyFixture>
{
    private static GapQueries Queries(ITestDatabase database)
    {
        var options = Options.Create(new DashboardOptions { MinimumCellSize = 5 });
        return new(database.ContextFactory, new DashboardDataCache(database.ContextFactory, new StudyDataset(database.ContextFactory), TimeProvider.System, options), options);
    }

    [Fact]
    public async Task GapAsync_ComparesTheThreeMirrorScales_ProfessionalsMinusCitizens()
    {
        // Act
        var result = await Queries(demo.Database).GapAsync(DemoStudyFixture.StudyKey, GapBy.Country, DashboardFilter.All, default);

        // Assert: the scales both questionnaires define; the overall gap is Welch's test over every completed response
        // (all five countries are large enough to be reported), and the demo's professionals underestimate willingness.
        Assert.Null(result.Empty);
        Assert.Equal(["mirror_will", "mirror_comp", "mirror_value"], result.Scales.Select(s => s.Variable));
        var (layout, rows) = await demo.RowsAsync(DatasetFilter.All);
        var will = layout.Values.Select((v, i) => (v, i)).Single(x => x.v.Name == "mirror_will").i;
        var welch = TTest.TwoSample(
            rows.Where(r => r.Audience == Audience.Professional).Select(r => r.Cells[will].Value).ToList(),
            rows.Where(r => r.Audience == Audience.Citizen).Select(r => r.Cells[will].Value).ToList());
        var overall = result.Estimates.Single(e => e.Scale == "mirror_will" && e.IsOverall);
        Assert.DoesNotContain(result.Estimates, e => e.Scale == "mirror_will" && e.Suppressed);
        Assert.Equal((welch.Group2.N, welch.Group1.N), (overall.CitizenN!.Value, overall.ProfessionalN!.Value));
        Precision.AssertDigits(welch.MeanDifference, overall.Gap!.Value, 12);
        Precision.AssertDigits(welch.ConfidenceLower, overall.Lower!.Value, 12);
        Assert.True(overall.Upper < 0, $"willingness gap {overall.Gap} ({overall.Lower} to {overall.Upper})");
        Assert.Equal(["BE", "DE", "EE", "NL", "GB"], result.Estimates.Where(e => e.Scale == "mirror_will" && !e.IsOverall).Select(e => e.Group));
    }

    [Fact]
    public async Task GapAsync_IgnoresTheAudienceFilter_AndKeepsTheOthers()
    {
        // Arrange
        var health = DashboardFilter.All with { PolicyFields = ["health"] };

        // Act
        var both = await Queries(demo.Database).GapAsync(DemoStudyFixture.StudyKey, GapBy.PolicyField, health, default);
        var citizensOnly = await Queries(demo.Database).GapAsync(DemoStudyFixture.StudyKey, GapBy.PolicyField, health with { Audiences = [Audience.Citizen] }, default);

        // Assert
        Assert.Equal(both.Estimates, citizensOnly.Estimates);
        Assert.Equal([null, "health"], both.Estimates.Where(e => e.Scale == "mirror_will").Select(e => e.Group));
        Assert.True(both.Estimates[0].ProfessionalN > 0);
    }

    [Fact]
    public async Task GapAsync_GroupsByServiceUnit_SuppressingSmallUnits()
    {
        // Act
        var result = await Queries(demo.Database).GapAsync(DemoStudyFixture.StudyKey, GapBy.ServiceUnit, DashboardFilter.All, default);

        // Assert: 300 responses over 5 countries x 5 fields x 3 units leave most units below 5 on a side.
        var units = result.Estimates.Where(e => !e.IsOverall && e.Scale == "mirror_will").ToList();
        Assert.True(units.Count > 10, $"{units.Count} units");
        Assert.Contains(units, u => u.Suppressed);
        Assert.All(units.Where(u => u.Suppressed), u => Assert.Null(u.CitizenN));
        Assert.All(units.Where(u => !u.Suppressed), u => Assert.True(u.CitizenN is 0 or >= 5 && u.ProfessionalN is 0 or >= 5, u.Group));
    }

    [Fact]
    public async Task GapAsync_SaysTheStudyHasOneAudience_ForACitizenOnlyStudy()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();

        // Act
        var result = await Queries(harness.Database).GapAsync(SurveyHarness.StudyKey, GapBy.Country, DashboardFilter.All, default);

        // Assert
        Assert.Equal(GapEmptyReason.OneAudience, result.Empty);
        Assert.Empty(result.Estimates);
    }
}
