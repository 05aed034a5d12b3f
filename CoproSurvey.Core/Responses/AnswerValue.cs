namespace CoproSurvey.Core.Responses;

/// <summary>
/// The stored answer to one item, as text in the invariant culture: a Likert point value ("1".."k"), a
/// choice option code, option codes joined by ';' in instrument order for multiple choice, a number, or text.
/// </summary>
/// <param name="DontKnow">True when the respondent chose "don't know": answered, but missing for analysis (Value is null).</param>
public sealed record AnswerValue(string ItemCode, string? Value, bool DontKnow = false)
{
    /// <summary>Separator of option codes in a multiple-choice value.</summary>
    public const char MultipleChoiceSeparator = ';';

    /// <summary>The selected option codes of a multiple-choice value (empty when none).</summary>
    public IReadOnlyList<string> SelectedCodes =>
        Value is null ? [] : Value.Split(MultipleChoiceSeparator, StringSplitOptions.RemoveEmptyEntries);
}
