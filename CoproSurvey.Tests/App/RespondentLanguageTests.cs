using System.Net;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Core.Responses;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoproSurvey.Tests.App.SurveyFlowTests;

namespace CoproSurvey.Tests.App;

/// <summary>
/// The respondent's language over HTTP without JavaScript: from the link, else the browser's Accept-Language among
/// the study's languages, else the source; a switcher that keeps the saved answers; and what the response records.
/// </summary>
public sealed class RespondentLanguageTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    private static readonly ValidAnswers Citizen = ValidAnswers.ForShippedInstrument(Audience.Citizen);

    [Fact]
    public async Task EntryPage_IsInTheLanguageOfTheLink_WhenTheStudyOffersIt()
    {
        using var client = app.CreateFormClient();
        client.Headers.AcceptLanguage.ParseAdd("de");

        var entry = await client.GetAsync("/s/coproduction/citizen?lang=nl");

        Assert.Equal(HttpStatusCode.OK, entry.Status);
        Assert.Equal(("nl", "ltr"), (entry.Document.DocumentElement.GetAttribute("lang"), entry.Document.DocumentElement.GetAttribute("dir")));
        Assert.Equal("Burgers en openbare diensten", entry.Document.QuerySelector("#about-title")!.TextContent);
        Assert.Equal("Ik ga akkoord, begin", entry.Document.QuerySelector("button[value=agree]")!.TextContent);
        Assert.Equal("Land waar u woont", entry.Document.QuerySelector("label[for=country]")!.FirstChild!.TextContent.Trim());
    }

    [Theory]
    [InlineData("nl", "Coproductie van openbare diensten in Europa", "Hoe burgers en professionals")]
    [InlineData("fr", "La coproduction des services publics en Europe", "Comment les citoyens")]
    [InlineData("de", "Koproduktion öffentlicher Dienste in Europa", "Wie Bürgerinnen und Bürger")]
    [InlineData("et", "Avalike teenuste koosloome Euroopas", "Kuidas kodanikud")]
    [InlineData("en", "Coproduction of public services in Europe", "How citizens")]
    public async Task EntryPage_GivesTheStudysTitleAndDescription_InThePagesLanguage(string language, string title, string description)
    {
        using var client = app.CreateFormClient();

        var entry = await client.GetAsync($"/s/coproduction/citizen?lang={language}");

        Assert.Equal(title, entry.Document.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(description, entry.Document.QuerySelector("p.study-description")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "België", "Gezondheid", "Dit onderzoek vergelijkt")]
    [InlineData("fr", "Belgique", "Santé", "Cette étude compare")]
    [InlineData("de", "Belgien", "Gesundheit", "Diese Studie vergleicht")]
    [InlineData("et", "Belgia", "Tervishoid", "See uuring võrdleb")]
    [InlineData("en", "Belgium", "Health", "This study compares")]
    public async Task EntryPage_NamesTheStudysCountriesAndFields_AndGivesItsConsentText_InThePagesLanguage(
        string language, string belgium, string health, string purpose)
    {
        using var client = app.CreateFormClient();

        var entry = await client.GetAsync($"/s/coproduction/citizen?lang={language}");

        Assert.Equal(belgium, entry.Document.QuerySelector("#country option[value=BE]")!.TextContent);
        Assert.Equal(health, entry.Document.QuerySelector("#field option[value=health]")!.TextContent);
        Assert.StartsWith(purpose, entry.Document.QuerySelector("section.consent > p")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es, de;q=0.8, en;q=0.5", "de", "Bürgerinnen und Bürger und öffentliche Dienste")]
    [InlineData("fr-BE", "fr", "Les citoyens et les services publics")]
    [InlineData("et-EE,et;q=0.9", "et", "Kodanikud ja avalikud teenused")]
    [InlineData("es, it", "en", "Citizens and public services")]
    public async Task EntryPage_FollowsAcceptLanguageAmongTheStudysLanguages_ElseTheSource(string acceptLanguage, string expected, string title)
    {
        using var client = app.CreateFormClient();
        client.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var entry = await client.GetAsync("/s/coproduction/citizen");

        Assert.Equal(expected, entry.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, entry.Document.QuerySelector("#about-title")!.TextContent);
    }

    [Fact]
    public async Task EntryPage_IsInTheSourceLanguage_WhenTheLinkAsksForOneTheStudyDoesNotOffer()
    {
        using var client = app.CreateFormClient();

        var entry = await client.GetAsync("/s/coproduction/citizen?lang=es");

        Assert.Equal("en", entry.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Citizens and public services", entry.Document.QuerySelector("#about-title")!.TextContent);
    }

    [Fact]
    public async Task EveryRespondentPage_OffersEveryLanguageOfTheStudy_AsPlainLinksNamedInTheirOwnLanguage()
    {
        using var client = app.CreateFormClient();

        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&lang=fr");
        var resume = await client.GetAsync("/resume?lang=et");

        var links = entry.Document.QuerySelectorAll("nav.language-switcher a").Select(a => (a.GetAttribute("hreflang"), a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [
                ("en", "English", "/s/coproduction/citizen?country=BE&lang=en"),
                ("nl", "Nederlands", "/s/coproduction/citizen?country=BE&lang=nl"),
                ("de", "Deutsch", "/s/coproduction/citizen?country=BE&lang=de"),
                ("et", "Eesti", "/s/coproduction/citizen?country=BE&lang=et"),
            ],
            links);
        Assert.Equal("Français", entry.Document.QuerySelector("nav.language-switcher [aria-current=true]")!.TextContent);
        Assert.Equal("et", resume.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Jätka küsimustikku", resume.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Response_StoresTheLanguageAndTranslationHash_AndTheSwitcherKeepsTheSavedAnswers()
    {
        using var client = app.CreateFormClient();
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health&lang=fr");
        var first = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("choice", "agree"), KeyValuePair.Create("age", "yes")]);
        var token = TokenOf(first);
        var started = await LoadAsync(token);
        var second = await client.SubmitAsync(first, "page", Citizen.ForPage(first));
        var answered = (await LoadAsync(token)).Answers.Count;

        var switched = await client.GetAsync(second.Document.QuerySelector("nav.language-switcher a[hreflang=de]")!.GetAttribute("href")!);
        var back = await client.GetAsync($"/r/{token}/1");
        var after = await LoadAsync(token);

        Assert.Equal(("fr", await CurrentTranslationAsync("fr")), (started.Language, started.TranslationSha256));
        Assert.Equal("Contributions au quotidien : sécurité et environnement", second.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal($"/r/{token}/2", switched.Path);
        Assert.Equal("", switched.Address.Query);
        Assert.Equal("de", switched.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Beiträge im Alltag: Sicherheit und Umwelt", switched.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Weiter", switched.Document.QuerySelector("form.questionnaire-page button[type=submit]")!.TextContent);
        Assert.Equal(("de", await CurrentTranslationAsync("de")), (after.Language, after.TranslationSha256));
        Assert.Equal(answered, after.Answers.Count);
        Assert.Equal(started.InstrumentSha256, after.InstrumentSha256);
        Assert.Equal("Sie und die Dienste vor Ort", back.Document.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(back.Document.QuerySelectorAll("form.questionnaire-page input[type=checkbox][checked]"));
    }

    [Fact]
    public async Task Response_InTheSourceLanguage_RecordsNoTranslation_AndErrorsComeInTheRespondentsLanguage()
    {
        using var client = app.CreateFormClient();
        var english = await client.SubmitAsync(await client.GetAsync("/s/coproduction/citizen?country=BE&field=health"), "consent", [KeyValuePair.Create("choice", "agree"), KeyValuePair.Create("age", "yes")]);
        using var dutchClient = app.CreateFormClient();
        var dutch = await dutchClient.SubmitAsync(await dutchClient.GetAsync("/s/coproduction/citizen?country=BE&field=health&lang=nl"), "consent", [KeyValuePair.Create("choice", "agree"), KeyValuePair.Create("age", "yes")]);

        var rejected = await dutchClient.SubmitAsync(dutch, "page", []);

        var response = await LoadAsync(TokenOf(english));
        Assert.Equal(("en", null), (response.Language, response.TranslationSha256));
        Assert.Equal("Er is een probleem", rejected.Document.QuerySelector("#error-summary-title")!.TextContent);
        Assert.Contains("Beantwoord deze vraag.", rejected.Document.QuerySelector($"#{CoproSurvey.App.Components.Survey.SurveyIds.Error("c_sat")}")!.TextContent);
        Assert.StartsWith("Fout: ", rejected.Document.Title);
    }

    [Fact]
    public async Task RightToLeftLanguage_RendersRightToLeft_WithTheTranslatedTexts()
    {
        using var rtl = SurveyAppFactory.WithDataDirectory(Path.Combine(RepositoryPaths.Root, "CoproSurvey.Tests", "TestData", "Languages"));
        using var client = rtl.CreateFormClient();

        var entry = await client.GetAsync("/s/rtl-check/citizen?lang=he&country=IL&field=health");
        var page = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("choice", "agree"), KeyValuePair.Create("age", "yes")]);
        var english = await client.GetAsync("/s/rtl-check/citizen?lang=en");

        Assert.Equal(("he", "rtl"), (entry.Document.DocumentElement.GetAttribute("lang"), entry.Document.DocumentElement.GetAttribute("dir")));
        Assert.Equal("שאלון קצר", entry.Document.QuerySelector("#about-title")!.TextContent);
        Assert.Equal("rtl", page.Document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("שירותי הבריאות שלך", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("מרוצה", page.Text);
        Assert.Equal("ltr", english.Document.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task RightToLeftLanguage_GivesThePlatformsOwnTextsInHebrew_WithBootstrapsRightToLeftStyles()
    {
        using var rtl = SurveyAppFactory.WithDataDirectory(Path.Combine(RepositoryPaths.Root, "CoproSurvey.Tests", "TestData", "Languages"));
        using var client = rtl.CreateFormClient();

        var entry = await client.GetAsync("/s/rtl-check/citizen?lang=he&country=IL&field=health");
        var page = await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("choice", "agree"), KeyValuePair.Create("age", "yes")]);
        var rejected = await client.SubmitAsync(page, "page", []);

        Assert.Equal(("he", "rtl"), (entry.Document.DocumentElement.GetAttribute("lang"), entry.Document.DocumentElement.GetAttribute("dir")));
        Assert.Equal("אני מסכים/ה, להתחיל", entry.Document.QuerySelector("button[value=agree]")!.TextContent);
        Assert.Equal("אני לא רוצה להשתתף", entry.Document.QuerySelector("button[value=decline]")!.TextContent);
        Assert.Contains("בשאלון יש עמוד אחד.", entry.Text);
        Assert.Equal("מידע והסכמה", entry.Document.QuerySelector("#consent-title")!.TextContent);
        Assert.NotNull(entry.Document.QuerySelector("link[rel=stylesheet][href*='bootstrap.rtl']"));
        Assert.Equal(("he", "rtl"), (page.Document.DocumentElement.GetAttribute("lang"), page.Document.DocumentElement.GetAttribute("dir")));
        Assert.Equal("סיום", page.Document.QuerySelector("form.questionnaire-page button[type=submit]")!.TextContent);
        Assert.Contains("קוד ההמשך שלך:", page.Text);
        Assert.Equal("יש בעיה", rejected.Document.QuerySelector("#error-summary-title")!.TextContent);
        Assert.StartsWith("שגיאה: ", rejected.Document.Title);
    }

    [Fact]
    public async Task RefusedPost_InARightToLeftLanguage_IsAStaticPageRightToLeft()
    {
        using var rtl = SurveyAppFactory.WithDataDirectory(Path.Combine(RepositoryPaths.Root, "CoproSurvey.Tests", "TestData", "Languages"));
        using var http = rtl.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/s/rtl-check/citizen")
        {
            Content = new ByteArrayContent(new byte[300 * 1024]) { Headers = { ContentType = new("application/x-www-form-urlencoded") } },
        };
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd("he-IL");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(("he", "rtl"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal("נשלח יותר מדי בבת אחת", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("link[href='/lib/bootstrap/dist/css/bootstrap.rtl.min.css']"));
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task StudyLink_OpenedAgain_SpeaksTheLanguageOfTheDevicesResponse_UnlessTheLinkNamesOne()
    {
        using var client = app.CreateFormClient();
        client.Headers.AcceptLanguage.ParseAdd("de");
        var entry = await client.GetAsync("/s/coproduction/citizen?country=BE&field=health&lang=fr");
        await client.SubmitAsync(entry, "consent", [KeyValuePair.Create("choice", "agree"), KeyValuePair.Create("age", "yes")]);

        var again = await client.GetAsync("/s/coproduction/citizen");
        var named = await client.GetAsync("/s/coproduction/citizen?lang=nl");
        var otherAudience = await client.GetAsync("/s/coproduction/professional");

        Assert.Equal("fr", again.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("nl", named.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("de", otherAudience.Document.DocumentElement.GetAttribute("lang"));
    }

    private Task<Response> LoadAsync(string token) => app.QueryAsync(db => SurveyHarness.LoadAsync(db, token));

    private Task<string> CurrentTranslationAsync(string language) =>
        app.QueryAsync(db => db.TranslationVersions
            .Where(t => t.IsCurrent && t.Language == language
                && db.InstrumentVersions.Any(v => v.Id == t.InstrumentVersionId && v.IsCurrent && v.Audience == Audience.Citizen))
            .Select(t => t.Sha256)
            .SingleAsync());
}
