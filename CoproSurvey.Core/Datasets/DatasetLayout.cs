using System.Globalization;
using System.Text;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Datasets;

/// <summary>
/// The columns of a study's wide dataset, built from the study's instrument versions: the metadata columns, then one
/// numeric column per item (one 0/1 column per option of a multiple choice) in questionnaire order, then one score per
/// scale; open answers are kept apart (<see cref="Texts"/>). The items are the union of all versions' items: the
/// current version's order, an item only an older version had placed after the item before it there; labels, options
/// and scale definitions come from the newest version that has them.
/// </summary>
public sealed class DatasetLayout
{
    /// <summary>The metadata columns, in this order, whatever the study.</summary>
    public static IReadOnlyList<DatasetVariable> MetadataColumns { get; } =
    [
        Meta("response_id", "Pseudonymous response id", DatasetValueType.Number),
        Meta("audience", "Audience (citizen or professional)", DatasetValueType.Text),
        Meta("country", "Country (ISO 3166-1 alpha-2)", DatasetValueType.Text),
        Meta("policy_field", "Policy field", DatasetValueType.Text),
        Meta("service_unit", "Service unit", DatasetValueType.Text),
        Meta("language", "Language of the questionnaire", DatasetValueType.Text),
        Meta("instrument_key", "Instrument key", DatasetValueType.Text),
        Meta("instrument_sha256", "Instrument version (SHA-256 of its canonical JSON)", DatasetValueType.Text),
        Meta("translation_sha256", "Translation version the response was last shown (SHA-256 of its canonical JSON; empty in the source language)", DatasetValueType.Text),
        Meta("status", "Status (complete or partial)", DatasetValueType.Text),
        Meta("started_at", "Started (UTC)", DatasetValueType.Time),
        Meta("completed_at", "Completed (UTC)", DatasetValueType.Time),
        Meta("duration_seconds", "Duration in seconds (completed minus started)", DatasetValueType.Number),
    ];

    private readonly Dictionary<string, Instrument> instruments;

    private DatasetLayout(
        string studyKey,
        IReadOnlyList<Instrument> versions,
        IReadOnlyList<DatasetVariable> values,
        IReadOnlyList<DatasetVariable> texts,
        IReadOnlyList<IReadOnlyDictionary<string, double>?> choiceValues)
    {
        StudyKey = studyKey;
        Versions = versions;
        Values = values;
        Texts = texts;
        ChoiceValues = choiceValues;
        instruments = versions.ToDictionary(v => v.Sha256, StringComparer.Ordinal);
    }

    public string StudyKey { get; }

    /// <summary>The instrument versions the layout was built from, oldest first.</summary>
    public IReadOnlyList<Instrument> Versions { get; }

    public IReadOnlyList<DatasetVariable> Metadata => MetadataColumns;

    /// <summary>The numeric columns: items, option columns and scale scores (a row's <see cref="DatasetRow.Cells"/> follow this order).</summary>
    public IReadOnlyList<DatasetVariable> Values { get; }

    /// <summary>The open-answer items (a row's <see cref="DatasetRow.Texts"/> follow this order).</summary>
    public IReadOnlyList<DatasetVariable> Texts { get; }

    /// <summary>The columns of the wide numeric data: metadata, then values.</summary>
    public IEnumerable<DatasetVariable> DataColumns => Metadata.Concat(Values);

    /// <summary>For each single-choice entry of <see cref="Values"/>: the number each option code is written as; null for the others.</summary>
    internal IReadOnlyList<IReadOnlyDictionary<string, double>?> ChoiceValues { get; }

    /// <summary>Internal id of the study the layout was read for (0 when built from instruments alone).</summary>
    internal int StudyId { get; private init; }

    /// <summary>The version with this SHA-256, or null.</summary>
    public Instrument? FindVersion(string sha256) => instruments.GetValueOrDefault(sha256);

    /// <summary>The layout for instrument versions given oldest first (of one or several audiences).</summary>
    public static DatasetLayout Build(string studyKey, IReadOnlyList<Instrument> versionsOldestFirst) => Build(studyKey, versionsOldestFirst, 0);

    internal static DatasetLayout Build(string studyKey, IReadOnlyList<Instrument> versionsOldestFirst, int studyId)
    {
        ArgumentNullException.ThrowIfNull(versionsOldestFirst);
        var newestFirst = versionsOldestFirst.Reverse().ToList();
        var order = new List<string>();
        foreach (var audience in newestFirst.Select(v => v.Audience).Distinct().Order())
        {
            var block = new List<string>();
            foreach (var version in newestFirst.Where(v => v.Audience == audience))
            {
                string? previous = null;
                foreach (var item in version.Items)
                {
                    if (!order.Contains(item.Code) && !block.Contains(item.Code))
                    {
                        block.Insert(previous is null ? 0 : block.IndexOf(previous) + 1, item.Code);
                    }

                    if (block.Contains(item.Code))
                    {
                        previous = item.Code;
                    }
                }
            }

            order.AddRange(block);
        }

        var names = new HashSet<string>(MetadataColumns.Select(m => m.Name), StringComparer.OrdinalIgnoreCase);
        var values = new List<DatasetVariable>();
        var choiceValues = new List<IReadOnlyDictionary<string, double>?>();
        var texts = new List<DatasetVariable>();
        foreach (var code in order)
        {
            var holders = newestFirst.Where(v => v.FindItem(code) is not null).ToList();
            var item = holders[0].FindItem(code)!;
            var question = item.Question;
            var shas = holders.Select(h => h.Sha256).Reverse().ToList();
            var scale = holders[0].Scales.FirstOrDefault(s => s.Items.Contains(code, StringComparer.Ordinal));
            var reversed = scale is not null && scale.Reversed.Contains(code, StringComparer.Ordinal);
            var label = question.Type == QuestionType.LikertMatrix
                ? $"{question.Text}: {question.Rows.First(r => r.Code == code).Text}"
                : question.Text;
            switch (question.Type)
            {
                case QuestionType.Likert or QuestionType.LikertMatrix:
                    var points = question.ResponseScale!.Points;
                    values.Add(new DatasetVariable(
                        Unique(names, code), label, DatasetVariableKind.Likert, DatasetValueType.Number, code, null, scale?.Code, reversed,
                        [.. points.OrderBy(p => p.Value).Select(p => new ValueLabel(p.Value, p.Label))],
                        MissingCodes.Below(points.Min(p => p.Value)),
                        shas));
                    choiceValues.Add(null);
                    break;
                case QuestionType.SingleChoice:
                    var options = UnionOfOptions(holders, code);
                    var integers = options.All(o => int.TryParse(o.Code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
                    var codeValues = options
                        .Select((o, i) => (o.Code, Value: integers ? int.Parse(o.Code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : i + 1.0))
                        .ToDictionary(o => o.Code, o => (double)o.Value, StringComparer.Ordinal);
                    values.Add(new DatasetVariable(
                        Unique(names, code), label, DatasetVariableKind.SingleChoice, DatasetValueType.Number, code, null, scale?.Code, reversed,
                        [.. options.Select(o => new ValueLabel(codeValues[o.Code], o.Label)).OrderBy(v => v.Value)],
                        MissingCodes.Below(codeValues.Values.DefaultIfEmpty(0).Min()),
                        shas));
                    choiceValues.Add(codeValues);
                    break;
                case QuestionType.MultipleChoice:
                    foreach (var option in UnionOfOptions(holders, code))
                    {
                        values.Add(new DatasetVariable(
                            Unique(names, $"{code}_{ColumnSafe(option.Code)}"), $"{question.Text}: {option.Label}", DatasetVariableKind.MultipleChoiceOption,
                            DatasetValueType.Number, code, option.Code, scale?.Code, reversed,
                            [new ValueLabel(0, "Not chosen"), new ValueLabel(1, "Chosen")],
                            MissingCodes.Standard,
                            shas));
                        choiceValues.Add(null);
                    }

                    break;
                case QuestionType.Numeric:
                    var unit = question.Numeric?.Unit is { Length: > 0 } u ? $" ({u})" : "";
                    // Without a lower bound in every version no code is safe from colliding with an answer: the cells stay empty.
                    var bounds = holders.Select(h => h.FindItem(code)!.Question.Numeric?.Min).ToList();
                    values.Add(new DatasetVariable(
                        Unique(names, code), label + unit, DatasetVariableKind.Numeric, DatasetValueType.Number, code, null, scale?.Code, reversed,
                        [],
                        bounds.All(b => b is not null) ? MissingCodes.Below((double)bounds.Min()!.Value) : null,
                        shas));
                    choiceValues.Add(null);
                    break;
                default:
                    texts.Add(new DatasetVariable(
                        code, label, DatasetVariableKind.Text, DatasetValueType.Text, code, null, null, false, [], null, shas));
                    break;
            }
        }

        // Scales in the items' order: audience by audience, the newest version's first.
        foreach (var scaleCode in newestFirst.OrderBy(v => v.Audience).SelectMany(v => v.Scales).Select(s => s.Code).Distinct(StringComparer.Ordinal))
        {
            var holders = newestFirst.Where(v => v.FindScale(scaleCode) is not null).ToList();
            var scale = holders[0].FindScale(scaleCode)!;
            var range = scale.Items.Select(i => ScaleScorer.PointRange(holders[0], i)).ToList();
            var name = names.Contains(scaleCode) ? Unique(names, scaleCode + "_score") : Unique(names, scaleCode);
            values.Add(new DatasetVariable(
                name, scale.Name, DatasetVariableKind.ScaleScore, DatasetValueType.Number, null, null, scale.Code, false,
                [],
                MissingCodes.Below(range.Min(r => r.Min)),
                [.. holders.Select(h => h.Sha256).Reverse()]));
            choiceValues.Add(null);
        }

        return new DatasetLayout(studyKey, versionsOldestFirst, values, texts, choiceValues) { StudyId = studyId };
    }

    private static List<ChoiceOption> UnionOfOptions(IEnumerable<Instrument> newestFirst, string code)
    {
        var options = new List<ChoiceOption>();
        foreach (var option in newestFirst.SelectMany(v => v.FindItem(code)!.Question.Options))
        {
            if (!options.Any(o => o.Code == option.Code))
            {
                options.Add(option);
            }
        }

        return options;
    }

    /// <summary>Option codes are free text to the instrument format; a column name keeps letters, digits and '_'.</summary>
    private static string ColumnSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>The name, or the name with <c>_2</c>, <c>_3</c>... when an earlier column (case ignored, as Stata and SPSS do) has it.</summary>
    private static string Unique(HashSet<string> names, string name)
    {
        var candidate = name;
        for (var n = 2; !names.Add(candidate); n++)
        {
            candidate = $"{name}_{n}";
        }

        return candidate;
    }

    private static DatasetVariable Meta(string name, string label, DatasetValueType type) =>
        new(name, label, DatasetVariableKind.Metadata, type, null, null, null, false, [], null, []);
}
