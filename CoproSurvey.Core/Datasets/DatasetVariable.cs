namespace CoproSurvey.Core.Datasets;

/// <summary>What a column of the dataset holds.</summary>
public enum DatasetVariableKind
{
    /// <summary>A fact about the response (id, audience, country, times...), not an answer.</summary>
    Metadata,

    /// <summary>A Likert item (a matrix row included): the point value.</summary>
    Likert,

    /// <summary>A single choice: the option's code when every code of the item is an integer, else its 1-based position.</summary>
    SingleChoice,

    /// <summary>One option of a multiple-choice item: 1 chosen, 0 not chosen.</summary>
    MultipleChoiceOption,

    /// <summary>A numeric item: the number as entered.</summary>
    Numeric,

    /// <summary>An open answer (short or long text): kept out of the numeric data.</summary>
    Text,

    /// <summary>A scale score computed by <see cref="ScaleScorer"/>.</summary>
    ScaleScore,
}

/// <summary>The type of a metadata column's values.</summary>
public enum DatasetValueType
{
    Number,
    Text,

    /// <summary>UTC, ISO 8601.</summary>
    Time,
}

/// <summary>A labelled value of a variable (a scale point, a choice, chosen or not).</summary>
public sealed record ValueLabel(double Value, string Label);

/// <summary>
/// One column of a study's wide dataset.
/// </summary>
/// <param name="Name">Column name: the item code, <c>{item}_{option}</c> for an option of a multiple choice, the scale code for a score.</param>
/// <param name="Label">The question text (with the matrix row or option), the scale's name, or what a metadata column holds.</param>
/// <param name="ItemCode">The item the column comes from; null for metadata and scores.</param>
/// <param name="OptionCode">For <see cref="DatasetVariableKind.MultipleChoiceOption"/>: the option's code.</param>
/// <param name="ScaleCode">For <see cref="DatasetVariableKind.ScaleScore"/>: the scale; for an item: the first scale it belongs to, or null.</param>
/// <param name="Reversed">True for an item that its scale reverse-keys.</param>
/// <param name="ValueLabels">Labels of the valid values, ascending; empty when the values are plain numbers or text.</param>
/// <param name="MissingCodes">The codes data files write for each missing reason; null for metadata and text.</param>
/// <param name="InstrumentVersions">SHA-256 of every instrument version of the study that has the item (or scale).</param>
public sealed record DatasetVariable(
    string Name,
    string Label,
    DatasetVariableKind Kind,
    DatasetValueType ValueType,
    string? ItemCode,
    string? OptionCode,
    string? ScaleCode,
    bool Reversed,
    IReadOnlyList<ValueLabel> ValueLabels,
    MissingCodes? MissingCodes,
    IReadOnlyList<string> InstrumentVersions);
