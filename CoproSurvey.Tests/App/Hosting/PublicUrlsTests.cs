using CoproSurvey.App.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CoproSurvey.Tests.App.Hosting;

public sealed class PublicUrlsTests
{
    [Theory]
    [InlineData("https://survey.example.org", "https://survey.example.org/account/setup?token=abc")]
    [InlineData("https://survey.example.org/", "https://survey.example.org/account/setup?token=abc")]
    [InlineData("https://example.org/coprosurvey", "https://example.org/coprosurvey/account/setup?token=abc")]
    public void Absolute_JoinsThePathToTheConfiguredUrl_WithOrWithoutTrailingSlash(string configured, string expected)
    {
        var urls = new PublicUrls(Configuration((PublicUrls.ConfigurationKey, configured)));

        Assert.Equal(expected, urls.Absolute("/account/setup?token=abc").ToString());
    }

    [Fact]
    public void Absolute_IgnoresTheRequestHost_WhenAPublicUrlIsConfigured()
    {
        var urls = new PublicUrls(Configuration((PublicUrls.ConfigurationKey, "https://survey.example.org")));
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("attacker.example");

        Assert.Equal("https://survey.example.org/resume", urls.Absolute("/resume", context.Request).ToString());
    }

    [Theory]
    [InlineData("http://*:8080", "http://localhost:8080/resume")]
    [InlineData("http://0.0.0.0:8080;https://0.0.0.0:8443", "http://localhost:8080/resume")]
    [InlineData(null, "http://localhost:5000/resume")]
    public void Absolute_FallsBackToTheListeningAddress_WhenNoPublicUrlIsConfigured(string? listen, string expected)
    {
        var urls = new PublicUrls(Configuration(("urls", listen)));

        Assert.Null(urls.Configured);
        Assert.Equal(expected, urls.Absolute("/resume").ToString());
    }

    [Theory]
    [InlineData("survey.example.org")]
    [InlineData("ftp://survey.example.org")]
    [InlineData("https://survey.example.org/?x=1")]
    public void Constructor_RefusesAPublicUrlThatIsNotAnAbsoluteHttpAddress(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PublicUrls(Configuration((PublicUrls.ConfigurationKey, configured))));

        Assert.Contains(PublicUrls.ConfigurationKey, error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
