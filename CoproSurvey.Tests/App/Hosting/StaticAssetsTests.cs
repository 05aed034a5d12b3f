using System.Diagnostics;
using System.Net;
using CoproSurvey.Tests.Browser;
using CoproSurvey.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary>
/// In Production every stylesheet, script and icon the pages reference answers 200 and a missing file 404: in
/// memory, from the build output (which used to answer 500), and from a publish output.
/// </summary>
public sealed class StaticAssetsTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    [Fact]
    public async Task ReferencedAssets_Answer200AndMissingOnes404_InProductionInMemory()
    {
        await using var host = app.With(environment: "Production");
        using var client = new HtmlFormClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

        await AssertEveryAssetServedAsync(client);
    }

    [Fact]
    public async Task ReferencedAssets_Answer200AndMissingOnes404_FromTheBuildOutputInProduction()
    {
        using var database = SqliteDatabase.InTempFolder();
        var baseUrl = AppProcess.FreeLocalUrl();
        await using var server = await AppProcess.StartAsync(baseUrl, database.ConnectionString, "Production");

        await AssertServedOverHttpAsync(baseUrl, server);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task ReferencedAssets_Answer200AndMissingOnes404_FromThePublishOutputInProduction()
    {
        var output = Directory.CreateTempSubdirectory("coprosurvey-publish-");
        try
        {
            await PublishAsync(output.FullName);
            using var database = SqliteDatabase.InTempFolder();
            var baseUrl = AppProcess.FreeLocalUrl();
            await using var server = await AppProcess.StartAsync(baseUrl, database.ConnectionString, "Production", Path.Combine(output.FullName, "CoproSurvey.App.dll"));

            await AssertServedOverHttpAsync(baseUrl, server);

            // A partial copy: files the manifest names are gone, in every encoding.
            foreach (var file in Directory.GetFiles(Path.Combine(output.FullName, "wwwroot"), "app.*"))
            {
                File.Delete(file);
            }

            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/app.css");
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(request)).StatusCode);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task AssertServedOverHttpAsync(string baseUrl, AppProcess server)
    {
        using var handler = new HttpClientHandler { UseCookies = true };
        using var client = new HtmlFormClient(new HttpClient(handler) { BaseAddress = new Uri(baseUrl) });
        await AssertEveryAssetServedAsync(client);
        Assert.DoesNotContain("Exception", server.Output, StringComparison.Ordinal);
    }

    /// <summary>The home page, a respondent entry page and the first questionnaire page, and each asset they reference.</summary>
    private static async Task AssertEveryAssetServedAsync(HtmlFormClient client)
    {
        var home = await client.GetAsync("/");
        var entry = await client.GetAsync("/s/coproduction/citizen");
        var questionnaire = await client.SubmitAsync(entry, "consent",
            [KeyValuePair.Create("country", "BE"), KeyValuePair.Create("field", "public-safety"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        Assert.EndsWith("/1", questionnaire.Path);

        var assets = new[] { home, entry, questionnaire }
            .SelectMany(page => page.Document.QuerySelectorAll("link[href]").Select(l => l.GetAttribute("href")!)
                .Concat(page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)))
            .Select(href => "/" + href.TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.Contains(assets, a => a.StartsWith("/_framework/blazor.web.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/CoproSurvey.App.", StringComparison.Ordinal) && a.EndsWith(".styles.css", StringComparison.Ordinal));

        // The unfingerprinted names too: the 429 and 413 pages and old bookmarks use them.
        foreach (var asset in assets.Concat(["/_framework/blazor.web.js", "/CoproSurvey.App.styles.css", "/app.css", "/lib/bootstrap/dist/css/bootstrap.min.css"]))
        {
            var response = await client.GetAsync(asset);
            Assert.True(response.Status == HttpStatusCode.OK, $"{asset} answered {(int)response.Status}");
        }

        foreach (var missing in new[] { "/_framework/nope.js", "/CoproSurvey.App.nope.styles.css", "/lib/nope.css" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(missing)).Status);
        }
    }

    private static async Task PublishAsync(string output)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryPaths.Root, "CoproSurvey.App", "CoproSurvey.App.csproj"), "-c", "Release", "-o", output, "--no-restore", "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }
}
