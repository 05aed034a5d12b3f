using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CoproSurvey.Tests.App;

/// <summary>
/// A page as the browser got it: final address (after redirects), status and parsed document; for a client that
/// does not follow redirects also where it was sent and the cookies it was given.
/// </summary>
public sealed record HtmlPage(Uri Address, HttpStatusCode Status, IHtmlDocument Document, Uri? Location = null, IReadOnlyList<string>? SetCookies = null)
{
    public string Path => Address.AbsolutePath;

    public IHtmlFormElement Form(string handler) =>
        Document.Forms.SingleOrDefault(f => f.QuerySelector($"input[name=_handler][value='{handler}']") is not null)
        ?? throw new InvalidOperationException($"{Path} has no form '{handler}':\n{Document.Body?.TextContent}");

    public string Text => Document.Body?.TextContent ?? "";
}

/// <summary>
/// Drives the app through plain HTML forms the way a browser without JavaScript does: GET a page, read its form
/// (hidden handler name and antiforgery token included), POST the fields, follow the redirect.
/// </summary>
public sealed class HtmlFormClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public async Task<HtmlPage> GetAsync(string path) => await ReadAsync(await http.GetAsync(path));

    /// <summary>The headers every request sends, such as the browser's Accept-Language.</summary>
    public System.Net.Http.Headers.HttpRequestHeaders Headers => http.DefaultRequestHeaders;

    /// <summary>Posts the form's hidden fields plus <paramref name="fields"/> to the form's action, or to <paramref name="to"/> (a tampered post).</summary>
    public Task<HtmlPage> SubmitAsync(
        HtmlPage page, string handler, IEnumerable<KeyValuePair<string, string>> fields, bool withAntiforgery = true, string? to = null)
    {
        var form = page.Form(handler);
        var hidden = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => withAntiforgery || i.Name != "__RequestVerificationToken")
            .Select(i => KeyValuePair.Create(i.Name!, i.Value));
        // A form without an action posts to the page address, query included (the entry page reads context from it).
        var action = to ?? (form.GetAttribute("action") is { Length: > 0 } a ? a : page.Address.PathAndQuery);
        var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        return PostAsync(action, hidden.Concat(fields), multipart);
    }

    /// <summary>Posts the fields URL-encoded, or as <c>multipart/form-data</c> (what a browser sends for a form with that enctype).</summary>
    public async Task<HtmlPage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool multipart = false) =>
        await ReadAsync(await http.PostAsync(path, multipart ? Multipart(fields) : new FormUrlEncodedContent(fields)));

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    private static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new HtmlPage(response.RequestMessage!.RequestUri!, response.StatusCode, Parser.ParseDocument(html), response.Headers.Location, cookies);
    }

    public void Dispose() => http.Dispose();
}
