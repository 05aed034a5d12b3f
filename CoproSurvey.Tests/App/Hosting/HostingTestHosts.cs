using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary>Variants of the in-memory app for the hosting tests: other settings, another environment, a proxy in front.</summary>
internal static class HostingTestHosts
{
    /// <summary>
    /// The app with extra settings whose requests arrive from <paramref name="peer"/> (the in-memory server gives
    /// none): from loopback, the default trusted proxy, X-Forwarded-For then names the client.
    /// </summary>
    public static WebApplicationFactory<Program> With(
        this SurveyAppFactory app, IPAddress? peer = null, string environment = "Development", params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ArriveFrom(peer ?? IPAddress.Loopback)));
        });

    /// <summary>A client that does not follow redirects, so that Location headers can be read.</summary>
    public static HttpClient CreatePlainClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A request as it arrives through the proxy for <paramref name="client"/>.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? client = null, bool html = true, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (client is not null)
        {
            request.Headers.Add("X-Forwarded-For", client);
        }

        if (html)
        {
            request.Headers.Accept.ParseAdd("text/html");
        }

        return request;
    }

    private sealed class ArriveFrom(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
