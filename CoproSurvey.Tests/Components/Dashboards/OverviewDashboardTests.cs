using Bunit;
using CoproSurvey.App.Components.Dashboards;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace CoproSurvey.Tests.Components.Dashboards;

public sealed class OverviewDashboardTests : BunitContext
{
    private static readonly Country[] Countries = [new("BE", "Belgium"), new("DE", "Germany")];
    private static readonly PolicyField[] Fields = [new("health", "Health")];
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public OverviewDashboardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static StudyOverview Overview(int belgians, int germans, int minimum = 5)
    {
        var rows = Enumerable.Range(0, belgians).Select(_ => new OverviewRow(Audience.Citizen, "BE", "health", Monday, Monday.AddMinutes(12), 3))
            .Concat(Enumerable.Range(0, germans).Select(_ => new OverviewRow(Audience.Professional, "DE", "health", Monday, Monday.AddMinutes(20), 3)))
            .ToList();
        return OverviewCalculator.Compute(rows, [], [Audience.Citizen, Audience.Professional], Countries, Fields, new CellRule(minimum));
    }

    private IRenderedComponent<OverviewDashboard> RenderOverview(StudyOverview overview, DashboardFilter? filter = null) =>
        Render<OverviewDashboard>(p => p
            .Add(c => c.Overview, overview)
            .Add(c => c.StudyKey, "coproduction")
            .Add(c => c.Filter, filter ?? DashboardFilter.All));

    private static IRenderedComponent<PlotlyChart> Chart(IRenderedComponent<OverviewDashboard> cut, string name) =>
        cut.FindComponents<DashboardChart>().Single(c => c.Instance.Name == name).FindComponent<PlotlyChart>();

    [Fact]
    public void OverviewDashboard_ShowsCountsAndDashesForSuppressedGroups_AndSaysWhy()
    {
        // Act: 6 Belgian citizens, 2 German professionals.
        var cut = RenderOverview(Overview(6, 2));

        // Assert
        Assert.Equal("8", cut.Find("[data-total]").TextContent);
        var groups = cut.Find("table[data-table=groups]").QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["Belgium", "Health", "6", "0"], ["Germany", "Health", "0", "–"]], groups);
        Assert.Contains("Groups of fewer than 5 respondents are not shown", cut.Find("[data-suppression]").TextContent);
        Assert.Contains("suppressed on this page", cut.Find("[data-suppression]").TextContent);
        Assert.Contains("–", cut.Find("[data-median=Professional]").TextContent);
        Assert.Contains("12.0 min", cut.Find("[data-median=Citizen]").TextContent);
    }

    [Fact]
    public void OverviewDashboard_ChartsOnlyReportedGroups()
    {
        // Act
        var cut = RenderOverview(Overview(6, 2));

        // Assert: the professionals' suppressed count is charted as nothing, not as 2.
        var chart = Chart(cut, "groups");
        var bars = chart.Instance.Data.Cast<Bar>().ToList();
        Assert.Equal(["Citizens", "Professionals"], bars.Select(b => b.Name));
        Assert.Equal(["Belgium", "Germany"], bars[0].X.Cast<string>());
        Assert.Equal([6, 0], bars[0].Y.Cast<int>());
        Assert.Equal([0, 0], bars[1].Y.Cast<int>());
        var funnel = Chart(cut, "funnel").Instance.Data.Cast<Bar>().First();
        Assert.Equal(["Started", "Page 1", "Page 2", "Page 3", "Completed"], funnel.X.Cast<string>());
    }

    [Fact]
    public void OverviewDashboard_LinksEveryTableToItsCsv_WithTheFilter()
    {
        // Act
        var cut = RenderOverview(Overview(6, 6), DashboardFilter.All with { Countries = ["BE"], CompleteOnly = true });

        // Assert
        var links = cut.FindAll("a[data-csv]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(OverviewTables.Names.Count, links.Count);
        Assert.Contains("/research/studies/coproduction/dashboard/overview.csv?country=BE&complete=1&table=groups", links);
        Assert.Equal(cut.FindAll("table[data-table]").Count, links.Count);
    }

    [Fact]
    public void OverviewDashboard_SaysTheStudyHasNoResponsesYet_WhenEmptyWithoutFilter()
    {
        // Act
        var cut = RenderOverview(Overview(0, 0));

        // Assert
        Assert.Contains("No responses yet", cut.Find("[data-empty]").TextContent);
        Assert.Empty(cut.FindAll("table"));
        Assert.Empty(cut.FindComponents<PlotlyChart>());
    }

    [Fact]
    public void OverviewDashboard_OffersToClearTheFilters_WhenNothingMatchesThem()
    {
        // Act
        var cut = RenderOverview(Overview(0, 0), DashboardFilter.All with { Countries = ["DE"] });

        // Assert
        Assert.Contains("No responses match these filters", cut.Find("[data-empty]").TextContent);
        Assert.Equal("/research/studies/coproduction/dashboard", cut.Find("[data-empty] a").GetAttribute("href"));
    }

    [Fact]
    public void OverviewDashboard_ShowsNothing_WhenFewerRespondentsThanTheMinimumMatch()
    {
        // Act
        var cut = RenderOverview(Overview(3, 0));

        // Assert
        Assert.Contains("Fewer than 5 responses match", cut.Find("[data-empty]").TextContent);
        Assert.Empty(cut.FindAll("table"));
        Assert.DoesNotContain(">3<", cut.Markup);
    }

    [Fact]
    public void OverviewDashboard_DrawsEachLoadIntoElementsOfItsOwn()
    {
        // Arrange: the same view loaded twice, as after a change of filter.
        var first = RenderOverview(Overview(6, 6));
        var second = RenderOverview(Overview(7, 6));

        // Assert: Plotly.Blazor purges a disposed chart by its element id; a chart that replaces it must not share the id.
        var firstIds = first.FindComponents<PlotlyChart>().Select(c => c.Instance.Id).ToList();
        var secondIds = second.FindComponents<PlotlyChart>().Select(c => c.Instance.Id).ToList();
        Assert.NotEmpty(firstIds);
        Assert.Equal(firstIds.Count, firstIds.Distinct().Count());
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.All(firstIds, id => Assert.StartsWith("chart-", id, StringComparison.Ordinal));
    }
}
