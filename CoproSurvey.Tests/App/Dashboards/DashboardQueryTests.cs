using CoproSurvey.App.Dashboards;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Tests.App.Dashboards;

public class DashboardQueryTests
{
    [Fact]
    public void Parse_ReadsEveryFilter_FromTheQueryString()
    {
        // Act
        var filter = DashboardQuery.Parse("?audience=Professional&country=BE&country=DE&field=health&complete=1&from=2026-03-01&to=2026-03-31");

        // Assert
        Assert.Equal([Audience.Professional], filter.Audiences);
        Assert.Equal(["BE", "DE"], filter.Countries);
        Assert.Equal(["health"], filter.PolicyFields);
        Assert.True(filter.CompleteOnly);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (filter.From!.Value, filter.To!.Value));
    }

    [Fact]
    public void Parse_IgnoresValuesThatNameNothing()
    {
        // Act
        var filter = DashboardQuery.Parse("?audience=robot&audience=1&country=&from=31/03/2026&complete=maybe");

        // Assert
        Assert.Equal(DashboardFilter.All.Key, filter.Key);
    }

    [Fact]
    public void ToQueryString_GivesBackTheSameFilter()
    {
        // Arrange
        var filter = new DashboardFilter([Audience.Citizen], ["NL", "BE"], ["social-care"], true, new DateOnly(2026, 1, 2), null);

        // Act
        var query = DashboardQuery.ToQueryString(filter);

        // Assert
        Assert.Equal("?audience=citizen&country=NL&country=BE&field=social-care&complete=1&from=2026-01-02", query);
        Assert.Equal(filter.Key, DashboardQuery.Parse(query).Key);
        Assert.Equal("", DashboardQuery.ToQueryString(DashboardFilter.All));
    }

    [Fact]
    public void CsvUrl_NamesTheTableAfterTheFilter()
    {
        Assert.Equal("/research/studies/coproduction/dashboard/overview.csv?table=funnel", DashboardQuery.CsvUrl("coproduction", "overview", "funnel", DashboardFilter.All));
        Assert.Equal(
            "/research/studies/coproduction/dashboard/overview.csv?country=BE&table=funnel",
            DashboardQuery.CsvUrl("coproduction", "overview", "funnel", DashboardFilter.All with { Countries = ["BE"] }));
    }
}
