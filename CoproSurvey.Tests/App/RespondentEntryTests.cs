using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Core.Responses;
using Microsoft.EntityFrameworkCore;
using static CoproSurvey.Tests.App.SurveyFlowTests;

namespace CoproSurvey.Tests.App;

/// <summary>
/// What a new respondent meets over HTTP without JavaScript: the link's service unit, a second visit to the study
/// link, errors named as the fields are, exclusive options, progress, an empty resume code and HEAD requests.
/// </summary>
public sealed class RespondentEntryTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);

    [Theory]
    [InlineData("GENT.01")]
    [InlineData("GENT%0001")]
    [InlineData("GENT%0A01")]
    [InlineData("GENT 01")]
    [InlineData("U1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task EntryPage_DropsAnInvalidUnitOfTheLinkAndAsksForIt_InsteadOfAnErrorNobodyCanCorrect(string unit)
    {
        using var client = app.CreateFormClient();

        var entry = await client.GetAsync($"/s/coproduction/citizen?country=BE&field=health&unit={unit}");
        var started = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);

        Assert.Equal(HttpStatusCode.OK, entry.Status);
        Assert.Empty(entry.Document.QuerySelectorAll(".error-summary"));
        Assert.NotNull(entry.Form("consent").QuerySelector("input#unit[name=unit]"));
        Assert.Contains("Local service this questionnaire is about", entry.Document.QuerySelector("label[for=unit]")!.TextContent);
        Assert.Matches(@"^/r/[A-Za-z0-9_-]{22}/1$", started.Path);
        Assert.Null((await LoadAsync(TokenOf(started))).ServiceUnit);
    }

    [Fact]
    public async Task EntryPage_StoresTheUnitTyped_AndShowsAnErrorNextToTheFieldForAMalformedOne()
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");

        var rejected = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("unit", "BE.H.01"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        var started = await client.SubmitAsync(rejected, "consent", [KeyValuePair.Create("unit", "BE-H-01"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);

        Assert.Contains("at most 64 letters", rejected.Document.QuerySelector("#unit-error")!.TextContent);
        Assert.Equal("/s/coproduction/citizen#unit", rejected.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Contains("unit-error", rejected.Document.QuerySelector("#unit")!.GetAttribute("aria-describedby"));
        Assert.Equal("BE-H-01", (await LoadAsync(TokenOf(started))).ServiceUnit);
    }

    [Fact]
    public async Task EntryPage_KeepsAWellFormedUnitOfTheLink_WithoutAskingForIt()
    {
        using var client = app.CreateFormClient();

        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health&unit=BE-H-01");
        var started = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);

        Assert.Null(entry.Document.QuerySelector("#unit"));
        Assert.Equal("BE-H-01", (await LoadAsync(TokenOf(started))).ServiceUnit);
    }

    [Fact]
    public async Task EntryPage_NamesEachFieldAsItsLabelDoes_WhenContextMissing()
    {
        using var client = app.CreateFormClient();
        var citizen = await client.GetAsync("/s/coproduction/citizen");
        var professional = await client.GetAsync("/s/coproduction/professional");

        var citizenErrors = await client.SubmitAsync(citizen, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        var professionalErrors = await client.SubmitAsync(professional, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);

        Assert.Equal("Please choose the public service this questionnaire is about from the list.", citizenErrors.Document.QuerySelector("#field-error")!.TextContent.Replace("Error: ", ""));
        Assert.Equal("Please choose the country you live in from the list.", citizenErrors.Document.QuerySelector("#country-error")!.TextContent.Replace("Error: ", ""));
        Assert.DoesNotContain("policy field", citizenErrors.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Please choose the policy field you work in from the list.", professionalErrors.Document.QuerySelector("#field-error")!.TextContent.Replace("Error: ", ""));
        Assert.StartsWith("Error: ", citizenErrors.Document.Title);
    }

    [Fact]
    public async Task EntryPage_OffersOnlyToContinue_AndStartsNoSecondResponseFromAnOldForm_WhenAResponseIsInProgress()
    {
        using var client = app.CreateFormClient();
        var oldEntry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");
        var first = await client.SubmitAsync(oldEntry, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        var token = TokenOf(first);
        await client.SubmitAsync(first, "page", Citizen.ForPage(first));
        var before = await app.QueryAsync(db => db.Responses.CountAsync());

        var again = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");
        var fromOldTab = await client.SubmitAsync(oldEntry, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);

        Assert.DoesNotContain(again.Document.Forms, f => f.QuerySelector("input[name=_handler][value=consent]") is not null);
        Assert.Equal($"/r/{token}", again.Document.QuerySelector("a.btn-primary")!.GetAttribute("href"));
        Assert.Contains("You have already started this questionnaire", again.Text);
        Assert.EndsWith($"/r/{token}/2", fromOldTab.Path);
        Assert.Equal(before, await app.QueryAsync(db => db.Responses.CountAsync()));
    }

    [Fact]
    public async Task EntryPage_StartsANewResponseForAnotherPerson_OnlyWhenAskedTo()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var firstToken = TokenOf(first);
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");
        var anotherLink = entry.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("as another person")).GetAttribute("href")!;

        var another = await client.GetAsync(anotherLink);
        var second = await client.SubmitAsync(another, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        var afterwards = await client.GetAsync("/s/coproduction/citizen");

        Assert.Equal("/s/coproduction/citizen?country=BE&field=health&another=1", anotherLink);
        Assert.Matches(@"^/r/[A-Za-z0-9_-]{22}/1$", second.Path);
        Assert.NotEqual(firstToken, TokenOf(second));
        Assert.Equal($"/r/{TokenOf(second)}", afterwards.Document.QuerySelector("a.btn-primary")!.GetAttribute("href"));
        Assert.Null((await LoadAsync(firstToken)).CompletedAt); // the first person's answers stay, reachable with their code
    }

    [Fact]
    public async Task EntryPage_SaysTheRespondentAlreadyTookPart_WhenTheirResponseIsComplete()
    {
        using var client = app.CreateFormClient();
        var page = await StartAsync(client);
        while (!page.Path.EndsWith("/done", StringComparison.Ordinal))
        {
            page = await client.SubmitAsync(page, "page", Citizen.ForPage(page));
        }

        var entry = await client.GetAsync("/s/coproduction/citizen");

        Assert.Contains("You have already taken part", entry.Document.QuerySelector("h2#returning-title")!.TextContent);
        Assert.DoesNotContain("Continue where you left off", entry.Text);
        Assert.DoesNotContain(entry.Document.Forms, f => f.QuerySelector("input[name=_handler][value=consent]") is not null);
    }

    [Fact]
    public async Task QuestionnairePage_RefusesNoneOfTheseWithAnotherService_WithTheMessageNextToTheQuestion()
    {
        using var client = app.CreateFormClient();
        var page = await StartAsync(client);
        var fields = Citizen.ForPage(page).Where(f => f.Key != "c_use")
            .Append(KeyValuePair.Create("c_use", "health")).Append(KeyValuePair.Create("c_use", "none"));

        var rejected = await client.SubmitAsync(page, "page", fields);

        Assert.Equal(page.Path, rejected.Path);
        Assert.Contains("\"None of these\" cannot be chosen together with other options", rejected.Document.QuerySelector("#err-c_use")!.TextContent);
        Assert.Equal("true", rejected.Document.QuerySelector("#q-c_use-none")!.GetAttribute("data-exclusive"));
        Assert.Null(rejected.Document.QuerySelector("#q-c_use-health")!.GetAttribute("data-exclusive"));
        Assert.Empty((await LoadAsync(TokenOf(page))).Answers);
    }

    [Fact]
    public async Task Progress_NeverGoesBackAndIsFullOnlyOnTheThankYouPage_WhenAConditionalPageAppears()
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health");
        var page = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);
        var seen = new List<(string Text, double Percent)>();
        while (!page.Path.EndsWith("/done", StringComparison.Ordinal))
        {
            seen.Add(ProgressOn(page));
            // Only health opens the conditional care page, after the first page.
            var fields = Citizen.ForPage(page).Where(f => f.Key != "c_use").ToList();
            if (ValidAnswers.ItemCodesOn(page).Contains("c_use"))
            {
                fields.Add(KeyValuePair.Create("c_use", "health"));
            }

            page = await client.SubmitAsync(page, "page", fields);
        }

        var total = Citizen.Instrument.Sections.Count;
        Assert.Contains($"up to {total} pages", entry.Text);
        Assert.Equal($"Page 1 of {total}", seen[0].Text);
        Assert.All(seen, s => Assert.EndsWith($" of {total}", s.Text));
        Assert.Equal(seen.Select(s => s.Percent).Order(), seen.Select(s => s.Percent));
        Assert.All(seen, s => Assert.True(s.Percent < 100));
        Assert.Equal(100, ProgressOn(page).Percent);
    }

    [Fact]
    public async Task ResumePage_AsksForTheCode_WhenItIsEmpty()
    {
        using var client = app.CreateFormClient();
        var form = await client.GetAsync("/resume");

        var empty = await client.SubmitAsync(form, "resume", [KeyValuePair.Create("code", "  ")]);

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Enter your resume code", empty.Document.QuerySelector("#resume-code-error")!.TextContent);
        Assert.DoesNotContain("could not find", empty.Text);
    }

    [Fact]
    public async Task RespondentPages_AnswerHeadLikeGet_AndAHeadRecordsNoParadata()
    {
        using var client = app.CreateFormClient();
        var first = await StartAsync(client);
        var token = TokenOf(first);
        using var http = app.CreateClient(new() { AllowAutoRedirect = false });
        var shownBefore = await ShownAsync(token);

        foreach (var path in new[] { "/", "/s/coproduction/citizen", "/resume", "/withdraw", $"/r/{token}/1", $"/r/{token}", "/s/coproduction/tourist" })
        {
            using var get = await http.GetAsync(path);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal((path, get.StatusCode), (path, head.StatusCode));
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(get.Headers.Location, head.Headers.Location);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(shownBefore, await ShownAsync(token)); // page views write nothing: when a page was shown comes with its post
    }

    [Fact]
    public async Task EntryPage_OffersTheUnitsTheStudyListsForTheCountry_AndDropsAnUnlistedUnitOfTheLink()
    {
        var data = Path.Combine(Path.GetTempPath(), $"coprosurvey-units-{Guid.NewGuid():N}");
        try
        {
            CopyShippedData(data);
            var studyPath = Path.Combine(data, "studies", "coproduction.json");
            var study = JsonNode.Parse(File.ReadAllText(studyPath))!;
            study["countries"]![0]!["serviceUnits"] = JsonNode.Parse("""
                [ { "code": "BE-H-01", "label": "Ghent health centre" }, { "code": "BE-H-02", "label": "Antwerp health centre" } ]
                """);
            study["countries"]![1]!["serviceUnits"] = JsonNode.Parse("""[ { "code": "DE-H-01", "label": "Cologne health centre" } ]""");
            File.WriteAllText(studyPath, study.ToJsonString());
            using var listed = SurveyAppFactory.WithDataDirectory(data);
            using var client = listed.CreateFormClient();

            var unlisted = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health&unit=BE-H-77");
            var otherCountry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health&unit=DE-H-01");
            var known = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health&unit=BE-H-02");
            var chosen = await client.SubmitAsync(unlisted, "consent", [KeyValuePair.Create("unit", "BE-H-01"), KeyValuePair.Create("age", "yes"), KeyValuePair.Create("choice", "agree")]);

            Assert.Equal(["", "BE-H-01", "BE-H-02"], unlisted.Document.QuerySelectorAll("select#unit option").Select(o => o.GetAttribute("value")));
            Assert.NotNull(otherCountry.Document.QuerySelector("select#unit"));
            Assert.Null(known.Document.QuerySelector("#unit"));
            Assert.Matches(@"^/r/[A-Za-z0-9_-]{22}/1$", chosen.Path);
            var token = TokenOf(chosen);
            var unit = await listed.QueryAsync(async db => (await SurveyHarness.LoadAsync(db, token)).ServiceUnit);
            Assert.Equal("BE-H-01", unit);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static (string Text, double Percent) ProgressOn(HtmlPage page)
    {
        var bar = page.Document.QuerySelector(".survey-progress [role=progressbar]")!;
        return (bar.GetAttribute("aria-valuetext")!, double.Parse(bar.GetAttribute("aria-valuenow")!, CultureInfo.InvariantCulture));
    }

    private static void CopyShippedData(string target)
    {
        var shipped = CoproSurvey.App.AppServices.FindDataDirectory(AppContext.BaseDirectory);
        foreach (var file in Directory.GetFiles(shipped, "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private Task<int> ShownAsync(string token) => app.QueryAsync(async db =>
    {
        var response = await SurveyHarness.LoadAsync(db, token);
        return await db.PageEvents.CountAsync(e => e.ResponseId == response.Id && e.Kind == PageEventKind.Shown);
    });

    private Task<Response> LoadAsync(string token) => app.QueryAsync(db => SurveyHarness.LoadAsync(db, token));
}
