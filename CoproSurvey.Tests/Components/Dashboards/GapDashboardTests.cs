using Bunit;
using CoproSurvey.App.Components.Dashboards;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace CoproSurvey.Tests.Components.Dashboards;

public sealed class GapDashboardTests : BunitContext
{
    private static readonly GapScale[] Scales = [new("mirror_will", "Willingness")];

    public GapDashboardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static IEnumerable<GapRow> Rows(Audience audience, string group, params double[] values) =>
        values.Select(v => new GapRow(audience, group, [v]));

    [Fact]
    public void GapDashboard_ChartsAndTabulatesTheGaps_AndDashesSuppressedGroups()
    {
        // Arrange: Belgium citizens 1..5 and professionals 2..10 (gap 3); Germany has 2 professionals (suppressed).
        var rows = Rows(Audience.Citizen, "BE", 1, 2, 3, 4, 5).Concat(Rows(Audience.Professional, "BE", 2, 4, 6, 8, 10))
            .Concat(Rows(Audience.Citizen, "DE", 1, 2, 3, 4, 5)).Concat(Rows(Audience.Professional, "DE", 9, 9))
            .ToList();
        var result = GapCalculator.Compute(Scales, GapBy.Country, rows, [("BE", "Belgium"), ("DE", "Germany")], new CellRule(5));

        // Act
        var cut = Render<GapDashboard>(p => p.Add(c => c.Result, result).Add(c => c.StudyKey, "coproduction"));

        // Assert
        var scatter = (Scatter)Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data);
        Assert.Equal([GapCalculator.OverallLabel, "Belgium"], scatter.X.Cast<string>());
        Assert.Equal([3.0, 3.0], scatter.Y.Cast<double>());
        var rowsShown = cut.Find("table[data-table=gap]").QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Willingness", GapCalculator.OverallLabel, "5", "3.00", "5", "6.00", "3.00"], rowsShown[0].Take(7));
        Assert.Equal(["Willingness", "Belgium", "5", "3.00", "5", "6.00", "3.00"], rowsShown[1].Take(7));
        Assert.Equal(["Willingness", "Germany", "–", "–", "–", "–", "–", "–", "–"], rowsShown[2]);
        Assert.Contains("1 value is suppressed", cut.Find("[data-suppression]").TextContent);
        Assert.Contains("audience filter does not apply", cut.Find("[data-audience-ignored]").TextContent);
        var csv = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cut.Find("a[data-csv=gap]").GetAttribute("href")!.Split(',')[1]));
        Assert.Contains("mirror_will,DE,,,,,,,,,,1", csv);
    }

    [Fact]
    public void GapDashboard_SaysThereIsNothingToDraw_WhenEveryGroupIsSuppressed()
    {
        // Arrange: 3 citizens and 6 professionals in Belgium, fewer than 5 on one side.
        var rows = Rows(Audience.Citizen, "BE", 1, 2, 3).Concat(Rows(Audience.Professional, "BE", 2, 4, 6, 8, 10, 12)).ToList();
        var result = GapCalculator.Compute(Scales, GapBy.ServiceUnit, rows, [], new CellRule(5));

        // Act
        var cut = Render<GapDashboard>(p => p.Add(c => c.Result, result).Add(c => c.StudyKey, "coproduction"));

        // Assert
        Assert.Empty(cut.FindComponents<PlotlyChart>());
        Assert.Contains("No service unit has at least 5 citizens and 5 professionals", cut.Find("[data-no-chart]").TextContent);
        Assert.Contains("1 value is suppressed", cut.Find("[data-suppression]").TextContent);
    }

    [Theory]
    [InlineData(GapEmptyReason.OneAudience, "one audience")]
    [InlineData(GapEmptyReason.NoMirrorScales, "share no scale")]
    [InlineData(GapEmptyReason.NoValues, "Widen the filters")]
    public void GapDashboard_ExplainsAnEmptyResult_WithoutAChart(GapEmptyReason reason, string says)
    {
        // Act
        var cut = Render<GapDashboard>(p => p.Add(c => c.Result, GapResult.Nothing(GapBy.Country, 5, reason)).Add(c => c.StudyKey, "coproduction"));

        // Assert
        Assert.Contains(says, cut.Find("[data-empty]").TextContent);
        Assert.Empty(cut.FindComponents<PlotlyChart>());
    }
}
