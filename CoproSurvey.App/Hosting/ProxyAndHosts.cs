using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// Running behind a TLS-terminating reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed only from the proxies listed in <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR), besides loopback; then <c>Request.IsHttps</c> holds behind the
/// proxy and cookies are <c>Secure</c>. The Host header itself is checked against <c>AllowedHosts</c> by the
/// framework's host filtering before any of this runs.
/// </summary>
public static class ProxyAndHosts
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddCoproSurveyProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            // Only the proxy's own hop is read; X-Forwarded-Host is never believed (absolute links use PublicUrls).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            foreach (var proxy in Values(configuration, KnownProxiesKey))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{KnownProxiesKey}: '{proxy}' is not an IP address."));
            }

            foreach (var network in Values(configuration, KnownNetworksKey))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{KnownNetworksKey}: '{network}' is not a network in CIDR notation (10.0.0.0/8)."));
            }
        });
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = CookieSecurePolicy.SameAsRequest;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>
    /// Forwarded headers first, so that everything after sees the client's address and scheme; outside
    /// Development, HSTS and redirection to HTTPS.
    /// </summary>
    public static IApplicationBuilder UseCoproSurveyProxySupport(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        app.UseForwardedHeaders();
        if (!environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCookiePolicy();
        return app;
    }

    // A list as array entries (KnownProxies:0, ...) or as one value separated by ';' or ',' (for one environment variable).
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values
            .SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
