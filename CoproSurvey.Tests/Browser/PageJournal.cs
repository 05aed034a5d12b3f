using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// What a page's main frame loaded (method, address, status) and which of its requests failed, kept so that a wait for
/// the next page that times out says where the browser is and how it got there instead of only "timeout".
/// </summary>
internal sealed class PageJournal
{
    private const int Kept = 12;
    private static readonly ConditionalWeakTable<IPage, PageJournal> Journals = [];
    private readonly Queue<string> entries = new();

    /// <summary>Starts keeping the journal of <paramref name="page"/>.</summary>
    public static void Attach(IPage page)
    {
        var journal = Journals.GetValue(page, _ => new PageJournal());
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                journal.Add($"{response.Request.Method} {PathOf(response.Url)} {response.Status}");
            }
        };
        page.RequestFailed += (_, request) => journal.Add($"{request.Method} {PathOf(request.Url)} failed: {request.Failure}");
        page.Crash += (_, _) => journal.Add("the page crashed");
    }

    /// <summary>
    /// Waits until the page's address matches <paramref name="address"/> and the page has loaded; on a timeout, fails
    /// naming the address, heading and error summary the page shows, and its latest loads.
    /// </summary>
    public static Task WaitForAddressAsync(IPage page, Regex address) =>
        WaitAsync(page, () => page.WaitForURLAsync(address), $"an address matching {address}");

    /// <summary>Waits until the page has left <paramref name="before"/> for another address and loaded it.</summary>
    public static Task WaitToLeaveAsync(IPage page, string before) =>
        WaitAsync(page, () => page.WaitForURLAsync(url => url != before), $"an address other than {PathOf(before)}");

    private static async Task WaitAsync(IPage page, Func<Task> wait, string expected)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"Waited for {expected}. {await DescribeAsync(page)}", timeout);
        }
    }

    private static async Task<string> DescribeAsync(IPage page)
    {
        string shown;
        try
        {
            shown = await page.EvaluateAsync<string>(
                "() => `heading '${document.querySelector('h1')?.textContent.trim() ?? ''}', error summary '${document.querySelector('.error-summary')?.textContent.replace(/\\s+/g, ' ').trim() ?? ''}', ready state ${document.readyState}`",
                null);
        }
        catch (PlaywrightException e)
        {
            shown = $"its content could not be read ({e.Message.Split('\n')[0]})";
        }

        var loads = Journals.TryGetValue(page, out var journal) ? journal.Latest() : "not kept";
        return $"The page is at {PathOf(page.Url)}: {shown}. Its latest loads: {loads}.";
    }

    private static string PathOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;

    private void Add(string entry)
    {
        lock (entries)
        {
            entries.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {entry}");
            while (entries.Count > Kept)
            {
                entries.Dequeue();
            }
        }
    }

    private string Latest()
    {
        lock (entries)
        {
            return entries.Count == 0 ? "none" : string.Join("; ", entries);
        }
    }
}
