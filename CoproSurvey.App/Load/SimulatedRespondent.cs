using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoproSurvey.App.Components.Pages.Survey;
using CoproSurvey.App.Hosting;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.App.Load;

/// <summary>A page that is not what a respondent's browser would get at that point.</summary>
internal sealed class UnexpectedPageException(string kind) : Exception(kind);

/// <summary>
/// One simulated respondent: starts a questionnaire from an invitation link, answers page after page, and starts
/// another once done. After a failed request it asks the platform where to continue (<c>/r/{token}</c>) and checks
/// that this is where its last acknowledged post left it.
/// </summary>
internal sealed class SimulatedRespondent : IDisposable
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);
    private readonly LoadSettings settings;
    private readonly LoadStats stats;
    private readonly PagePostLog? log;
    private readonly Random random;
    private readonly Audience audience;
    private readonly Instrument instrument;
    private readonly Dictionary<string, Question> questions;
    private readonly HttpClient http;
    private readonly HtmlParser parser = new();

    private string? token;
    private string? next;
    private bool postUnderWay;
    private bool mustResume;

    public SimulatedRespondent(int index, LoadSettings settings, LoadStats stats, PagePostLog? log, Random random)
    {
        (this.settings, this.stats, this.log, this.random) = (settings, stats, log, random);
        var audiences = settings.Instruments.Keys.Order().ToList();
        audience = audiences[index % audiences.Count];
        instrument = settings.Instruments[audience];
        questions = instrument.Items.ToDictionary(i => i.Code, i => i.Question, StringComparer.Ordinal);
        http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = settings.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public async Task RunAsync(CancellationToken stopping, CancellationToken hard)
    {
        try
        {
            // Spread the arrivals over one think time, as invitations are not all opened in the same second.
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * settings.Think.TotalMilliseconds), stopping);
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await StepAsync(stopping, hard);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested && Kind(ex) is { } kind)
                {
                    stats.Error(kind);
                    mustResume = token is not null;
                    await Task.Delay(RetryPause, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (Kind(ex) is { } kind)
        {
            // A request still under way when the run ended that failed or was abandoned.
            stats.Error(kind);
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose() => http.Dispose();

    private async Task StepAsync(CancellationToken stopping, CancellationToken hard)
    {
        if (settings.Ceiling)
        {
            await CeilingPostAsync(stopping, hard);
            return;
        }

        if (token is null)
        {
            await StartAsync(stopping, hard);
            return;
        }

        if (mustResume)
        {
            await ResumeAsync(hard);
            return;
        }

        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(next, hard);
        var html = await Expect(response, HttpStatusCode.OK, hard);
        stats.Viewed(clock.Elapsed);
        if (next!.EndsWith("/done", StringComparison.Ordinal))
        {
            stats.Completed();
            (token, next, finishedOne) = (null, null, true);
            return;
        }

        var page = int.Parse(next[(next.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var form = FindForm(html, "page");
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var code in ItemCodes(form))
        {
            if (!questions.TryGetValue(code, out var question))
            {
                throw new UnexpectedPageException($"page with field '{code}' not in instrument {instrument.Key}");
            }

            var values = AnswerDraw.For(question, code, random);
            if (values.Count > 0)
            {
                answers[code] = values;
            }
        }

        await ThinkAsync(stopping);
        postUnderWay = true;
        clock.Restart();
        using var posted = await http.PostAsync(next, Multipart(Hidden(form).Concat(answers.SelectMany(a => a.Value.Select(v => KeyValuePair.Create(a.Key, v))))), hard);
        var location = await ExpectRedirect(posted, hard);
        stats.Posted(clock.Elapsed);
        postUnderWay = false;
        next = location;
        if (log is not null)
        {
            await log.WriteAsync(new AcknowledgedPagePost(token, SurveyPaths.Segment(audience), page, answers, location, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>One post to the write-ceiling endpoint, timed and counted like a page post.</summary>
    private async Task CeilingPostAsync(CancellationToken stopping, CancellationToken hard)
    {
        await ThinkAsync(stopping);
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(WriteCeiling.Path, null, hard);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new UnexpectedPageException($"HTTP {(int)response.StatusCode} for the write ceiling (Development only)");
        }

        stats.Posted(clock.Elapsed);
    }

    /// <summary>Whether this client finished a questionnaire: its cookie then names a completed response.</summary>
    private bool finishedOne;

    private async Task StartAsync(CancellationToken stopping, CancellationToken hard)
    {
        var link = SurveyPaths.Entry(settings.StudyKey, audience)
            + $"?country={Uri.EscapeDataString(Pick(settings.Countries))}&field={Uri.EscapeDataString(Pick(settings.PolicyFields))}"
            // The next respondent on this client after one who finished: the study link then offers a new response
            // (another=1), as it does to the next person on a shared device.
            + (finishedOne ? "&another=1" : "");
        var clock = Stopwatch.StartNew();
        using var entry = await http.GetAsync(link, hard);
        var html = await Expect(entry, HttpStatusCode.OK, hard);
        stats.Viewed(clock.Elapsed);
        var form = FindForm(html, "consent");
        await ThinkAsync(stopping);
        using var started = await http.PostAsync(link, Multipart(Hidden(form).Append(KeyValuePair.Create("age", "yes")).Append(KeyValuePair.Create("choice", "agree"))), hard);
        var location = await ExpectRedirect(started, hard);
        var segments = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["r", var issued, "1"])
        {
            throw new UnexpectedPageException("start not sent to page 1");
        }

        (token, next) = (Uri.UnescapeDataString(issued), location);
    }

    /// <summary>Back after an error: the platform says where to continue, which must be where the last acknowledged post left off.</summary>
    private async Task ResumeAsync(CancellationToken hard)
    {
        using var response = await http.GetAsync(SurveyPaths.Response(token!), hard);
        var location = await ExpectRedirect(response, hard);
        var asExpected = location == next || (postUnderWay && IsFurther(location, next!));
        stats.Resumed(asExpected);
        (next, mustResume, postUnderWay) = (location, false, false);
    }

    // A post under way at the error may have been stored without its acknowledgement arriving.
    private static bool IsFurther(string location, string expected) =>
        location.EndsWith("/done", StringComparison.Ordinal)
        || (PageNumber(location) is { } at && PageNumber(expected) is { } was && at > was);

    private static int? PageNumber(string path) =>
        int.TryParse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private Task ThinkAsync(CancellationToken stopping) =>
        settings.Think <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(settings.Think * (0.5 + random.NextDouble()), stopping);

    private string Pick(IReadOnlyList<string> values) => values.Count == 0 ? "" : values[random.Next(values.Count)];

    private IHtmlFormElement FindForm(string html, string handler)
    {
        var document = parser.ParseDocument(html);
        return document.Forms.FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{handler}']") is not null)
            ?? throw new UnexpectedPageException($"page without the '{handler}' form");
    }

    private static IEnumerable<KeyValuePair<string, string>> Hidden(IHtmlFormElement form) =>
        form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value));

    private static IEnumerable<string> ItemCodes(IHtmlFormElement form) =>
        form.QuerySelectorAll("input:not([type=hidden]), textarea, select")
            .Select(e => e.GetAttribute("name"))
            .OfType<string>()
            .Where(n => n.Length > 0 && !n.StartsWith('_'))
            .Distinct(StringComparer.Ordinal);

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    private static async Task<string> Expect(HttpResponseMessage response, HttpStatusCode status, CancellationToken ct)
    {
        if (response.StatusCode != status)
        {
            throw new UnexpectedPageException($"HTTP {(int)response.StatusCode} for a page");
        }

        return await response.Content.ReadAsStringAsync(ct);
    }

    private static async Task<string> ExpectRedirect(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther
            && response.Headers.Location is { } location)
        {
            return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        }

        // A form shown again (HTTP 200) means the post was refused: answers judged invalid or an expired token.
        await response.Content.ReadAsStringAsync(ct);
        throw new UnexpectedPageException(response.StatusCode == HttpStatusCode.OK
            ? "post refused (form shown again)"
            : $"HTTP {(int)response.StatusCode} for a post");
    }

    private static string? Kind(Exception ex) => ex switch
    {
        UnexpectedPageException u => u.Message,
        HttpRequestException { InnerException: System.Net.Sockets.SocketException s } => $"no connection ({s.SocketErrorCode})",
        HttpRequestException => "connection lost",
        TaskCanceledException or OperationCanceledException => "timeout or abandoned at the end",
        _ => null,
    };
}
