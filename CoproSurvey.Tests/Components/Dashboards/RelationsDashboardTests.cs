using Bunit;
using CoproSurvey.App.Components.Dashboards;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Statistics;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace CoproSurvey.Tests.Components.Dashboards;

public sealed class RelationsDashboardTests : BunitContext
{
    private static readonly RelationsScale[] Scales = [new("a", "Scale A"), new("b", "Scale B"), new("c", "Scale C")];

    public RelationsDashboardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void RelationsDashboard_DrawsTheHeatmap_AndTabulatesPairsWithN_LeavingSuppressedCellsBlank()
    {
        // Arrange: a and b r = -0.8 over 5; c shares 2 respondents with both (suppressed).
        double?[] a = [1, 2, 3, 4, 5, null], b = [5, 3, 4, 1, 2, null], c = [1, 2, null, null, null, 3];
        var result = RelationsCalculator.Compute(Scales, [a, b, c], CorrelationMethod.Pearson, new CellRule(5));

        // Act
        var cut = Render<RelationsDashboard>(p => p.Add(x => x.Result, result).Add(x => x.StudyKey, "coproduction"));

        // Assert
        var heatmap = (HeatMap)Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data);
        Assert.Equal(["a", "b", "c"], heatmap.X.Cast<string>());
        var z = heatmap.Z.Cast<object?[]>().ToList();
        Assert.Equal([1.0, -0.8, null], z[0].Select(v => (double?)v));
        Assert.Equal((-1m, 1m), (heatmap.ZMin, heatmap.ZMax));
        var hover = (string[][])heatmap.Text!;
        Assert.Contains("n = 5", hover[0][1]);
        Assert.Contains("suppressed", hover[0][2]);
        var rows = cut.Find("table[data-table=relations]").QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Scale A (a)", "Scale B (b)", "5", "-0.80", "0.104"], rows[0]);
        Assert.Equal(["Scale A (a)", "Scale C (c)", "–", "–", "–"], rows[1]);
        Assert.Contains("2 values are suppressed", cut.Find("[data-suppression]").TextContent);
        Assert.StartsWith("data:text/csv", cut.Find("a[data-csv=relations]").GetAttribute("href"));
    }

    [Fact]
    public void RelationsDashboard_ExplainsAnEmptyResult_WithoutAChart()
    {
        // Act
        var cut = Render<RelationsDashboard>(p => p.Add(x => x.Result, RelationsResult.Nothing(CorrelationMethod.Pearson, 5, RelationsEmptyReason.NoValues)).Add(x => x.StudyKey, "s"));

        // Assert
        Assert.Contains("No scale scores match these filters", cut.Find("[data-empty]").TextContent);
        Assert.Empty(cut.FindComponents<PlotlyChart>());
    }
}
