using System.Security.Claims;
using CoproSurvey.App.Accounts;
using CoproSurvey.Core.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CoproSurvey.App.Components.Pages.Research;

/// <summary>
/// Base of the researcher pages (interactive server, behind sign-in). The signed-in researcher comes from the
/// authentication state; every page checks its own access on the server and answers 404 where the researcher has none.
/// </summary>
public abstract class ResearchPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] protected StudyAccess Access { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in researcher's id ("" when the state has no researcher, which [Authorize] prevents).</summary>
    protected string ResearcherId { get; private set; } = "";

    /// <summary>The researcher as the audit log names them.</summary>
    protected Actor Actor { get; private set; } = Actor.Platform;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        ResearcherId = user.ResearcherId() ?? "";
        Actor = new Actor(ResearcherId, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? ResearcherId);
        await LoadAsync();
    }

    /// <summary>Loads the page's data once the researcher is known.</summary>
    protected abstract Task LoadAsync();
}

/// <summary>A page of one study: the researcher needs at least <see cref="Needs"/> in it, else 404 (as for a study that does not exist).</summary>
public abstract class StudyPage : ResearchPage
{
    [Parameter] public string StudyKey { get; set; } = "";

    protected StudyGrant? Grant { get; private set; }

    protected abstract StudyRole Needs { get; }

    protected override async Task LoadAsync()
    {
        Grant = await Access.GrantAsync(ResearcherId, StudyKey, CancellationToken.None);
        if (Grant is null || !Grant.Allows(Needs))
        {
            Grant = null;
            Navigation.NotFound();
            return;
        }

        await LoadStudyAsync(Grant);
    }

    protected abstract Task LoadStudyAsync(StudyGrant grant);
}

/// <summary>A page of platform administration: administrators only, 404 for everyone else.</summary>
public abstract class AdminPage : ResearchPage
{
    protected bool Allowed { get; private set; }

    protected override async Task LoadAsync()
    {
        Allowed = await Access.IsAdminAsync(ResearcherId, CancellationToken.None);
        if (!Allowed)
        {
            Navigation.NotFound();
            return;
        }

        await LoadAdminAsync();
    }

    protected abstract Task LoadAdminAsync();
}
