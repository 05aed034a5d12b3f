using CoproSurvey.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoproSurvey.App.Accounts;

/// <summary>Identity's sign-in manager, refusing disabled accounts (also when their session is revalidated).</summary>
public sealed class ResearcherSignInManager(
    UserManager<Researcher> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Researcher> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Researcher>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Researcher> confirmation)
    : SignInManager<Researcher>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Researcher user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<Researcher?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
