using System.Globalization;
using System.Text.RegularExpressions;

namespace CoproSurvey.Core.Instruments;

/// <summary>
/// Cross-reference checks of a read instrument: codes (unique, usable as dataset column names), display conditions
/// (earlier pages only, values the referenced question can take) and construct scales (Likert items on one range).
/// </summary>
internal sealed partial class InstrumentValidator(ProblemSink sink, InstrumentReader reader)
{
    /// <summary>Item codes become dataset column names: lower case, start with a letter, at most 32 characters.</summary>
    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    public static partial Regex CodePattern();

    private sealed record ItemInfo(Question Question, int SectionIndex, string SectionCode, int[]? Points);

    private readonly Dictionary<string, ItemInfo> items = new(StringComparer.Ordinal);
    private readonly HashSet<string> matrixCodes = new(StringComparer.Ordinal);

    public void Validate(Instrument instrument)
    {
        CheckSectionCodes(instrument);
        CheckItemCodes(instrument);
        for (var si = 0; si < instrument.Sections.Count; si++)
        {
            var section = instrument.Sections[si];
            CheckCondition(section.DisplayCondition, si);
            foreach (var question in section.Questions)
            {
                CheckCondition(question.DisplayCondition, si);
            }
        }

        CheckScales(instrument);
    }

    private string PathOf(object modelObject) => reader.Paths.TryGetValue(modelObject, out var path) ? path : "$";

    private void CheckCode(string code, string path, string what)
    {
        if (code.Length > 0 && !CodePattern().IsMatch(code))
        {
            sink.Add(path, $"{what} '{code}' must match ^[a-z][a-z0-9_]{{0,31}}$ (lower case letter first, then lower case letters, digits or '_'; it becomes a dataset column name)");
        }
    }

    private void CheckSectionCodes(Instrument instrument)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in instrument.Sections)
        {
            var path = PathOf(section) + ".code";
            CheckCode(section.Code, path, "section code");
            if (section.Code.Length > 0 && !seen.TryAdd(section.Code, path))
            {
                sink.Add(path, $"duplicate section code '{section.Code}' (first used at {seen[section.Code]})");
            }
        }
    }

    private void CheckItemCodes(Instrument instrument)
    {
        // Item codes and matrix block codes share one namespace: conditions and answers are keyed by them.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        void Register(string code, string path, string what)
        {
            CheckCode(code, path, what);
            if (code.Length > 0 && !seen.TryAdd(code, path))
            {
                sink.Add(path, $"duplicate item code '{code}' (first used at {seen[code]})");
            }
        }

        for (var si = 0; si < instrument.Sections.Count; si++)
        {
            var section = instrument.Sections[si];
            foreach (var question in section.Questions)
            {
                var points = question.ResponseScale?.Points.Select(p => p.Value).ToArray();
                var code = question.Code;
                Register(code, PathOf(question) + ".code", question.Type == QuestionType.LikertMatrix ? "matrix code" : "item code");
                if (question.Type == QuestionType.LikertMatrix)
                {
                    matrixCodes.Add(code);
                    foreach (var row in question.Rows)
                    {
                        Register(row.Code, PathOf(row) + ".code", "item code");
                        items.TryAdd(row.Code, new ItemInfo(question, si, section.Code, points));
                    }
                }
                else
                {
                    items.TryAdd(code, new ItemInfo(question, si, section.Code, points));
                }
            }
        }

        // A scale's score becomes a column too, so it may not take an item's name; sharing its matrix's code is natural.
        var scaleCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scale in instrument.Scales)
        {
            var path = PathOf(scale) + ".code";
            CheckCode(scale.Code, path, "scale code");
            if (scale.Code.Length == 0)
            {
                continue;
            }

            if (items.ContainsKey(scale.Code))
            {
                sink.Add(path, $"scale code '{scale.Code}' is already an item code (at {seen[scale.Code]})");
            }
            else if (!scaleCodes.TryAdd(scale.Code, path))
            {
                sink.Add(path, $"duplicate scale code '{scale.Code}' (first used at {scaleCodes[scale.Code]})");
            }
        }
    }

    private void CheckCondition(Condition? condition, int sectionIndex)
    {
        switch (condition)
        {
            case AllCondition all:
                all.Conditions.ToList().ForEach(c => CheckCondition(c, sectionIndex));
                break;
            case AnyCondition any:
                any.Conditions.ToList().ForEach(c => CheckCondition(c, sectionIndex));
                break;
            case AnswerCondition leaf:
                CheckLeaf(leaf, sectionIndex, PathOf(leaf));
                break;
        }
    }

    private void CheckLeaf(AnswerCondition leaf, int sectionIndex, string path)
    {
        var questionPath = path + ".question";
        if (leaf.Question.Length == 0 || reader.UnreadableQuestionCodes.Contains(leaf.Question))
        {
            return;
        }

        if (!items.TryGetValue(leaf.Question, out var target))
        {
            sink.Add(questionPath, matrixCodes.Contains(leaf.Question)
                ? $"condition refers to the matrix '{leaf.Question}'; name one of its rows instead"
                : $"condition refers to unknown question '{leaf.Question}'");
            return;
        }

        if (target.SectionIndex > sectionIndex)
        {
            sink.Add(questionPath, $"condition refers to question '{leaf.Question}' on a later page (section '{target.SectionCode}'); conditions may only use answers from earlier pages");
            return;
        }

        if (target.SectionIndex == sectionIndex)
        {
            sink.Add(questionPath, $"condition refers to question '{leaf.Question}' on the same page (section '{target.SectionCode}'); conditions may only use answers from earlier pages");
            return;
        }

        CheckValues(leaf, target.Question, path);
    }

    private void CheckValues(AnswerCondition leaf, Question target, string path)
    {
        var op = InstrumentReader.OperatorName(leaf.Operator);
        var type = InstrumentReader.TypeName(target.Type);
        if (leaf.Operator == ConditionOperator.Answered)
        {
            return;
        }

        if (target.Type is QuestionType.ShortText or QuestionType.LongText)
        {
            sink.Add(path + ".op", $"'{op}' cannot be used on the {type} question '{leaf.Question}'; only 'answered' can");
            return;
        }

        var ordered = leaf.Operator is ConditionOperator.GreaterThan or ConditionOperator.LessThan;
        if (ordered && target.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            sink.Add(path + ".op", $"'{op}' needs a numeric or Likert question, but '{leaf.Question}' is {type}");
            return;
        }

        for (var i = 0; i < leaf.Values.Count; i++)
        {
            var value = leaf.Values[i];
            var valuePath = $"{path}.values[{i}]";
            string? allowed = null;
            if (ordered || target.Type == QuestionType.Numeric)
            {
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                {
                    sink.Add(valuePath, $"condition value '{value}' is not a number");
                }
            }
            else if (target.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
            {
                var codes = target.Options.Select(o => o.Code).ToList();
                allowed = codes.Contains(value) ? null : "options " + string.Join(", ", codes);
            }
            else if (target.ResponseScale is { } scale)
            {
                var points = scale.Points.Select(p => p.Value.ToString(CultureInfo.InvariantCulture)).ToList();
                allowed = points.Contains(value) ? null : "points " + string.Join(", ", points);
            }

            if (allowed is not null)
            {
                sink.Add(valuePath, $"condition value '{value}' is not among the {allowed} of question '{leaf.Question}'");
            }
        }
    }

    private void CheckScales(Instrument instrument)
    {
        foreach (var scale in instrument.Scales)
        {
            var path = PathOf(scale);
            if (scale.Items.Count < 2)
            {
                sink.Add(path + ".items", $"a scale needs at least 2 items, found {scale.Items.Count}");
            }

            ItemInfo? first = null;
            string? firstCode = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < scale.Items.Count; i++)
            {
                var code = scale.Items[i];
                var itemPath = $"{path}.items[{i}]";
                if (!seen.Add(code))
                {
                    sink.Add(itemPath, $"item '{code}' is listed twice");
                    continue;
                }

                if (!items.TryGetValue(code, out var info))
                {
                    sink.Add(itemPath, $"scale names unknown item '{code}'");
                    continue;
                }

                if (info.Question.Type is not (QuestionType.Likert or QuestionType.LikertMatrix))
                {
                    sink.Add(itemPath, $"item '{code}' is a {InstrumentReader.TypeName(info.Question.Type)} question; scale items must be Likert items or matrix rows");
                    continue;
                }

                if (info.Points is not { Length: > 0 } points)
                {
                    continue;
                }

                if (first?.Points is null)
                {
                    first = info;
                    firstCode = code;
                }
                else if (points.Min() != first.Points.Min() || points.Max() != first.Points.Max())
                {
                    sink.Add(itemPath, $"item '{code}' uses points {points.Min()}..{points.Max()} but '{firstCode}' uses {first.Points.Min()}..{first.Points.Max()}; items of one scale need the same range");
                }
            }

            var reversedSeen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < scale.Reversed.Count; i++)
            {
                if (!scale.Items.Contains(scale.Reversed[i]))
                {
                    sink.Add($"{path}.reversed[{i}]", $"reversed item '{scale.Reversed[i]}' is not among the scale's items");
                }
                else if (!reversedSeen.Add(scale.Reversed[i]))
                {
                    sink.Add($"{path}.reversed[{i}]", $"reversed item '{scale.Reversed[i]}' is listed twice");
                }
            }

            if (scale.MinAnswered < 1 || scale.MinAnswered > Math.Max(scale.Items.Count, 1))
            {
                sink.Add(path + ".minAnswered", $"minAnswered must be between 1 and the number of items ({scale.Items.Count}), found {scale.MinAnswered}");
            }
        }
    }
}
