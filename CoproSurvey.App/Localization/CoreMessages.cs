using System.Text.RegularExpressions;
using CoproSurvey.Core.Responses;
using Microsoft.Extensions.Localization;

namespace CoproSurvey.App.Localization;

/// <summary>
/// The messages Core's validation gives respondents, in the respondent's language. Core states them in English (its
/// tests and the command line read them so); each has a key in <see cref="RespondentTexts"/>, and the messages that
/// carry values (a bound, a length, an option's label, already in the respondent's language) are recognised by their
/// English pattern and rendered from the localized template with the same values. A message not known here is shown
/// as Core gave it.
/// </summary>
public static partial class CoreMessages
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["The form contained answers that do not belong on this page. Please check the page and send it again."] = "Core.UnknownFields",
        ["Please choose one of the options."] = "Core.ChooseOne",
        ["Please answer this question."] = "Core.Required",
        ["Please answer this statement."] = "Core.RequiredRow",
        ["This question does not apply to your earlier answers; please leave it empty."] = "Core.NotApplicable",
        ["Please choose only one of the options."] = "Core.OnlyOne",
        ["Please choose only from the options shown."] = "Core.OnlyShown",
        ["Each option can be chosen only once."] = "Core.Once",
        ["Please enter a single answer."] = "Core.Single",
        ["Please remove special characters such as tabs from your answer."] = "Core.SpecialMultiline",
        ["Please keep your answer on one line, without special characters such as tabs."] = "Core.SpecialLine",
        ["Please choose a language from the list."] = "Core.Language",
        [ResponseService.NotOpenMessage] = "Core.NotOpen",
        [ResponseService.UnknownCodeMessage] = "Core.UnknownCode",
        [ResponseService.CompletedMessage] = "Core.Completed",
        [ResponseService.PageNotAvailableMessage] = "Core.PageNotAvailable",
        [ResponseService.MalformedServiceUnitMessage] = "Core.MalformedUnit",
        [ResponseService.UnlistedServiceUnitMessage] = "Core.UnlistedUnit",
    };

    private static readonly (Regex Pattern, Func<Match, (string Key, object[] Arguments)> Render)[] Patterns =
    [
        (ExclusivePattern(), m => ("Core.Exclusive", [m.Groups[1].Value])),
        (ShortenPattern(), m => ("Core.Shorten", [m.Groups[1].Value, m.Groups[2].Value])),
        (NumberRangePattern(), m => ($"Core.Number.{Kind(m)}.Range", [m.Groups[2].Value, m.Groups[3].Value])),
        (NumberMinPattern(), m => ($"Core.Number.{Kind(m)}.Min", [m.Groups[2].Value])),
        (NumberMaxPattern(), m => ($"Core.Number.{Kind(m)}.Max", [m.Groups[2].Value])),
        (NumberPattern(), m => ($"Core.Number.{Kind(m)}.Any", [])),
    ];

    /// <summary>Every key this class reads, for the test that each exists in every language.</summary>
    public static IEnumerable<string> Keys =>
        Fixed.Values.Concat(["Core.Exclusive", "Core.Shorten"])
            .Concat(from kind in new[] { "Whole", "Number" } from range in new[] { "Range", "Min", "Max", "Any" } select $"Core.Number.{kind}.{range}");

    public static string Localize(IStringLocalizer<RespondentTexts> localizer, string message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (Fixed.TryGetValue(message, out var key))
        {
            return localizer[key];
        }

        foreach (var (pattern, render) in Patterns)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                var (template, arguments) = render(match);
                return localizer[template, arguments];
            }
        }

        return message;
    }

    private static string Kind(Match m) => m.Groups[1].Value == "a whole number" ? "Whole" : "Number";

    [GeneratedRegex("^\"(.*)\" cannot be chosen together with other options\\. Please untick it or the others\\.$", RegexOptions.Singleline)]
    private static partial Regex ExclusivePattern();

    [GeneratedRegex(@"^Please shorten your answer to at most (\d+) characters \(it has (\d+)\)\.$")]
    private static partial Regex ShortenPattern();

    [GeneratedRegex(@"^Enter (a whole number|a number) between (\S+) and (\S+)\.$")]
    private static partial Regex NumberRangePattern();

    [GeneratedRegex(@"^Enter (a whole number|a number) of at least (\S+)\.$")]
    private static partial Regex NumberMinPattern();

    [GeneratedRegex(@"^Enter (a whole number|a number) of at most (\S+)\.$")]
    private static partial Regex NumberMaxPattern();

    [GeneratedRegex(@"^Enter (a whole number|a number)\.$")]
    private static partial Regex NumberPattern();
}
