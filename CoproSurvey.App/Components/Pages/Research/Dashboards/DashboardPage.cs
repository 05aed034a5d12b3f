using CoproSurvey.App.Dashboards;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Studies;
using Microsoft.AspNetCore.Components;

namespace CoproSurvey.App.Components.Pages.Research.Dashboards;

/// <summary>
/// Base of the dashboard views: viewers and up; the filter comes from the address and goes back into it, and each
/// change of filter loads the view again (an older load still running is cancelled).
/// </summary>
public abstract class DashboardPage : StudyPage, IDisposable
{
    private CancellationTokenSource? loading;

    [Inject] private StudyQueries Studies { get; set; } = default!;

    [SupplyParameterFromQuery(Name = DashboardQuery.AudienceKey)] public string[]? AudienceQuery { get; set; }

    [SupplyParameterFromQuery(Name = DashboardQuery.CountryKey)] public string[]? CountryQuery { get; set; }

    [SupplyParameterFromQuery(Name = DashboardQuery.FieldKey)] public string[]? FieldQuery { get; set; }

    [SupplyParameterFromQuery(Name = DashboardQuery.CompleteKey)] public string? CompleteQuery { get; set; }

    [SupplyParameterFromQuery(Name = DashboardQuery.FromKey)] public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = DashboardQuery.ToKey)] public string? ToQuery { get; set; }

    protected StudyDetails? Study { get; private set; }

    protected DashboardFilter Filter { get; private set; } = DashboardFilter.All;

    /// <summary>
    /// A load is running: the view shows progress rather than stale figures. Each page keys its view's component by the
    /// loaded result, so a load always draws new charts, even one so quick that the progress never rendered (Plotly.Blazor
    /// draws a chart on its first render only).
    /// </summary>
    protected bool Loading { get; private set; } = true;

    protected override StudyRole Needs => StudyRole.Viewer;

    protected override async Task LoadStudyAsync(StudyGrant grant) =>
        Study = await Studies.DetailsAsync(grant.StudyId, CancellationToken.None);

    protected override async Task OnParametersSetAsync()
    {
        if (Grant is null || Study is null)
        {
            return;
        }

        Filter = DashboardQuery.Parse(AudienceQuery, CountryQuery, FieldQuery, CompleteQuery, FromQuery, ToQuery);
        if (!RendererInfo.IsInteractive)
        {
            // The prerendered page shows progress: the live circuit computes the view, so a large study is aggregated once per load, not twice.
            return;
        }

        loading?.Cancel();
        loading?.Dispose();
        loading = new CancellationTokenSource();
        var ct = loading.Token;
        Loading = true;
        try
        {
            // Off the renderer's thread: the circuit stays responsive while a large study is aggregated.
            await Task.Run(() => LoadViewAsync(Grant, Filter, ct), ct);
            Loading = false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // A newer filter took over; its load sets the state.
        }
    }

    /// <summary>Loads the view's figures for the filter.</summary>
    protected abstract Task LoadViewAsync(StudyGrant grant, DashboardFilter filter, CancellationToken ct);

    /// <summary>Puts a filter into the address; the page reloads its figures from there.</summary>
    protected void ApplyFilter(string view, DashboardFilter filter) =>
        Navigation.NavigateTo(DashboardQuery.ViewUrl(Grant!.StudyKey, view, filter));

    public void Dispose()
    {
        loading?.Cancel();
        loading?.Dispose();
        GC.SuppressFinalize(this);
    }
}
