using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.Core.Datasets;

/// <summary>The facts of a response a dataset row is made of, as read from the database.</summary>
internal sealed record DatasetResponseFacts(
    int Id,
    Audience Audience,
    string? Country,
    string? PolicyField,
    string? ServiceUnit,
    string Language,
    string InstrumentSha256,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    int LastPage,
    string? TranslationSha256 = null);

/// <summary>A stored answer as read from the database.</summary>
internal readonly record struct DatasetStoredAnswer(int ResponseId, string ItemCode, string? Value, double? Number, bool DontKnow, bool NotApplicable, StoredUtcTime AnsweredAt);

/// <summary>
/// Turns a response and its stored answers into a <see cref="DatasetRow"/> of a <see cref="DatasetLayout"/>. The reason
/// of a missing cell is decided in this order: the row's instrument version lacks the item (not asked); the answer is
/// "don't know"; the response is partial and the item's page comes after the furthest page it submitted or answered
/// on (not reached); a
/// display condition hides the item or its page given the answers before it (not asked; evaluated with
/// <see cref="InstrumentNavigator"/>'s rules, through <see cref="InstrumentRoutePlan"/>); otherwise the item was shown and left empty (not answered).
/// </summary>
internal sealed class DatasetRowBuilder
{
    private readonly DatasetLayout layout;
    private readonly Dictionary<string, VersionPlan> plans = new(StringComparer.Ordinal);

    // A builder reads one response at a time: these are cleared and filled again for each, by item number of its version.
    private AnswerValue?[] given = [];
    private AnswerValue?[] effective = [];
    private bool[] shown = [];
    private int[] storedItems = [];
    private DatasetCell[] scaleItems = [];

    public DatasetRowBuilder(DatasetLayout layout)
    {
        this.layout = layout;
        foreach (var version in layout.Versions)
        {
            plans[version.Sha256] = new VersionPlan(version, layout);
        }
    }

    /// <param name="submittedSections">For a partial response, the codes of the pages it submitted (paradata); ignored for a completed one.</param>
    public DatasetRow Build(DatasetResponseFacts response, IReadOnlyList<DatasetStoredAnswer> stored, IReadOnlyCollection<string> submittedSections)
    {
        if (!plans.TryGetValue(response.InstrumentSha256, out var plan))
        {
            throw new InvalidOperationException($"Response {response.Id} was given instrument version {response.InstrumentSha256}, which is not among the study's versions.");
        }

        var instrument = plan.Instrument;
        var count = plan.Route.ItemCount;
        if (given.Length < count)
        {
            given = new AnswerValue?[count];
            effective = new AnswerValue?[count];
            shown = new bool[count];
        }

        if (storedItems.Length < stored.Count)
        {
            storedItems = new int[stored.Count];
        }

        Array.Clear(given, 0, count);
        for (var i = 0; i < stored.Count; i++)
        {
            var answer = stored[i];
            if (plan.Items.TryGetValue(answer.ItemCode, out var item))
            {
                given[item.Number] = item.Decode(answer);
                storedItems[i] = item.Number;
            }
            else
            {
                storedItems[i] = -1;
            }
        }

        plan.Route.Walk(given, effective, shown);

        var partial = response.CompletedAt is null;
        // The furthest page submitted, not the last: a respondent may have gone back to an earlier page.
        var lastReached = int.MaxValue;
        if (partial)
        {
            lastReached = -1;
            foreach (var code in submittedSections)
            {
                lastReached = Math.Max(lastReached, plan.SectionIndex.GetValueOrDefault(code, -1));
            }

            for (var n = 0; n < count; n++)
            {
                if (given[n] is not null)
                {
                    lastReached = Math.Max(lastReached, plan.ItemsByNumber[n].Ref.SectionIndex);
                }
            }
        }

        MissingReason? ReasonFor(ItemPlan? item)
        {
            if (item is null)
            {
                return MissingReason.NotAsked;
            }

            if (effective[item.Number] is { } answer)
            {
                return answer.DontKnow ? MissingReason.DontKnow : answer.NotApplicable ? MissingReason.NotApplicable : null;
            }

            return item.Ref.SectionIndex > lastReached ? MissingReason.NotReached
                : shown[item.Number] ? MissingReason.NotAnswered
                : MissingReason.NotAsked;
        }

        var cells = new DatasetCell[layout.Values.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var variable = layout.Values[i];
            if (variable.Kind == DatasetVariableKind.ScaleScore)
            {
                continue;
            }

            var item = plan.ValueItems[i];
            var cell = ReasonFor(item) is { } reason
                ? DatasetCell.MissingBecause(reason)
                : Cell(variable, layout.ChoiceValues[i], effective[item!.Number]!);
            cells[i] = cell;
        }

        for (var i = 0; i < cells.Length; i++)
        {
            if (layout.Values[i].Kind != DatasetVariableKind.ScaleScore)
            {
                continue;
            }

            if (plan.ValueScales[i] is not { } scale)
            {
                cells[i] = DatasetCell.MissingBecause(MissingReason.NotAsked);
                continue;
            }

            // A scale item without a Likert column of its own counts as not answered, as the scorer takes an absent item.
            var columns = plan.ScaleItemColumns[i]!;
            if (scaleItems.Length < columns.Length)
            {
                scaleItems = new DatasetCell[columns.Length];
            }

            for (var k = 0; k < columns.Length; k++)
            {
                scaleItems[k] = columns[k] >= 0 ? cells[columns[k]] : DatasetCell.MissingBecause(MissingReason.NotAnswered);
            }

            cells[i] = plan.Scorer.Score(scale, scaleItems.AsSpan(0, columns.Length));
        }

        var texts = new DatasetText[layout.Texts.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            var item = plan.TextItems[i];
            texts[i] = ReasonFor(item) is { } reason ? new DatasetText(null, reason) : new DatasetText(effective[item!.Number]!.Value ?? "", null);
        }

        var answers = new List<DatasetAnswer>(stored.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            var answer = stored[i];
            if (storedItems[i] >= 0 && effective[storedItems[i]] is { } value)
            {
                answers.Add(new DatasetAnswer(answer.ItemCode, value, answer.AnsweredAt));
            }
        }

        return new DatasetRow(
            response.Id,
            response.Audience,
            response.Country,
            response.PolicyField,
            response.ServiceUnit,
            response.Language,
            instrument.Key,
            instrument.Sha256,
            partial ? DatasetStatus.Partial : DatasetStatus.Complete,
            response.StartedAt,
            response.CompletedAt,
            cells,
            texts,
            answers,
            response.LastPage)
        {
            TranslationSha256 = response.TranslationSha256,
        };
    }

    private static DatasetCell Cell(DatasetVariable variable, IReadOnlyDictionary<string, double>? choiceValues, AnswerValue answer) =>
        variable.Kind switch
        {
            DatasetVariableKind.MultipleChoiceOption =>
                DatasetCell.Of(answer.Choices?.Contains(variable.OptionCode!, StringComparer.Ordinal) == true ? 1 : 0),
            DatasetVariableKind.SingleChoice when answer.Value is not null && choiceValues!.TryGetValue(answer.Value, out var value) =>
                DatasetCell.Of(value),
            _ when answer.Number is { } number => DatasetCell.Of(number),
            _ => throw new InvalidOperationException($"The answer to '{variable.ItemCode}' has no value the dataset can hold."),
        };

    /// <summary>What a version's answers and columns need, worked out once per version rather than per response.</summary>
    private sealed class VersionPlan
    {
        public VersionPlan(Instrument instrument, DatasetLayout layout)
        {
            Instrument = instrument;
            Route = new InstrumentRoutePlan(instrument);
            ItemsByNumber = [.. instrument.Items.Select((item, n) => new ItemPlan(item, n))];
            Items = ItemsByNumber.ToDictionary(i => i.Ref.Code, StringComparer.Ordinal);
            SectionIndex = instrument.Sections.Select((s, i) => (s.Code, i)).ToDictionary(s => s.Code, s => s.i, StringComparer.Ordinal);
            Scorer = new ScaleScorer(instrument);
            ValueItems = [.. layout.Values.Select(v => v.ItemCode is { } code ? Items.GetValueOrDefault(code) : null)];
            ValueScales = [.. layout.Values.Select(v => v.Kind == DatasetVariableKind.ScaleScore ? instrument.FindScale(v.ScaleCode!) : null)];
            TextItems = [.. layout.Texts.Select(v => Items.GetValueOrDefault(v.ItemCode!))];
            var likertColumns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < layout.Values.Count; i++)
            {
                if (layout.Values[i].Kind == DatasetVariableKind.Likert)
                {
                    likertColumns[layout.Values[i].ItemCode!] = i;
                }
            }

            ScaleItemColumns = [.. ValueScales.Select(scale => scale is null ? null : scale.Items.Select(code => likertColumns.GetValueOrDefault(code, -1)).ToArray())];
        }

        public Instrument Instrument { get; }

        public InstrumentRoutePlan Route { get; }

        /// <summary>The version's items by number (their order in <see cref="Instrument.Items"/>, as the route numbers them).</summary>
        public ItemPlan[] ItemsByNumber { get; }

        public Dictionary<string, ItemPlan> Items { get; }

        public Dictionary<string, int> SectionIndex { get; }

        public ScaleScorer Scorer { get; }

        /// <summary>For each column of <see cref="DatasetLayout.Values"/>: the version's item, or null when the version has none (or the column is a score).</summary>
        public ItemPlan?[] ValueItems { get; }

        /// <summary>For each score column of <see cref="DatasetLayout.Values"/>: the version's scale, or null when it has none.</summary>
        public Scale?[] ValueScales { get; }

        /// <summary>For each score column of <see cref="DatasetLayout.Values"/>: the Likert column of each item of the scale, or -1 when it has none.</summary>
        public int[]?[] ScaleItemColumns { get; }

        /// <summary>For each column of <see cref="DatasetLayout.Texts"/>: the version's item, or null.</summary>
        public ItemPlan?[] TextItems { get; }
    }

    /// <summary>An item of a version with its decoder: the same <see cref="AnswerValue.FromStored"/>, sharing the (immutable) values that recur.</summary>
    private sealed class ItemPlan(ItemRef item, int number)
    {
        // Distinct answers to a closed question are few in practice; the bound keeps an unusual study from holding them all.
        private const int MaxCachedChoices = 4096;

        private readonly QuestionType type = item.Question.Type;
        private readonly Dictionary<string, AnswerValue> choices = new(StringComparer.Ordinal);
        private readonly Dictionary<(string? Value, double? Number), AnswerValue> points = [];
        private AnswerValue? dontKnow;
        private AnswerValue? notApplicable;

        public ItemRef Ref { get; } = item;

        public int Number { get; } = number;

        public AnswerValue Decode(in DatasetStoredAnswer answer)
        {
            if (answer.DontKnow)
            {
                return dontKnow ??= AnswerValue.FromStored(type, Ref.Code, answer.Value, answer.Number, true, answer.NotApplicable);
            }

            if (answer.NotApplicable)
            {
                return notApplicable ??= AnswerValue.FromStored(type, Ref.Code, answer.Value, answer.Number, false, true);
            }

            // Decoding a multiple choice parses JSON: the same lists recur from response to response.
            if (type == QuestionType.MultipleChoice && answer.Value is { } text)
            {
                if (choices.TryGetValue(text, out var known))
                {
                    return known;
                }

                var value = AnswerValue.FromStored(type, Ref.Code, text, answer.Number, false, false);
                if (choices.Count < MaxCachedChoices)
                {
                    choices[text] = value;
                }

                return value;
            }

            // A point, option or number recurs as often as responses: its (immutable) value is made once. Open answers rarely recur.
            if (type is QuestionType.Likert or QuestionType.SingleChoice or QuestionType.Numeric)
            {
                var key = (answer.Value, answer.Number);
                if (points.TryGetValue(key, out var known))
                {
                    return known;
                }

                var value = AnswerValue.FromStored(type, Ref.Code, answer.Value, answer.Number, false, false);
                if (points.Count < MaxCachedChoices)
                {
                    points[key] = value;
                }

                return value;
            }

            return AnswerValue.FromStored(type, Ref.Code, answer.Value, answer.Number, false, false);
        }
    }
}
