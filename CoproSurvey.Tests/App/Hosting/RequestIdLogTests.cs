using System.Net;
using AngleSharp.Html.Parser;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Studies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary>
/// A failure a respondent reports by the request id on the error page can be found in the logs: the line that logs
/// the unhandled exception carries the same id in its scope (which the JSON console log of Production writes out).
/// </summary>
public sealed class RequestIdLogTests
{
    [Fact]
    public async Task UnhandledException_IsLoggedWithTheRequestIdTheErrorPageShows_InProduction()
    {
        await using var app = new SurveyAppFactory();
        var logs = new FakeLoggerProvider();
        await using var failing = Failing(app, logs);
        using var http = Client(failing);

        using var response = await http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var shown = ShownRequestId(html);
        Assert.False(string.IsNullOrWhiteSpace(shown), $"the error page shows no request id:\n{html}");
        var failure = logs.Collector.GetSnapshot().Where(r => r.Exception is FailingDatabaseException).ToList();
        var logged = Assert.Single(failure);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains(shown, RequestIds(logged));
        Assert.DoesNotContain(FailingDatabaseException.Text, html, StringComparison.Ordinal);
        // What puts the scope on the console line in Production.
        var configuration = failing.Services.GetRequiredService<IConfiguration>();
        Assert.Equal("json", configuration["Logging:Console:FormatterName"]);
        Assert.Equal("true", configuration["Logging:Console:FormatterOptions:IncludeScopes"], ignoreCase: true);
    }

    [Fact]
    public async Task RequestIds_DifferBetweenFailures_InProduction()
    {
        await using var app = new SurveyAppFactory();
        var logs = new FakeLoggerProvider();
        await using var failing = Failing(app, logs);
        using var http = Client(failing);

        var shown = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await http.GetAsync("/");
            shown.Add(ShownRequestId(await response.Content.ReadAsStringAsync()) ?? "");
        }

        var logged = logs.Collector.GetSnapshot().Where(r => r.Exception is FailingDatabaseException).Select(r => Assert.Single(RequestIds(r))).ToList();
        Assert.Equal(2, shown.Where(id => id.Length > 0).Distinct().Count());
        Assert.Equal(shown, logged);
    }

    /// <summary>
    /// The app in Production, logging to <paramref name="logs"/>, whose home page's study list fails as a broken
    /// database would: no route of the app is made to throw.
    /// </summary>
    private static WebApplicationFactory<Program> Failing(SurveyAppFactory app, FakeLoggerProvider logs) =>
        app.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
            builder.ConfigureTestServices(services => services.AddSingleton(new StudyQueries(new FailingContextFactory())));
        });

    private static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>The RequestId values of the scopes a log record was written in.</summary>
    private static List<string> RequestIds(FakeLogRecord record) =>
        record.Scopes
            .OfType<IEnumerable<KeyValuePair<string, object?>>>()
            .SelectMany(scope => scope)
            .Where(pair => pair.Key == "RequestId")
            .Select(pair => pair.Value?.ToString() ?? "")
            .ToList();

    private static string? ShownRequestId(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("p")
            .FirstOrDefault(p => p.TextContent.StartsWith("Request ID:", StringComparison.Ordinal))?.QuerySelector("code")?.TextContent;

    private sealed class FailingDatabaseException() : Exception(Text)
    {
        public const string Text = "The database cannot be reached (a failure made by the test).";
    }

    private sealed class FailingContextFactory : IDbContextFactory<CoproSurveyDbContext>
    {
        public CoproSurveyDbContext CreateDbContext() => throw new FailingDatabaseException();
    }
}
