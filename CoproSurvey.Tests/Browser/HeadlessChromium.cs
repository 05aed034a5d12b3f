using Microsoft.Playwright;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, started as this kind of machine needs it: headless, as root without the
/// sandbox, and without the background connections that a closed network refuses.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Starts Chromium, or returns null where it is not installed (the tests are then skipped by <see cref="ChromiumFactAttribute"/>).</summary>
    public static async Task<HeadlessChromium?> LaunchIfInstalledAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            return null;
        }

        // Assertions wait as long as actions (Playwright's default is 5 s), whichever test class starts first: on a
        // machine whose cores the other tests share, a dashboard parsing plotly.js (4.8 MB) takes longer than that.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = Arguments,
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>
    /// A page in a fresh context (own cookies) with the given viewport in CSS pixels, waiting up to 30 s for an element
    /// and up to 60 s for a page to load (a form post and its redirect on a machine whose cores are taken by the other
    /// tests), with a <see cref="PageJournal"/> of its loads. A <paramref name="deviceScaleFactor"/> of 2 on half the
    /// window's size is how the browser lays out a page zoomed to 200%.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, float deviceScaleFactor = 1)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, DeviceScaleFactor = deviceScaleFactor });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.SetDefaultNavigationTimeout(60_000);
        PageJournal.Attach(page);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
