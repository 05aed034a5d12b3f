using Bunit;
using CoproSurvey.App.Components.Dashboards;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace CoproSurvey.Tests.Components.Dashboards;

public sealed class CompareDashboardTests : BunitContext
{
    public CompareDashboardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void CompareDashboard_ChartsAndTabulatesReportedGroups_AndDashesSuppressedOnes()
    {
        // Arrange: Belgium 1..5, Germany 2 values (suppressed).
        var values = new[] { 1.0, 2, 3, 4, 5 }.Select(v => new CompareValue(Audience.Citizen, "BE", v))
            .Concat([new CompareValue(Audience.Citizen, "DE", 9), new CompareValue(Audience.Citizen, "DE", 9)])
            .ToList();
        var result = CompareCalculator.Compute("x", "X", CompareBy.Country, values, [("BE", "Belgium"), ("DE", "Germany")], new CellRule(5));

        // Act
        var cut = Render<CompareDashboard>(p => p.Add(c => c.Result, result).Add(c => c.StudyKey, "coproduction"));

        // Assert
        var scatter = (Scatter)Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data);
        Assert.Equal(["Belgium"], scatter.X.Cast<string>());
        Assert.Equal([3.0], scatter.Y.Cast<double>());
        var rows = cut.Find("table[data-table=compare]").QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Belgium", "Citizens", "5", "3.00", "1.58", "1.04 to 4.96"], rows[0]);
        Assert.Equal(["Germany", "Citizens", "–", "–", "–", "–"], rows[1]);
        Assert.StartsWith("data:text/csv", cut.Find("a[data-csv=compare]").GetAttribute("href"));
        Assert.Contains("1 value is suppressed", cut.Find("[data-suppression]").TextContent);
        var box = (Box)Assert.Single(cut.FindComponents<PlotlyChart>()[1].Instance.Data);
        Assert.Equal(["Belgium"], box.X.Cast<string>());
        Assert.Equal([2.0, 3.0, 4.0, 1.0, 5.0], new[] { box.Q1, box.Median, box.Q3, box.LowerFence, box.UpperFence }.Select(v => Assert.Single(v.Cast<double>())));
        Assert.Null(box.Y);
    }
}
