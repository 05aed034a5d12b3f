using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// One app process on its own database and one Chromium, shared by the tests of a class: each test opens pages in
/// contexts of its own (own cookies), so they do not see each other's responses. The per-client limits on starting
/// a questionnaire and on resume codes are raised, since every test of the class comes from the same address.
/// </summary>
public sealed class RespondentBrowserFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimits:respondent-start:PermitLimit"] = "10000",
        ["RateLimits:resume-code:PermitLimit"] = "10000",
        ["RateLimits:resume-code:GlobalPermitLimit"] = "10000",
    };

    private HeadlessChromium? chromium;
    private AppProcess? app;

    public SqliteDatabase Database { get; } = SqliteDatabase.InTempFolder();

    public string BaseUrl { get; } = AppProcess.FreeLocalUrl();

    /// <summary>The browser; only used by <see cref="ChromiumFactAttribute"/> tests, which do not run where it is missing.</summary>
    public HeadlessChromium Chromium => chromium ?? throw new InvalidOperationException($"Chromium is not installed at {ChromiumFactAttribute.ChromiumPath}.");

    public async Task InitializeAsync()
    {
        chromium = await HeadlessChromium.LaunchIfInstalledAsync();
        if (chromium is not null)
        {
            app = await AppProcess.StartAsync(BaseUrl, Database.ConnectionString, settings: Settings);
        }
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        Database.Dispose();
    }
}
