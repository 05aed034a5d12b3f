using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Responses;

/// <summary>The stored answer to one item of a response; unique per response and item.</summary>
public sealed class Answer
{
    private Answer()
    {
    }

    public int Id { get; private set; }

    public int ResponseId { get; private set; }

    public string ItemCode { get; private set; } = "";

    /// <summary>
    /// The answer as text (<see cref="AnswerValue.ToStoredText"/>): the value of a single-valued answer, a JSON array of
    /// option codes for multiple choice; null for don't know and not applicable. Read it back with <see cref="ToValue"/> and the question's type.
    /// </summary>
    public string? Value { get; private set; }

    /// <summary>The numeric value (<see cref="AnswerValue.Number"/>): what averages and other aggregates read in SQL.</summary>
    public double? Number { get; private set; }

    public bool DontKnow { get; private set; }

    /// <summary>The respondent chose "not applicable" (<see cref="AnswerValue.NotApplicable"/>).</summary>
    public bool NotApplicable { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }

    internal static Answer Create(AnswerValue value, DateTimeOffset at)
    {
        var answer = new Answer { ItemCode = value.ItemCode };
        answer.Set(value, at);
        return answer;
    }

    /// <summary>Takes the new value; returns false (and keeps the time) when it is the same as before.</summary>
    internal bool Change(AnswerValue value, DateTimeOffset at)
    {
        if (value.ItemCode != ItemCode)
        {
            throw new InvalidOperationException($"An answer to '{ItemCode}' cannot take a value for '{value.ItemCode}'.");
        }

        if (Value == value.ToStoredText() && Number == value.Number && DontKnow == value.DontKnow && NotApplicable == value.NotApplicable)
        {
            return false;
        }

        Set(value, at);
        return true;
    }

    /// <summary>The answer decoded by the type of its item's question.</summary>
    public AnswerValue ToValue(QuestionType type) => AnswerValue.FromStored(type, ItemCode, Value, Number, DontKnow, NotApplicable);

    private void Set(AnswerValue value, DateTimeOffset at)
    {
        if (value.IsMissingByChoice && (value.Value is not null || value.Choices is not null || value.Number is not null))
        {
            throw new ArgumentException($"A don't-know or not-applicable answer to '{value.ItemCode}' cannot carry a value.", nameof(value));
        }

        if (!value.IsMissingByChoice && value.Value is null && value.Choices is null)
        {
            throw new ArgumentException($"The answer to '{value.ItemCode}' has no value.", nameof(value));
        }

        Value = value.ToStoredText();
        Number = value.Number;
        DontKnow = value.DontKnow;
        NotApplicable = value.NotApplicable;
        AnsweredAt = at;
    }
}
