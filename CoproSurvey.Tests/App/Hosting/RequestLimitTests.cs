using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using CoproSurvey.App.Hosting;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Browser;
using CoproSurvey.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary>Request bodies over the cap are refused before they are read; real pages stay well under it.</summary>
public sealed class RequestLimitTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private const long TwentyEightMegabytes = 28L * 1024 * 1024;

    [Theory]
    [InlineData("/s/coproduction/citizen")]
    [InlineData("/resume")]
    [InlineData("/research/studies/coproduction")]
    public async Task OversizedPost_IsRefusedWith413_OnAnyEndpoint(string path)
    {
        using var http = app.CreateClient();
        var body = new GeneratedForm(TwentyEightMegabytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than any page of this site accepts", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/s/coproduction/citizen?lang=nl", null, "nl", "Te veel tegelijk verstuurd", "Ga terug en probeer het opnieuw met een korter antwoord.")]
    [InlineData("/s/coproduction/professional", "de", "de", "Zu viel auf einmal gesendet", "mit einer kürzeren Antwort erneut")]
    [InlineData("/resume", "fr-BE, nl;q=0.5", "fr", "Trop d'éléments envoyés à la fois", "avec une réponse plus courte")]
    [InlineData("/r/ZZZZZZZZZZZZZZZZZZZZZZ/1?lang=et", null, "et", "Korraga saadeti liiga palju", "lühema vastusega")]
    [InlineData("/account/sign-in", "de", "en", "Too much sent at once", "try again with a shorter answer")]
    public async Task OversizedPost_Answers413InTheRespondentsLanguage_FromTheLinkElseTheBrowser(
        string path, string? acceptLanguage, string language, string title, string sentence)
    {
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new GeneratedForm(TwentyEightMegabytes) };
        request.Headers.Accept.ParseAdd("text/html");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal((language, "ltr"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(sentence, page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Theory]
    [InlineData("/s/coproduction/citizen")]
    [InlineData("/resume")]
    [InlineData("/account/sign-in")]
    public async Task UrlEncodedPostWithANulCharacter_GetsAStyled400_NotAnErrorPage(string path)
    {
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent("_handler=consent&choice=agree&country=B%00E", Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("could not be read", html);
        Assert.Contains("/app.css", html);
    }

    [Fact]
    public async Task PostJustUnderTheCap_IsNotRefusedAsTooLarge()
    {
        using var http = app.CreateClient();

        using var response = await http.PostAsync("/resume", new GeneratedForm(RequestLimits.MaxBodyBytes));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task QuestionnairePagePost_IsStoredAsBefore_UnderTheLimits()
    {
        var citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen");
        var first = await client.SubmitAsync(entry, "consent",
            [KeyValuePair.Create("country", "BE"), KeyValuePair.Create("field", "public-safety"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        Assert.EndsWith("/1", first.Path);

        var second = await client.SubmitAsync(first, "page", citizen.ForPage(first));

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.EndsWith("/2", second.Path);
    }

    [Fact]
    public void BodyCapFor_IsTheSiteCap_UnlessTheEndpointDeclaresItsOwn()
    {
        var page = new DefaultHttpContext();
        page.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(), "page"));
        var upload = new DefaultHttpContext();
        upload.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new RequestSizeLimitAttribute(10_000_000)), "import"));

        Assert.Equal(RequestLimits.MaxBodyBytes, RequestLimits.BodyCapFor(page));
        Assert.Equal(RequestLimits.MaxBodyBytes, RequestLimits.BodyCapFor(new DefaultHttpContext()));
        Assert.Equal(10_000_000, RequestLimits.BodyCapFor(upload));
    }

    [Fact]
    public void FormLimits_HoldTheLongestAnswerOfTheShippedInstruments_FullyPercentEncoded()
    {
        var longest = new[] { Audience.Citizen, Audience.Professional }
            .SelectMany(a => ValidAnswers.ForShippedInstrument(a).Instrument.Sections.SelectMany(s => s.Questions))
            .Max(q => q.MaxLength ?? 0);

        // Four UTF-8 bytes a character, three characters each when percent-encoded.
        Assert.InRange(longest * 4 * 3, 1, RequestLimits.MaxFormValueLength);
    }

    /// <summary>The attack on the running server: twenty concurrent 28 MB form posts (measured: under 1 MB of growth).</summary>
    [Fact]
    public async Task OversizedPosts_DoNotGrowTheServersMemory_WhenTwentyArriveAtOnce()
    {
        using var database = SqliteDatabase.InTempFolder();
        var baseUrl = AppProcess.FreeLocalUrl();
        await using var server = await AppProcess.StartAsync(baseUrl, database.ConnectionString);
        var address = new Uri(baseUrl);
        await PostAllAsync(address, 4); // the refusal path compiled and warm
        var before = server.WorkingSet;

        var peak = before;
        var attack = PostAllAsync(address, 20);
        while (!attack.IsCompleted)
        {
            peak = Math.Max(peak, server.WorkingSet);
            await Task.Delay(20);
        }

        var statuses = await attack;
        peak = Math.Max(peak, server.WorkingSet);
        Assert.All(statuses, s => Assert.Equal(413, s));
        Assert.True(peak - before < 16 * 1024 * 1024, $"working set grew from {before / 1048576} MB to {peak / 1048576} MB");
    }

    private static Task<int[]> PostAllAsync(Uri server, int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => PostOversizedAsync(server)));

    /// <summary>
    /// A 28 MB form post on its own connection, the body sent while the status line is awaited (an HTTP client
    /// gives up on a connection the server closes mid-body; a browser, like this, shows the answer).
    /// </summary>
    private static async Task<int> PostOversizedAsync(Uri server)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = $"POST /s/coproduction/citizen HTTP/1.1\r\nHost: {server.Authority}\r\nAccept: text/html\r\n" +
            $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {TwentyEightMegabytes}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var sending = Task.Run(async () =>
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            try
            {
                for (long sent = 0; sent < TwentyEightMegabytes; sent += chunk.Length)
                {
                    await stream.WriteAsync(chunk);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The server closed the connection after answering: the rest of the body is never taken.
            }
        });
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var statusLine = await reader.ReadLineAsync() ?? "";
        tcp.Close();
        await sending;
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A url-encoded form of the given declared length, produced as it is sent (never held in memory).</summary>
    private sealed class GeneratedForm : HttpContent
    {
        private static readonly byte[] Chunk = "a=".Select(c => (byte)c).Concat(Enumerable.Repeat((byte)'x', 64 * 1024 - 2)).ToArray();
        private readonly long length;

        public GeneratedForm(long length)
        {
            this.length = length;
            Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (long produced = 0; produced < length; produced += Chunk.Length)
            {
                await stream.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(Chunk.Length, length - produced)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = this.length;
            return true;
        }
    }
}
