using Bunit;
using CoproSurvey.App.Components.Dashboards;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;
using Microsoft.AspNetCore.Components;

namespace CoproSurvey.Tests.Components.Dashboards;

public sealed class DashboardFilterBarTests : BunitContext
{
    private DashboardFilter? applied;

    private IRenderedComponent<DashboardFilterBar> RenderBar(DashboardFilter filter, bool interactive = true)
    {
        SetRendererInfo(new RendererInfo("Server", interactive));
        return Render<DashboardFilterBar>(p => p
            .Add(c => c.Filter, filter)
            .Add(c => c.Audiences, [Audience.Citizen, Audience.Professional])
            .Add(c => c.Countries, [new Country("BE", "Belgium"), new Country("DE", "Germany"), new Country("NL", "Netherlands")])
            .Add(c => c.PolicyFields, [new PolicyField("health", "Health"), new PolicyField("education", "Education")])
            .Add(c => c.OnApply, f => applied = f));
    }

    [Fact]
    public void FilterBar_ShowsTheFilterFromTheAddress()
    {
        // Act
        var cut = RenderBar(DashboardFilter.All with { Audiences = [Audience.Professional], Countries = ["DE"], CompleteOnly = true, From = new DateOnly(2026, 3, 1) });

        // Assert
        Assert.Equal("professional", cut.Find("#filter-audience").GetAttribute("value"));
        Assert.True(cut.Find("#filter-country-DE").HasAttribute("checked"));
        Assert.False(cut.Find("#filter-country-BE").HasAttribute("checked"));
        Assert.True(cut.Find("#filter-complete").HasAttribute("checked"));
        Assert.Equal("2026-03-01", cut.Find("#filter-from").GetAttribute("value"));
    }

    [Fact]
    public void FilterBar_KeepsAChoiceNotYetApplied_WhenThePageRendersAgainWithTheSameFilter()
    {
        // Arrange: the page shows ?field=health while its figures load; the researcher unticks health.
        var health = DashboardFilter.All with { PolicyFields = ["health"] };
        var cut = RenderBar(health);
        cut.Find("#filter-field-health").Change(false);

        // Act: the figures arrive and the page renders again, with an equal filter in a new object.
        cut.Render(p => p.Add(c => c.Filter, DashboardFilter.All with { PolicyFields = ["health"] }));

        // Assert
        Assert.False(cut.Find("#filter-field-health").HasAttribute("checked"));
        cut.Find("form").Submit();
        Assert.Equal(DashboardFilter.All.Key, applied!.Key);
    }

    [Fact]
    public void FilterBar_TakesANewFilter_WhenTheAddressChanges()
    {
        // Arrange
        var cut = RenderBar(DashboardFilter.All);
        cut.Find("#filter-country-BE").Change(true);

        // Act: another filter arrives from the address (back button, a shared link).
        cut.Render(p => p.Add(c => c.Filter, DashboardFilter.All with { Countries = ["DE"] }));

        // Assert
        Assert.False(cut.Find("#filter-country-BE").HasAttribute("checked"));
        Assert.True(cut.Find("#filter-country-DE").HasAttribute("checked"));
    }

    [Fact]
    public void FilterBar_HandsTheEditedFilterOver_OnApply_InTheStudysOrder()
    {
        // Arrange
        var cut = RenderBar(DashboardFilter.All);

        // Act
        cut.Find("#filter-audience").Change("citizen");
        cut.Find("#filter-country-NL").Change(true);
        cut.Find("#filter-country-BE").Change(true);
        cut.Find("#filter-field-education").Change(true);
        cut.Find("#filter-to").Change("2026-04-30");
        cut.Find("form").Submit();

        // Assert
        Assert.NotNull(applied);
        Assert.Equal([Audience.Citizen], applied.Audiences);
        Assert.Equal(["BE", "NL"], applied.Countries);
        Assert.Equal(["education"], applied.PolicyFields);
        Assert.Equal(new DateOnly(2026, 4, 30), applied.To);
        Assert.False(applied.CompleteOnly);
    }

    [Fact]
    public void FilterBar_ClearHandsOverTheEmptyFilter()
    {
        // Arrange
        var cut = RenderBar(DashboardFilter.All with { Countries = ["DE"] });

        // Act
        cut.Find("button[type=button]").Click();

        // Assert
        Assert.Equal(DashboardFilter.All, applied);
    }

    [Fact]
    public void FilterBar_IsDisabled_UntilThePageIsInteractive()
    {
        // Act
        var cut = RenderBar(DashboardFilter.All, interactive: false);

        // Assert
        Assert.All(cut.FindAll("input, select, button"), e => Assert.True(e.HasAttribute("disabled"), e.OuterHtml));
    }
}
