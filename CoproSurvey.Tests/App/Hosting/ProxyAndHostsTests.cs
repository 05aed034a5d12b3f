using System.Net;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary>Host filtering in Production, and the scheme taken from a trusted proxy only.</summary>
public sealed class ProxyAndHostsTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private const string Forged = "attacker.example";

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/resume")]
    [InlineData("GET", "/s/coproduction/citizen")]
    [InlineData("POST", "/s/coproduction/citizen")]
    [InlineData("GET", "/r/ABCD-EFGH")]
    [InlineData("GET", "/no-such-page")]
    public async Task ForgedHost_Answers400AndIsNotReflected_InProduction(string method, string path)
    {
        await using var host = app.With(environment: "Production");
        using var http = host.CreatePlainClient();
        using var request = HostingTestHosts.Request(new HttpMethod(method), path, content: method == "POST" ? new FormUrlEncodedContent([]) : null);
        request.Headers.Host = Forged;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var headers = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => $"{h.Key}: {v}"));
        Assert.DoesNotContain(headers, h => h.Contains("attacker", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("attacker", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LocalHost_IsServed_InProductionWithTheShippedAllowedHosts()
    {
        await using var host = app.With(environment: "Production");
        using var http = host.CreatePlainClient();

        using var response = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredHost_IsServedAndOthersRefused_WhenProductionSetsAllowedHosts()
    {
        await using var host = app.With(environment: "Production", settings: [("AllowedHosts", "survey.example.org")]);
        using var http = host.CreatePlainClient();

        using var allowed = HostingTestHosts.Request(HttpMethod.Get, "/");
        allowed.Headers.Host = "survey.example.org";
        using var refused = HostingTestHosts.Request(HttpMethod.Get, "/");
        refused.Headers.Host = "localhost";

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(allowed)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(refused)).StatusCode);
    }

    [Fact]
    public async Task ForwardedProtoFromTrustedProxy_MakesCookiesSecureAndSendsHsts_InProduction()
    {
        await using var host = app.With(environment: "Production", settings: [("AllowedHosts", "survey.example.org")]);
        using var http = host.CreatePlainClient();
        using var request = HostingTestHosts.Request(HttpMethod.Get, "/s/coproduction/citizen", client: "203.0.113.7");
        request.Headers.Host = "survey.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedProtoFromUnknownPeer_IsIgnored_SoCookiesAreNotMarkedSecure()
    {
        await using var host = app.With(peer: IPAddress.Parse("198.51.100.99"), environment: "Production");
        using var http = host.CreatePlainClient();
        using var request = HostingTestHosts.Request(HttpMethod.Get, "/s/coproduction/citizen", client: "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ConfiguredProxy_IsTrusted_WhenListedInKnownProxies()
    {
        await using var host = app.With(
            peer: IPAddress.Parse("10.1.2.3"), environment: "Production",
            settings: [("ForwardedHeaders:KnownProxies", "10.1.2.3"), ("AllowedHosts", "survey.example.org")]);
        using var http = host.CreatePlainClient();
        using var request = HostingTestHosts.Request(HttpMethod.Get, "/s/coproduction/citizen", client: "203.0.113.7");
        request.Headers.Host = "survey.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }
}
