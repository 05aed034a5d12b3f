using System.Security.Claims;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CoproSurvey.App.Accounts;

/// <summary>
/// Sign-in for researchers: an Identity cookie with an idle lifetime (sliding) and an absolute one, checked against the
/// account's security stamp on every request, so that disabling an account or setting a new password ends its
/// sessions at once. Data Protection keys live in the database, so cookies and antiforgery tokens survive restarts
/// and are shared by several instances.
/// </summary>
public static class ResearcherAuthentication
{
    public const string CookieName = "coprosurvey-researcher";
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string ResearchPath = "/research";

    /// <summary>A session ends after this long without a request.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after signing in, however active.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    private const string SignedInAtItem = "coprosurvey.signed-in-at";

    public static IServiceCollection AddResearcherAuthentication(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("CoproSurvey")
            .PersistKeysToDbContext<CoproSurveyDbContext>();

        new IdentityBuilder(typeof(Researcher), services)
            .AddSignInManager<ResearcherSignInManager>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = SignInPath;
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = IdleLifetime;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidatePrincipalAsync;
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ResearcherRevalidatingStateProvider>();
        services.AddScoped<ResearcherSignIn>();
        services.AddSingleton<SetupLinks>();
        return services;
    }

    /// <summary>The properties of a new session: when it started, for the absolute lifetime.</summary>
    public static AuthenticationProperties NewSessionProperties(DateTimeOffset now) =>
        new(new Dictionary<string, string?> { [SignedInAtItem] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            IsPersistent = false,
        };

    /// <summary>The signed-in researcher's id, or null.</summary>
    public static string? ResearcherId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var signedInAt = context.Properties.Items.TryGetValue(SignedInAtItem, out var value) && long.TryParse(value, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        if (signedInAt is null || time.GetUtcNow() - signedInAt.Value > AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // The security stamp changes when an account is disabled or gets a new password: the session ends.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
