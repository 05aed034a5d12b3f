using CoproSurvey.App.Accounts;
using CoproSurvey.App.Hosting;
using CoproSurvey.Core;

namespace CoproSurvey.App;

/// <summary>Registration and configuration of the web part of the platform.</summary>
public static class AppServices
{
    /// <summary>Name of the connection string (<c>ConnectionStrings:CoproSurvey</c>).</summary>
    public const string ConnectionStringName = "CoproSurvey";

    /// <summary>Configuration key of the folder holding <c>studies/</c> and <c>instruments/</c>.</summary>
    public const string DataDirectoryKey = "CoproSurvey:DataDirectory";

    /// <summary>Razor components. Respondent pages are static server rendering; the interactive server
    /// render mode is registered for pages that opt into it, never globally.</summary>
    public static IServiceCollection AddAppServices(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCoproSurveyProxySupport();
        services.AddCoproSurveyRequestLimits();
        services.AddCoproSurveyRateLimits();
        services.AddSingleton<PublicUrls>();
        services.AddResearcherAuthentication();
        services.AddCoproSurveyHealth();
        return services;
    }

    /// <summary>
    /// Database and data folder from configuration. Defaults: the SQLite file <c>coprosurvey.db</c> in the content
    /// root, and the repository's <c>data/</c> folder (found by walking up from the content root), else the copy
    /// of <c>data/</c> next to the executable.
    /// </summary>
    public static CoproSurveyOptions GetCoproSurveyOptions(this IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? $"Data Source={Path.Combine(contentRoot, "coprosurvey.db")}";
        var dataDirectory = configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : FindDataDirectory(contentRoot);
        return new CoproSurveyOptions { ConnectionString = connectionString, DataDirectory = dataDirectory };
    }

    /// <summary>The nearest <c>data/</c> folder with a <c>studies/</c> folder at or above <paramref name="start"/>, else the one beside the executable.</summary>
    public static string FindDataDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(Path.Combine(candidate, "studies")))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "data");
    }

    /// <summary>
    /// Middleware and endpoints. Host filtering (<c>AllowedHosts</c>) runs before all of this; then forwarded
    /// headers (client address and scheme for everything after), security headers, error and status-code pages,
    /// the body cap and the rate limiter (both answer with their own page), sign-in, antiforgery, static assets, components,
    /// researcher endpoints.
    /// </summary>
    public static WebApplication MapAppEndpoints(this WebApplication app)
    {
        app.UseCoproSurveyProxySupport(app.Environment);
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestBodyCap();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapCoproSurveyStaticAssets();
        app.MapCoproSurveyHealth();
        app.MapWriteCeilingInDevelopment();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        app.MapResearchEndpoints();
        return app;
    }

    /// <summary>Prints where the platform can be reached once the server listens.</summary>
    public static void PrintUrlsWhenStarted(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"CoproSurvey is running at {url}  (Ctrl+C to stop)");
            }
        });
}
