using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Tests.Core.Responses;

namespace CoproSurvey.Tests.App;

/// <summary>
/// Pages shown again from stored answers and sent back unchanged, over HTTP through the real forms. The shipped citizen
/// instrument asks for its open comment on the last page, so these tests use a copy of the data folder in which that
/// page ("about") comes first and can be revisited before the questionnaire is complete.
/// </summary>
public sealed class AnswerRoundTripTests : IAsyncLifetime
{
    /// <summary>A separator, quotes, brackets that look like a stored list, a newline and characters beyond ASCII.</summary>
    private const string Comment = "slow; rude staff\n\"late\" [\"x\"] & <b>naïve</b> 🙂";

    private readonly string data = Directory.CreateTempSubdirectory("coprosurvey-data-").FullName;
    private SurveyAppFactory app = null!;
    private ValidAnswers citizen = null!;

    public Task InitializeAsync()
    {
        var shipped = CoproSurvey.App.AppServices.FindDataDirectory(AppContext.BaseDirectory);
        Directory.CreateDirectory(Path.Combine(data, "studies"));
        Directory.CreateDirectory(Path.Combine(data, "instruments"));
        foreach (var file in Directory.GetFiles(shipped, "*.json", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(data, Path.GetRelativePath(shipped, file)));
        }

        var path = Path.Combine(data, "instruments", "citizen.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var sections = json["sections"]!.AsArray();
        var about = sections[^1]!;
        sections.RemoveAt(sections.Count - 1);
        sections.Insert(0, about);
        File.WriteAllText(path, json.ToJsonString());
        var loaded = InstrumentLoader.Load(File.ReadAllText(path), path);
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Problems));
        citizen = new ValidAnswers(loaded.Instrument!);
        app = SurveyAppFactory.WithDataDirectory(data);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task QuestionnairePage_KeepsTextAndChoicesUnchanged_WhenShownAgainAndSentBack()
    {
        // Arrange: page 1 (about) with the comment, page 2 (services) with the multiple-choice c_use.
        using var client = app.CreateFormClient();
        var page = await SurveyFlowTests.StartAsync(client);
        var token = SurveyFlowTests.TokenOf(page);
        Assert.Contains("c_comment", ValidAnswers.ItemCodesOn(page));
        var fields = citizen.ForPage(page).Where(f => f.Key != "c_comment").Append(KeyValuePair.Create("c_comment", Comment));
        page = await client.SubmitAsync(page, "page", fields);
        Assert.EndsWith($"/r/{token}/2", page.Path);
        page = await client.SubmitAsync(page, "page", citizen.ForPage(page));
        Assert.EndsWith($"/r/{token}/3", page.Path);
        var before = await StoredAsync(token);

        // Act: show each page again and send back what it shows.
        var first = await client.GetAsync($"/r/{token}/1");
        var shownFirst = ShownValues(first);
        await client.SubmitAsync(first, "page", shownFirst);
        var second = await client.GetAsync($"/r/{token}/2");
        var shownSecond = ShownValues(second);
        await client.SubmitAsync(second, "page", shownSecond);

        // Assert
        Assert.Equal([Comment], shownFirst.Where(f => f.Key == "c_comment").Select(f => f.Value));
        Assert.Equal(citizen.FormValues("c_use"), shownSecond.Where(f => f.Key == "c_use").Select(f => f.Value));
        var after = await StoredAsync(token);
        Assert.Equal(before, after);
        Assert.Equal(Comment, after["c_comment"].Value);
        Assert.Null(after["c_comment"].Number);
        Assert.Equal(AnswerValue.MultipleChoice("c_use", citizen.FormValues("c_use")).ToStoredText(), after["c_use"].Value);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>What a browser would post for the page as rendered: checked radios and boxes, text inputs, text areas.</summary>
    private static List<KeyValuePair<string, string>> ShownValues(HtmlPage page)
    {
        var form = page.Form("page");
        var inputs = form.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not ("hidden" or "submit" or "button"))
            .Where(i => i.Type is not ("radio" or "checkbox") || i.IsChecked)
            .Select(i => KeyValuePair.Create(i.Name!, i.Value));
        var areas = form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>()
            .Select(t => KeyValuePair.Create(t.Name!, t.Value));
        return [.. inputs, .. areas];
    }

    private async Task<Dictionary<string, (string? Value, double? Number, DateTimeOffset At)>> StoredAsync(string token)
    {
        var response = await app.QueryAsync(db => SurveyHarness.LoadAsync(db, token));
        return response.Answers.ToDictionary(a => a.ItemCode, a => (a.Value, a.Number, a.AnsweredAt));
    }
}
