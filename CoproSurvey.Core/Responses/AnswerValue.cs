using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Responses;

/// <summary>
/// The answer to one item, typed by its question: a Likert point ("1".."k"), a single-choice option code, a number
/// (invariant culture, as entered up to trailing zeros), a text, or, for multiple choice only, the chosen option codes
/// in instrument order (<see cref="Choices"/>). Which of these an answer is follows from the question's type, never
/// from what the text looks like: a text answer may contain any character, including ';' and brackets.
/// </summary>
/// <remarks>
/// <see cref="Number"/> is the value analyses aggregate: the point of a Likert answer, the number of a numeric answer,
/// the code of a single choice when that code is a number; null for text, multiple choice, non-numeric codes, don't
/// know and not applicable.
/// </remarks>
public sealed record AnswerValue
{
    private static readonly JsonSerializerOptions ChoicesJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A single-valued answer (text, option code, point or number as text) without a numeric value, or don't know.</summary>
    /// <param name="DontKnow">True when the respondent chose "don't know": answered, but missing for analysis (Value is null).</param>
    public AnswerValue(string ItemCode, string? Value, bool DontKnow = false)
        : this(ItemCode, Value, null, null, DontKnow)
    {
    }

    private AnswerValue(string itemCode, string? value, IReadOnlyList<string>? choices, double? number, bool dontKnow, bool notApplicable = false)
    {
        ItemCode = itemCode;
        Value = value;
        Choices = choices;
        Number = number;
        DontKnow = dontKnow;
        NotApplicable = notApplicable;
    }

    public string ItemCode { get; }

    /// <summary>The text of a single-valued answer; null for don't know and for multiple choice.</summary>
    public string? Value { get; }

    /// <summary>The chosen option codes of a multiple-choice answer (possibly none); null for every other type.</summary>
    public IReadOnlyList<string>? Choices { get; }

    /// <summary>The numeric value, as described on the type.</summary>
    public double? Number { get; }

    public bool DontKnow { get; }

    /// <summary>
    /// True when the respondent chose the scale's "not applicable" point (the item does not apply to them): answered,
    /// missing for analysis with a reason of its own, and distinct from don't know (Value is null).
    /// </summary>
    public bool NotApplicable { get; }

    /// <summary>Don't know or not applicable: answered, but without a value to analyse.</summary>
    public bool IsMissingByChoice => DontKnow || NotApplicable;

    /// <summary>The values as a form posts them: one per chosen option for multiple choice, else the single value; none for don't know or not applicable.</summary>
    public IReadOnlyList<string> Values => IsMissingByChoice ? [] : Choices ?? (Value is null ? [] : [Value]);

    public static AnswerValue DontKnowTo(string itemCode) => new(itemCode, null, DontKnow: true);

    public static AnswerValue NotApplicableTo(string itemCode) => new(itemCode, null, null, null, false, notApplicable: true);

    public static AnswerValue Text(string itemCode, string text) => new(itemCode, text);

    public static AnswerValue ScalePoint(string itemCode, int point) =>
        new(itemCode, point.ToString(CultureInfo.InvariantCulture), null, point, false);

    /// <summary>A single choice; its number is the code read as an invariant-culture number when it is one.</summary>
    public static AnswerValue SingleChoice(string itemCode, string optionCode) =>
        new(itemCode, optionCode, null, NumberOfCode(optionCode), false);

    public static AnswerValue MultipleChoice(string itemCode, IEnumerable<string> optionCodes) =>
        new(itemCode, null, [.. optionCodes], null, false);

    public static AnswerValue Numeric(string itemCode, decimal number) =>
        new(itemCode, number.ToString("G29", CultureInfo.InvariantCulture), null, (double)number, false);

    /// <summary>
    /// The stored text: the value itself, or for multiple choice a JSON array of the option codes. A JSON array rather
    /// than a separator, because option codes are free text to the instrument format and a separator would have to be
    /// forbidden in them; SQLite's <c>json_each</c> reads the array in SQL.
    /// </summary>
    public string? ToStoredText() => Choices is null ? Value : JsonSerializer.Serialize(Choices, ChoicesJson);

    /// <summary>The answer as stored, decoded by the type of the item's question (multiple choice reads a JSON array).</summary>
    public static AnswerValue FromStored(QuestionType type, string itemCode, string? storedText, double? number, bool dontKnow, bool notApplicable)
    {
        if (dontKnow)
        {
            return DontKnowTo(itemCode);
        }

        if (notApplicable)
        {
            return NotApplicableTo(itemCode);
        }

        return type == QuestionType.MultipleChoice
            ? new AnswerValue(itemCode, null, JsonSerializer.Deserialize<List<string>>(storedText ?? "[]", ChoicesJson) ?? [], null, false)
            : new AnswerValue(itemCode, storedText, null, number, false);
    }

    public bool Equals(AnswerValue? other) =>
        other is not null
        && ItemCode == other.ItemCode
        && Value == other.Value
        && Number == other.Number
        && DontKnow == other.DontKnow
        && NotApplicable == other.NotApplicable
        && (Choices is null ? other.Choices is null : other.Choices is not null && Choices.SequenceEqual(other.Choices));

    public override int GetHashCode() => HashCode.Combine(ItemCode, Value, Number, DontKnow, NotApplicable, Choices?.Count);

    private static double? NumberOfCode(string code) =>
        double.TryParse(code, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;
}
