using System.Text.RegularExpressions;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.App;
using Microsoft.Playwright;

namespace CoproSurvey.Tests.Browser;

/// <summary>What the respondent browser tests do on a questionnaire page, in any language.</summary>
internal static partial class RespondentPages
{
    /// <summary>A questionnaire page's address; group 1 is the response's access token.</summary>
    [GeneratedRegex(@"/r/([A-Za-z0-9_-]{22})/\d+$")]
    public static partial Regex QuestionnairePageAddress();

    public static string TokenOf(string url) => QuestionnairePageAddress().Match(url).Groups[1].Value;

    /// <summary>The item codes whose inputs are on the page, in page order.</summary>
    public static async Task<IReadOnlyList<string>> ItemCodesAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(
            "() => [...new Set([...document.querySelectorAll('form.questionnaire-page input:not([type=hidden]), form.questionnaire-page textarea')].map(e => e.name))]");

    /// <summary>
    /// Clicks the label of every chosen option (or types the number or text) of <paramref name="answers"/>, then Next
    /// or Finish, and waits for the next page, which must carry no error summary.
    /// </summary>
    public static async Task AnswerAndSubmitAsync(IPage page, ValidAnswers answers)
    {
        var before = page.Url;
        foreach (var item in await ItemCodesAsync(page))
        {
            var question = answers.QuestionOf(item);
            foreach (var value in answers.FormValues(item))
            {
                if (question.Type is QuestionType.Numeric or QuestionType.ShortText or QuestionType.LongText)
                {
                    await page.Locator($"#{SurveyIds.Input(item)}").FillAsync(value);
                }
                else
                {
                    await page.Locator($"label[for='{SurveyIds.Input(item, value)}']").ClickAsync();
                }
            }
        }

        await page.Locator("form.questionnaire-page button[type=submit]").ClickAsync();
        await PageJournal.WaitToLeaveAsync(page, before);
        Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
    }
}
