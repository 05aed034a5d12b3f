using CoproSurvey.App.Accounts;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App.Research;

/// <summary>A researcher's session ends after 30 idle minutes, and 12 hours after signing in however active.</summary>
public sealed class SessionLifetimeTests : IAsyncLifetime
{
    private readonly SurveyAppFactory factory = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app = default!;

    public async Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        _ = app.Services;
        await factory.AddResearcherAsync("ana@example.org", false, ("coproduction", StudyRole.Viewer));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    private HtmlFormClient Client() =>
        new(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    [Fact]
    public async Task Session_Ends_AfterThirtyIdleMinutes()
    {
        using var client = Client();
        await client.SignInAsync("ana@example.org");

        clock.Advance(TimeSpan.FromMinutes(29));
        var active = await client.GetAsync("/research");
        clock.Advance(ResearcherAuthentication.IdleLifetime + TimeSpan.FromMinutes(1));
        var idle = await client.GetAsync("/research");

        Assert.Equal("/research", active.Path);
        Assert.Equal("/account/sign-in", idle.Path);
    }

    [Fact]
    public async Task Session_Ends_TwelveHoursAfterSigningIn_HoweverActive()
    {
        using var client = Client();
        await client.SignInAsync("ana@example.org");

        var paths = new List<string>();
        for (var elapsed = TimeSpan.Zero; elapsed < ResearcherAuthentication.AbsoluteLifetime + TimeSpan.FromMinutes(40); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            paths.Add((await client.GetAsync("/research")).Path);
            if (paths[^1] != "/research")
            {
                break;
            }
        }

        Assert.Equal("/account/sign-in", paths[^1]);
        Assert.InRange(paths.Count * 20, ResearcherAuthentication.AbsoluteLifetime.TotalMinutes, ResearcherAuthentication.AbsoluteLifetime.TotalMinutes + 20);
    }
}
