using System.Text;
using Bunit;
using CoproSurvey.App.Components.Dashboards;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace CoproSurvey.Tests.Components.Dashboards;

public sealed class MeasurementDashboardTests : BunitContext
{
    private static readonly string[] Columns = ["a", "b", "c"];

    public MeasurementDashboardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>
    /// Belgium: six respondents whose keyed answers a, b, c rise together; Germany: two respondents (suppressed).
    /// Item c is reverse-keyed on 1-5.
    /// </summary>
    private static MeasurementResult Result(bool reverse = true)
    {
        var scale = new MeasurementScale("s", "Trust", [Audience.Citizen], [new("a", "A", false, 1, 5), new("b", "B", false, 1, 5), new("c", "C", reverse, 1, 5)]);
        double?[][] be = [[1, 2, 5], [2, 2, 4], [3, 4, 3], [4, 3, 2], [5, 5, 1], [3, 3, 2]];
        var rows = be.Select(v => new MeasurementRow(Audience.Citizen, "BE", v))
            .Concat([new MeasurementRow(Audience.Citizen, "DE", [1, 1, 1]), new MeasurementRow(Audience.Citizen, "DE", [2, 2, 2])])
            .ToList();
        return MeasurementCalculator.Compute([scale], Columns, rows, [("BE", "Belgium"), ("DE", "Germany")], null, new CellRule(5));
    }

    /// <summary>The table's cells, their white space collapsed.</summary>
    private static List<List<string>> Table(IRenderedComponent<MeasurementDashboard> cut, string name) =>
        cut.Find($"table[data-table={name}]").QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList())
            .ToList();

    [Fact]
    public void MeasurementDashboard_TabulatesAndChartsReportedGroups_AndDashesTheSuppressedOne()
    {
        // Arrange: with Germany suppressed, every country is Belgium alone.
        var result = Result();

        // Act
        var cut = Render<MeasurementDashboard>(p => p.Add(c => c.Result, result).Add(c => c.StudyKey, "coproduction"));

        // Assert
        var all = result.Groups[0];
        var row = Assert.Single(Table(cut, MeasurementTables.Reliability));
        Assert.Equal(["Trust (s)", "Citizens", $"alpha {all.Alpha:0.000} ω {all.Omega:0.000} · n 6", $"alpha {all.Alpha:0.000} ω {all.Omega:0.000} · n 6", "alpha – n < 5"], row);
        Assert.Equal(["All countries", "Belgium", "Germany"], cut.FindAll("table[data-table=reliability] thead th").Skip(2).Select(h => h.TextContent.Trim()));
        var traces = cut.FindComponent<PlotlyChart>().Instance.Data.Cast<Scatter>().ToList();
        Assert.Equal([result.Groups[0].Alpha!.Value], traces[0].Y.Cast<double>());
        Assert.Equal([result.Groups[1].Alpha!.Value], traces[1].Y.Cast<double>());
        Assert.Contains("1 value is suppressed", cut.Find("[data-suppression]").TextContent);
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(cut.Find($"a[data-csv={MeasurementTables.Reliability}]").GetAttribute("href")!.Split(',')[1]));
        Assert.Contains("s,citizen,DE,,,,,,1", csv);
    }

    [Fact]
    public void MeasurementDashboard_SaysBelow70InWords_WhereAlphaIsLow()
    {
        // Arrange: c taken as keyed like a and b, which it is not: alpha is negative.
        var result = Result(reverse: false);

        // Act
        var cut = Render<MeasurementDashboard>(p => p.Add(c => c.Result, result).Add(c => c.StudyKey, "coproduction"));

        // Assert
        var alpha = Table(cut, MeasurementTables.Reliability)[0][2];
        Assert.StartsWith($"alpha {result.Groups[0].Alpha:0.000} below .70", alpha);
        Assert.Contains("below .70", cut.Find("[data-flag-summary]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-below]"));
    }

    [Fact]
    public void MeasurementDashboard_ShowsItemStatistics_WithTheReversedItemMarked_AndAsksForAnotherScale()
    {
        // Arrange
        var result = Result();
        string? chosen = null;

        // Act
        var cut = Render<MeasurementDashboard>(p => p
            .Add(c => c.Result, result).Add(c => c.StudyKey, "coproduction").Add(c => c.OnChooseScale, s => chosen = s));
        cut.Find("#measurement-scale").Change("s");

        // Assert: keyed c over Belgium's 6 complete cases (Germany is suppressed) is 1, 2, 3, 4, 5, 4 (mean 19/6).
        var items = Table(cut, "items-citizen");
        Assert.Equal(["a", "b", "c reversed"], items.Select(r => r[0]));
        Assert.Equal("3.17", items[2][2]);
        Assert.Equal("s", chosen);
    }

    [Fact]
    public void MeasurementDashboard_ExplainsAnEmptySelection()
    {
        // Arrange
        var scale = new MeasurementScale("s", "Trust", [Audience.Citizen], [new("a", "A", false, 1, 5), new("b", "B", false, 1, 5)]);
        var result = MeasurementCalculator.Compute([scale], ["a", "b"], [], [], null, new CellRule(5));

        // Act
        var cut = Render<MeasurementDashboard>(p => p.Add(c => c.Result, result).Add(c => c.StudyKey, "coproduction"));

        // Assert
        Assert.Contains("No respondent in this selection answered every item", cut.Find("[data-empty]").TextContent);
        Assert.Empty(cut.FindComponents<PlotlyChart>());
    }
}
