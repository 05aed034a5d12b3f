using System.Globalization;
using CoproSurvey.App;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.Tests.App;

/// <summary>
/// Valid answers to the questions of an instrument, as form fields and as the value the database should then hold.
/// Multiple choice ticks every option that is not exclusive (not "none of these"), which also opens the conditional pages.
/// </summary>
public sealed class ValidAnswers(Instrument instrument)
{
    public static ValidAnswers ForShippedInstrument(Audience audience)
    {
        var path = Path.Combine(AppServices.FindDataDirectory(AppContext.BaseDirectory), "instruments", $"{audience.ToString().ToLowerInvariant()}.json");
        var result = InstrumentLoader.LoadFile(path);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return new ValidAnswers(result.Instrument!);
    }

    public Instrument Instrument => instrument;

    public Question QuestionOf(string itemCode) =>
        instrument.Items.FirstOrDefault(i => i.Code == itemCode)?.Question
        ?? throw new InvalidOperationException($"'{itemCode}' is not an item of {instrument.Key}.");

    /// <summary>The posted values for one item.</summary>
    public IReadOnlyList<string> FormValues(string itemCode)
    {
        var question = QuestionOf(itemCode);
        return question.Type switch
        {
            QuestionType.Likert or QuestionType.LikertMatrix => [question.ResponseScale!.Points[1].Value.ToString(CultureInfo.InvariantCulture)],
            QuestionType.SingleChoice => [question.Options[0].Code],
            QuestionType.MultipleChoice => question.Options.Where(o => !o.Exclusive).DefaultIfEmpty(question.Options[0]).Select(o => o.Code).ToList(),
            QuestionType.Numeric => [((question.Numeric?.Min ?? 0) + 1).ToString(CultureInfo.InvariantCulture)],
            _ => ["More street lighting would help."],
        };
    }

    /// <summary>The text stored for one item after <see cref="FormValues"/> was posted (a JSON array for multiple choice).</summary>
    public string StoredValue(string itemCode) =>
        QuestionOf(itemCode).Type == QuestionType.MultipleChoice
            ? AnswerValue.MultipleChoice(itemCode, FormValues(itemCode)).ToStoredText()!
            : Assert.Single(FormValues(itemCode));

    /// <summary>Fields answering every item whose input is on the page (names of radios, checkboxes, text inputs and textareas).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ForPage(HtmlPage page) =>
        ItemCodesOn(page).SelectMany(code => FormValues(code).Select(v => KeyValuePair.Create(code, v))).ToList();

    public static IReadOnlyList<string> ItemCodesOn(HtmlPage page) =>
        page.Form("page").QuerySelectorAll("input:not([type=hidden]), textarea, select")
            .Select(e => e.GetAttribute("name")!)
            .Distinct()
            .ToList();
}
