using CoproSurvey.App.Accounts;
using CoproSurvey.App.Dashboards;
using CoproSurvey.App.Hosting;
using CoproSurvey.App.Localization;
using CoproSurvey.Core;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Persistence;

namespace CoproSurvey.App;

/// <summary>Registration and configuration of the web part of the platform.</summary>
public static class AppServices
{
    /// <summary>Name of the connection string (<c>ConnectionStrings:CoproSurvey</c>).</summary>
    public const string ConnectionStringName = "CoproSurvey";

    /// <summary>Configuration key of the database engine: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public const string DatabaseProviderKey = "Database:Provider";

    /// <summary>Configuration key of the folder holding <c>studies/</c> and <c>instruments/</c>.</summary>
    public const string DataDirectoryKey = "CoproSurvey:DataDirectory";

    /// <summary>Razor components. Respondent pages are static server rendering; the interactive server
    /// render mode is registered for pages that opt into it, never globally.</summary>
    public static IServiceCollection AddAppServices(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddLocalization();
        services.AddCoproSurveyProxySupport();
        services.AddCoproSurveyRequestLimits();
        services.AddCoproSurveyRateLimits();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<Exports.PreparedExports>();
        services.AddResearcherAuthentication();
        services.AddCoproSurveyHealth();
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName);
        return services;
    }

    /// <summary>The database and data folder of <paramref name="builder"/>'s configuration and content root (see below).</summary>
    public static CoproSurveyOptions GetCoproSurveyOptions(this WebApplicationBuilder builder) =>
        builder.Configuration.GetCoproSurveyOptions(builder.Environment.ContentRootPath);

    /// <summary>
    /// Database and data folder from configuration. Defaults: the SQLite file <c>coprosurvey.db</c> in the content
    /// root, and the repository's <c>data/</c> folder (found by walking up from the content root), else the copy
    /// of <c>data/</c> next to the executable. <c>Database:Provider</c> = <c>Postgres</c> needs
    /// <c>ConnectionStrings:CoproSurvey</c>: there is no default server.
    /// </summary>
    public static CoproSurveyOptions GetCoproSurveyOptions(this IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration[DatabaseProviderKey];
        if (!CoproSurveyDatabase.TryParseProvider(providerText, out var provider))
        {
            throw new InvalidOperationException(
                $"{DatabaseProviderKey} is '{providerText}'; it must be Sqlite (the default) or Postgres.");
        }

        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{DatabaseProviderKey} is Postgres but ConnectionStrings:{ConnectionStringName} is not set "
                + $"(e.g. ConnectionStrings__{ConnectionStringName}=\"Host=127.0.0.1;Database=coprosurvey;Username=coprosurvey;Password=...\").");
        }

        var connectionString = string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(contentRoot, "coprosurvey.db")}"
            : configured;
        var dataDirectory = configuration[DataDirectoryKey] is { Length: > 0 } directory
            ? Path.GetFullPath(directory, contentRoot)
            : FindDataDirectory(contentRoot);
        return new CoproSurveyOptions { Provider = provider, ConnectionString = connectionString, DataDirectory = dataDirectory };
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
        app.UseHeadWithoutBody();
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
        app.UseRespondentCulture();
        app.MapCoproSurveyStaticAssets();
        app.MapCoproSurveyHealth();
        app.MapWriteCeilingInDevelopment();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode().AnswerHeadLikeGet();
        app.MapResearchEndpoints();
        app.MapDashboardEndpoints();
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
