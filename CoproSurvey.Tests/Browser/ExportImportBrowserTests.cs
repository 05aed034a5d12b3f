using System.IO.Compression;
using System.Text.RegularExpressions;
using CoproSurvey.Tests.Support;
using Microsoft.Playwright;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// An analyst exports the demo study from its export page (progress, then a download) and imports it into a second
/// study installation from the import page: first a broken file, whose problems are listed and nothing imported, then
/// the bundle's data.csv.
/// </summary>
public sealed partial class ExportImportBrowserTests : IAsyncLifetime
{
    private const string Password = "lantern otter cobblestone";
    private readonly SqliteDatabase source = SqliteDatabase.InTempFolder();
    private readonly SqliteDatabase target = SqliteDatabase.InTempFolder();
    private readonly string folder = Directory.CreateTempSubdirectory("coprosurvey-export-browser-").FullName;
    private HeadlessChromium? chromium;

    [ChromiumFact]
    public async Task Analyst_ExportsABundle_AndImportsItsDataElsewhere_AfterABrokenFileImportsNothing()
    {
        var sourceUrl = AppProcess.FreeLocalUrl();
        await PrepareAsync(source, sourceUrl, seed: true);
        string dataCsv;
        await using (var app = await AppProcess.StartAsync(sourceUrl, source.ConnectionString))
        {
            var page = await SignInAsync(sourceUrl);
            await page.GotoAsync($"{sourceUrl}/research/studies/coproduction/export");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Prepare the export" })).ToBeEnabledAsync();
            await page.GetByLabel("Also partial responses").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Prepare the export" }).ClickAsync();
            var link = page.GetByRole(AriaRole.Link, new() { NameRegex = DownloadName() });
            await Expect(link).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(page.Locator("main")).ToContainTextAsync("40 responses");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "coprosurvey-research-export.png"), FullPage = true });
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            var zipPath = Path.Combine(folder, download.SuggestedFilename);
            await download.SaveAsAsync(zipPath);
            using var zip = ZipFile.OpenRead(zipPath);
            Assert.Contains(zip.Entries, e => e.Name == "manifest.json");
            using var reader = new StreamReader(zip.GetEntry("data.csv")!.Open());
            dataCsv = await reader.ReadToEndAsync();
            await using var db = source.CreateContext();
            var audit = Assert.Single(db.AuditEvents.Where(e => e.Action == "export"));
            Assert.Equal("ana@example.org", audit.Actor);
        }

        var targetUrl = AppProcess.FreeLocalUrl();
        await PrepareAsync(target, targetUrl, seed: false);
        await using (var app = await AppProcess.StartAsync(targetUrl, target.ConnectionString))
        {
            var page = await SignInAsync(targetUrl);
            await page.GotoAsync($"{targetUrl}/research/studies/coproduction/import");
            var input = page.GetByLabel(new Regex("CSV file"));
            await Expect(input).ToBeEnabledAsync();
            // The file input is enabled by the circuit's first render, and only listens for a chosen file once Blazor's
            // InputFile script has attached to it just after; a file set in between would go unnoticed.
            await page.WaitForFunctionAsync("() => document.getElementById('import-file')?._blazorInputFileNextFileId !== undefined");
            var lines = dataCsv.Split('\n');
            var broken = Path.Combine(folder, "broken.csv");
            await File.WriteAllTextAsync(broken, lines[0] + "\n" + lines[1].Replace(",citizen,", ",citizens,", StringComparison.Ordinal) + "\n");
            await input.SetInputFilesAsync(broken);
            await Expect(page.Locator("[role=alert]")).ToContainTextAsync("Nothing was imported from broken.csv", new() { Timeout = 60_000 });
            await Expect(page.Locator("main table")).ToContainTextAsync("'citizens' is not an audience");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "coprosurvey-research-import-problems.png"), FullPage = true });

            var data = Path.Combine(folder, "data.csv");
            await File.WriteAllTextAsync(data, dataCsv);
            await input.SetInputFilesAsync(data);
            await Expect(page.Locator("[role=status]").Last).ToContainTextAsync("40 responses imported", new() { Timeout = 60_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "coprosurvey-research-import.png"), FullPage = true });
        }
    }

    public async Task InitializeAsync() => chromium = await HeadlessChromium.LaunchIfInstalledAsync();

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        source.Dispose();
        target.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Migrates the database (with the demo study), optionally seeds it, and sets up an analyst with <see cref="Password"/>.</summary>
    private async Task PrepareAsync(SqliteDatabase database, string baseUrl, bool seed)
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__CoproSurvey"] = database.ConnectionString, ["CoproSurvey__PublicUrl"] = baseUrl };
        var (migrated, migrateOutput) = await AppProcess.RunVerbAsync(environment, "migrate");
        Assert.True(migrated == 0, migrateOutput);
        if (seed)
        {
            var (seeded, seedOutput) = await AppProcess.RunVerbAsync(environment, "seed-demo", "--responses", "40");
            Assert.True(seeded == 0, seedOutput);
        }

        var (added, output) = await AppProcess.RunVerbAsync(
            environment, "researcher", "add", "--email", "ana@example.org", "--role", "researcher", "--study", "coproduction", "--study-role", "analyst");
        Assert.True(added == 0, output);
        setupLinks[baseUrl] = SetupLink().Match(output).Value;
    }

    private readonly Dictionary<string, string> setupLinks = [];

    private async Task<IPage> SignInAsync(string baseUrl)
    {
        var page = await chromium!.NewPageAsync();
        await page.GotoAsync(setupLinks[baseUrl]);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("New password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.GetByLabel("E-mail address").FillAsync("ana@example.org");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/research$"));
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    [GeneratedRegex(@"http://\S+/account/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();

    [GeneratedRegex("^Download coprosurvey-coproduction-.*\\.zip$")]
    private static partial Regex DownloadName();
}
