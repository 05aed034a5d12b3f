namespace CoproSurvey.Core.Instruments;

/// <summary>Who answers an instrument.</summary>
public enum Audience
{
    Citizen,
    Professional,
}

/// <summary>
/// A questionnaire for one audience, loaded from a JSON file under <c>data/instruments/</c>.
/// Immutable: a changed file is a new version with a new <see cref="Sha256"/>.
/// </summary>
/// <param name="Key">Stable identifier, e.g. <c>citizen-core</c>.</param>
/// <param name="Version">Human version label, e.g. <c>1.0</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the canonical JSON (see <c>InstrumentCanonicalizer</c>); every response is stamped with it.</param>
public sealed record Instrument(
    string Key,
    string Version,
    Audience Audience,
    string Title,
    string Language,
    string? Introduction,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Scale> Scales,
    string Sha256)
{
    // Built on first use and kept: every page view and submit looks items up, and an instrument never changes.
    private readonly ItemIndexCache itemIndex = new();

    /// <summary>A copy (<c>with</c>) builds its own item index from its own sections.</summary>
    private Instrument(Instrument original)
    {
        Key = original.Key;
        Version = original.Version;
        Audience = original.Audience;
        Title = original.Title;
        Language = original.Language;
        Introduction = original.Introduction;
        Sections = original.Sections;
        Scales = original.Scales;
        Sha256 = original.Sha256;
        itemIndex = new();
    }

    /// <summary>Every answerable variable (item) in questionnaire order; a matrix contributes one variable per row.</summary>
    public IReadOnlyList<ItemRef> Items => Index.Items;

    public Section? FindSection(string code) => Sections.FirstOrDefault(s => s.Code == code);

    /// <summary>The answerable variable with this item code (a matrix row code for a matrix), or null.</summary>
    public ItemRef? FindItem(string code) => Index.ByCode.GetValueOrDefault(code);

    private ItemIndex Index => itemIndex.Value ??= new ItemIndex(Sections);

    /// <summary>Holds the index; takes no part in the record's equality, as the index follows from the sections.</summary>
    private sealed class ItemIndexCache
    {
        public ItemIndex? Value;

        public override bool Equals(object? obj) => obj is ItemIndexCache;

        public override int GetHashCode() => 0;
    }

    private sealed class ItemIndex
    {
        public ItemIndex(IReadOnlyList<Section> sections)
        {
            Items = sections.SelectMany((s, si) => s.Questions.SelectMany(q => q.ItemCodes.Select(code => new ItemRef(code, q, s, si)))).ToList();
            ByCode = new Dictionary<string, ItemRef>(Items.Count, StringComparer.Ordinal);
            foreach (var item in Items)
            {
                ByCode.TryAdd(item.Code, item); // the first one, as a search in order finds it; the validator refuses duplicates
            }
        }

        public IReadOnlyList<ItemRef> Items { get; }

        public Dictionary<string, ItemRef> ByCode { get; }
    }

    /// <summary>The construct scale with this code, or null.</summary>
    public Scale? FindScale(string code) => Scales.FirstOrDefault(s => s.Code == code);
}

/// <summary>One page of the questionnaire.</summary>
public sealed record Section(
    string Code,
    string Title,
    string? Introduction,
    Condition? DisplayCondition,
    IReadOnlyList<Question> Questions);

/// <summary>Question types an instrument may use.</summary>
public enum QuestionType
{
    /// <summary>One item on a k-point labelled scale, optionally with "don't know" (stored as missing).</summary>
    Likert,
    /// <summary>Pick exactly one option.</summary>
    SingleChoice,
    /// <summary>Pick any number of options (at least one when required).</summary>
    MultipleChoice,
    /// <summary>A number between optional bounds, integer or decimal.</summary>
    Numeric,
    /// <summary>A single line of text up to <see cref="Question.MaxLength"/>.</summary>
    ShortText,
    /// <summary>A multi-line text up to <see cref="Question.MaxLength"/>.</summary>
    LongText,
    /// <summary>Several Likert items (rows) sharing one scale.</summary>
    LikertMatrix,
}

/// <summary>A question on a page.</summary>
/// <param name="Code">Variable name for single-item questions; for a matrix, the block code (rows carry their own codes).</param>
/// <param name="ResponseScale">For Likert and LikertMatrix.</param>
/// <param name="Options">For SingleChoice and MultipleChoice.</param>
/// <param name="Numeric">For Numeric.</param>
/// <param name="MaxLength">For ShortText and LongText.</param>
/// <param name="Rows">For LikertMatrix: the items sharing the scale.</param>
public sealed record Question(
    string Code,
    QuestionType Type,
    string Text,
    string? Help,
    bool Required,
    Condition? DisplayCondition,
    ResponseScale? ResponseScale,
    IReadOnlyList<ChoiceOption> Options,
    NumericBounds? Numeric,
    int? MaxLength,
    IReadOnlyList<MatrixRow> Rows)
{
    /// <summary>The variables this question stores: its own code, or one per matrix row.</summary>
    public IEnumerable<string> ItemCodes => Type == QuestionType.LikertMatrix ? Rows.Select(r => r.Code) : [Code];
}

/// <summary>A labelled k-point response scale; point values are the stored codes (e.g. 1..5).</summary>
/// <param name="DontKnowLabel">When set, a "don't know" option is offered and stored as missing.</param>
/// <param name="NotApplicableLabel">
/// When set, a "not applicable" option is offered after the points (and after don't know): the item does not apply
/// to the respondent. Stored as an answer of its own kind, missing for analysis with a reason distinct from don't know.
/// </param>
public sealed record ResponseScale(IReadOnlyList<ScalePoint> Points, string? DontKnowLabel, string? NotApplicableLabel = null);

public sealed record ScalePoint(int Value, string Label);

/// <summary>An option of a choice question.</summary>
/// <param name="Exclusive">
/// For multiple choice: the option stands alone ("None of these", "Don't know"), so choosing it together with any
/// other option is refused.
/// </param>
public sealed record ChoiceOption(string Code, string Label, bool Exclusive = false);

/// <summary>Bounds of a numeric answer.</summary>
public sealed record NumericBounds(decimal? Min, decimal? Max, bool IntegerOnly, string? Unit);

public sealed record MatrixRow(string Code, string Text);

/// <summary>A reference to one answerable variable and where it lives.</summary>
public sealed record ItemRef(string Code, Question Question, Section Section, int SectionIndex);

/// <summary>Comparison used by a <see cref="Condition"/> leaf.</summary>
public enum ConditionOperator
{
    /// <summary>The answer is one of the values (for multiple choice: any selected option is one of them).</summary>
    In,
    /// <summary>The answer is answered and none of the values.</summary>
    NotIn,
    /// <summary>Numeric answer strictly greater than the single value.</summary>
    GreaterThan,
    /// <summary>Numeric answer strictly less than the single value.</summary>
    LessThan,
    /// <summary>The question has an answer (don't know and not applicable count as answered).</summary>
    Answered,
}

/// <summary>A display condition referring to earlier answers: a leaf, or all/any of nested conditions.</summary>
public abstract record Condition;

public sealed record AnswerCondition(string Question, ConditionOperator Operator, IReadOnlyList<string> Values) : Condition;

public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition;

public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition;

/// <summary>
/// A multi-item construct. Score = mean of the answered items (reverse-keyed items recoded as
/// min + max - value of their scale) when at least <see cref="MinAnswered"/> items are answered; otherwise missing.
/// </summary>
public sealed record Scale(
    string Code,
    string Name,
    string? Description,
    IReadOnlyList<string> Items,
    IReadOnlyList<string> Reversed,
    int MinAnswered);
