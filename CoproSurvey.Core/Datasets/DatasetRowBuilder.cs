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
internal sealed record DatasetStoredAnswer(int ResponseId, string ItemCode, string? Value, double? Number, bool DontKnow, bool NotApplicable, DateTimeOffset AnsweredAt);

/// <summary>
/// Turns a response and its stored answers into a <see cref="DatasetRow"/> of a <see cref="DatasetLayout"/>. The reason
/// of a missing cell is decided in this order: the row's instrument version lacks the item (not asked); the answer is
/// "don't know"; the response is partial and the item's page comes after the furthest page it submitted or answered
/// on (not reached); a
/// display condition hides the item or its page given the answers before it (not asked; evaluated with
/// <see cref="InstrumentNavigator"/>); otherwise the item was shown and left empty (not answered).
/// </summary>
internal sealed class DatasetRowBuilder
{
    private readonly DatasetLayout layout;
    private readonly Dictionary<string, VersionPlan> plans = new(StringComparer.Ordinal);

    public DatasetRowBuilder(DatasetLayout layout)
    {
        this.layout = layout;
        foreach (var version in layout.Versions)
        {
            plans[version.Sha256] = new VersionPlan(version);
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
        var given = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var answer in stored)
        {
            if (plan.Items.TryGetValue(answer.ItemCode, out var item))
            {
                given[answer.ItemCode] = AnswerValue.FromStored(item.Question.Type, answer.ItemCode, answer.Value, answer.Number, answer.DontKnow, answer.NotApplicable);
                times[answer.ItemCode] = answer.AnsweredAt;
            }
        }

        var effective = InstrumentNavigator.EffectiveAnswers(instrument, given);
        var sections = InstrumentNavigator.VisibleSections(instrument, effective);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            foreach (var question in InstrumentNavigator.VisibleQuestions(section, effective))
            {
                shown.UnionWith(question.ItemCodes);
            }
        }

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

            foreach (var code in given.Keys)
            {
                lastReached = Math.Max(lastReached, plan.Items[code].SectionIndex);
            }
        }

        MissingReason? ReasonFor(string code)
        {
            if (!plan.Items.TryGetValue(code, out var item))
            {
                return MissingReason.NotAsked;
            }

            if (effective.TryGetValue(code, out var answer))
            {
                return answer.DontKnow ? MissingReason.DontKnow : answer.NotApplicable ? MissingReason.NotApplicable : null;
            }

            return item.SectionIndex > lastReached ? MissingReason.NotReached
                : shown.Contains(code) ? MissingReason.NotAnswered
                : MissingReason.NotAsked;
        }

        var cells = new DatasetCell[layout.Values.Count];
        var itemCells = new Dictionary<string, DatasetCell>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
        {
            var variable = layout.Values[i];
            if (variable.Kind == DatasetVariableKind.ScaleScore)
            {
                continue;
            }

            var code = variable.ItemCode!;
            var cell = ReasonFor(code) is { } reason
                ? DatasetCell.MissingBecause(reason)
                : Cell(variable, layout.ChoiceValues[i], effective[code]);
            cells[i] = cell;
            if (variable.Kind == DatasetVariableKind.Likert)
            {
                itemCells[code] = cell;
            }
        }

        for (var i = 0; i < cells.Length; i++)
        {
            var variable = layout.Values[i];
            if (variable.Kind == DatasetVariableKind.ScaleScore)
            {
                cells[i] = instrument.FindScale(variable.ScaleCode!) is { } scale
                    ? plan.Scorer.Score(scale, itemCells)
                    : DatasetCell.MissingBecause(MissingReason.NotAsked);
            }
        }

        var texts = new DatasetText[layout.Texts.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            var code = layout.Texts[i].ItemCode!;
            texts[i] = ReasonFor(code) is { } reason ? new DatasetText(null, reason) : new DatasetText(effective[code].Value ?? "", null);
        }

        var answers = new List<DatasetAnswer>(effective.Count);
        foreach (var answer in stored)
        {
            if (effective.TryGetValue(answer.ItemCode, out var value))
            {
                answers.Add(new DatasetAnswer(answer.ItemCode, value, times[answer.ItemCode]));
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

    private sealed class VersionPlan
    {
        public VersionPlan(Instrument instrument)
        {
            Instrument = instrument;
            Items = instrument.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
            SectionIndex = instrument.Sections.Select((s, i) => (s.Code, i)).ToDictionary(s => s.Code, s => s.i, StringComparer.Ordinal);
            Scorer = new ScaleScorer(instrument);
        }

        public Instrument Instrument { get; }

        public Dictionary<string, ItemRef> Items { get; }

        public Dictionary<string, int> SectionIndex { get; }

        public ScaleScorer Scorer { get; }
    }
}
