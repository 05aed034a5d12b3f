using System.Text.Json;

namespace CoproSurvey.Core.Instruments;

/// <summary>
/// Turns an instrument JSON document into the model, reporting structural and local problems (missing fields,
/// unknown types, bad scales, options, bounds). Remembers the JSON path of every model object so that the
/// cross-reference checks of <see cref="InstrumentValidator"/> can name where a problem lies.
/// </summary>
internal sealed class InstrumentReader(ProblemSink sink)
{
    private static readonly string[] InstrumentProperties =
        ["$schema", "key", "version", "audience", "title", "language", "introduction", "responseScales", "sections", "scales"];

    private static readonly string[] SectionProperties = ["code", "title", "introduction", "displayCondition", "questions"];

    private static readonly string[] QuestionProperties =
        ["code", "type", "text", "help", "required", "displayCondition", "scale", "scaleRef", "options", "numeric", "maxLength", "rows"];

    private static readonly string[] ResponseScaleProperties = ["points", "dontKnow", "notApplicable"];
    private static readonly string[] PointProperties = ["value", "label"];
    private static readonly string[] OptionProperties = ["code", "label", "exclusive"];
    private static readonly string[] NumericProperties = ["min", "max", "integer", "unit"];
    private static readonly string[] RowProperties = ["code", "text"];
    private static readonly string[] ConditionProperties = ["question", "op", "values", "all", "any"];
    private static readonly string[] ScaleProperties = ["code", "name", "description", "items", "reversed", "minAnswered"];

    private static readonly Dictionary<string, QuestionType> QuestionTypes = new(StringComparer.Ordinal)
    {
        ["likert"] = QuestionType.Likert,
        ["singleChoice"] = QuestionType.SingleChoice,
        ["multipleChoice"] = QuestionType.MultipleChoice,
        ["numeric"] = QuestionType.Numeric,
        ["shortText"] = QuestionType.ShortText,
        ["longText"] = QuestionType.LongText,
        ["likertMatrix"] = QuestionType.LikertMatrix,
    };

    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
    {
        ["in"] = ConditionOperator.In,
        ["notIn"] = ConditionOperator.NotIn,
        ["greaterThan"] = ConditionOperator.GreaterThan,
        ["lessThan"] = ConditionOperator.LessThan,
        ["answered"] = ConditionOperator.Answered,
    };

    private readonly Dictionary<string, ResponseScale> namedScales = new(StringComparer.Ordinal);

    /// <summary>JSON path of each section, question, matrix row, condition and construct scale (by reference).</summary>
    public Dictionary<object, string> Paths { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The name of the shared response scale (<c>scaleRef</c>) each question uses, by question code.</summary>
    public Dictionary<string, string> ScaleRefs { get; } = new(StringComparer.Ordinal);

    /// <summary>The names defined under <c>$.responseScales</c>.</summary>
    public IEnumerable<string> NamedScales => namedScales.Keys;

    /// <summary>Codes of questions left out of the model because their type was unusable (conditions on them are not reported again).</summary>
    public HashSet<string> UnreadableQuestionCodes { get; } = new(StringComparer.Ordinal);

    public static string TypeName(QuestionType type) => QuestionTypes.First(p => p.Value == type).Key;

    public static string OperatorName(ConditionOperator op) => Operators.First(p => p.Value == op).Key;

    public Instrument? Read(JsonElement root)
    {
        var o = JsonObjectReader.Open(sink, root, "$", InstrumentProperties);
        if (o is null)
        {
            return null;
        }

        var key = o.String("key", required: true)!;
        var version = o.String("version", required: true)!;
        var audienceText = o.String("audience", required: true)!;
        var audience = Audience.Citizen;
        switch (audienceText)
        {
            case "citizen":
                break;
            case "professional":
                audience = Audience.Professional;
                break;
            case "":
                break;
            default:
                sink.Add(o.PathOf("audience"), $"unknown audience '{audienceText}' (expected citizen or professional)");
                break;
        }

        var title = o.String("title", required: true)!;
        var language = o.String("language", required: true)!;
        var introduction = o.String("introduction", required: false);
        ReadNamedScales(o);
        var sections = o.Array("sections", required: true).Select(s => ReadSection(s.Element, s.Path)).OfType<Section>().ToList();
        var scales = o.Array("scales", required: false).Select(s => ReadScale(s.Element, s.Path)).OfType<Scale>().ToList();
        return new Instrument(key, version, audience, title, language, introduction, sections, scales, Sha256: "");
    }

    private void ReadNamedScales(JsonObjectReader o)
    {
        if (o.Raw("responseScales") is not { } map)
        {
            return;
        }

        var path = o.PathOf("responseScales");
        if (map.ValueKind != JsonValueKind.Object)
        {
            sink.Add(path, $"must be an object mapping scale names to scales, found {JsonObjectReader.Describe(map)}");
            return;
        }

        foreach (var property in map.EnumerateObject())
        {
            var scale = ReadResponseScale(property.Value, ProblemSink.Child(path, property.Name));
            if (scale is not null && !namedScales.TryAdd(property.Name, scale))
            {
                sink.Add(ProblemSink.Child(path, property.Name), $"duplicate response scale name '{property.Name}'");
            }
        }
    }

    private Section? ReadSection(JsonElement element, string path)
    {
        var o = JsonObjectReader.Open(sink, element, path, SectionProperties);
        if (o is null)
        {
            return null;
        }

        var section = new Section(
            o.String("code", required: true)!,
            o.String("title", required: true)!,
            o.String("introduction", required: false),
            ReadCondition(o, "displayCondition"),
            o.Array("questions", required: true).Select(q => ReadQuestion(q.Element, q.Path)).OfType<Question>().ToList());
        Paths[section] = path;
        return section;
    }

    private Question? ReadQuestion(JsonElement element, string path)
    {
        var o = JsonObjectReader.Open(sink, element, path, QuestionProperties);
        if (o is null)
        {
            return null;
        }

        var code = o.String("code", required: true)!;
        var typeText = o.String("type", required: true)!;
        var text = o.String("text", required: true)!;
        var help = o.String("help", required: false);
        var required = o.Boolean("required") ?? false;
        var condition = ReadCondition(o, "displayCondition");

        if (!QuestionTypes.TryGetValue(typeText, out var type))
        {
            if (typeText.Length > 0)
            {
                sink.Add(o.PathOf("type"), $"unknown question type '{typeText}' (expected one of: {string.Join(", ", QuestionTypes.Keys)})");
            }

            UnreadableQuestionCodes.Add(code);
            return null;
        }

        var isLikert = type is QuestionType.Likert or QuestionType.LikertMatrix;
        var isChoice = type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
        var isText = type is QuestionType.ShortText or QuestionType.LongText;
        var scale = isLikert ? ReadQuestionScale(o, code) : null;
        var options = isChoice ? ReadOptions(o, type) : [];
        var numeric = type == QuestionType.Numeric ? ReadNumeric(o) : null;
        var maxLength = isText ? ReadMaxLength(o) : null;
        var rows = type == QuestionType.LikertMatrix ? ReadRows(o) : [];

        var typeName = TypeName(type);
        RejectUnused(o, "scale", typeName, isLikert, "likert and likertMatrix");
        RejectUnused(o, "scaleRef", typeName, isLikert, "likert and likertMatrix");
        RejectUnused(o, "options", typeName, isChoice, "singleChoice and multipleChoice");
        RejectUnused(o, "numeric", typeName, type == QuestionType.Numeric, "numeric");
        RejectUnused(o, "maxLength", typeName, isText, "shortText and longText");
        RejectUnused(o, "rows", typeName, type == QuestionType.LikertMatrix, "likertMatrix");

        var question = new Question(code, type, text, help, required, condition, scale, options, numeric, maxLength, rows);
        Paths[question] = path;
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            Paths[row] = ProblemSink.Index(o.PathOf("rows"), index);
        }

        return question;
    }

    private void RejectUnused(JsonObjectReader o, string name, string typeName, bool used, string usedBy)
    {
        if (!used && o.Has(name))
        {
            sink.Add(o.PathOf(name), $"'{name}' is only used by {usedBy} questions, not by {typeName}");
        }
    }

    private ResponseScale? ReadQuestionScale(JsonObjectReader o, string code)
    {
        var hasInline = o.Has("scale");
        var hasRef = o.Has("scaleRef");
        if (hasInline && hasRef)
        {
            sink.Add(o.Path, "give either 'scale' or 'scaleRef', not both");
            return null;
        }

        if (hasInline)
        {
            return ReadResponseScale(o.Raw("scale")!.Value, o.PathOf("scale"));
        }

        if (!hasRef)
        {
            sink.Add(o.PathOf("scale"), "a Likert question needs a response scale: give 'scale' or 'scaleRef'");
            return null;
        }

        var name = o.String("scaleRef", required: true)!;
        if (name.Length == 0)
        {
            return null;
        }

        if (namedScales.TryGetValue(name, out var named))
        {
            ScaleRefs[code] = name;
            return named;
        }

        sink.Add(o.PathOf("scaleRef"), $"unknown response scale '{name}' (define it under $.responseScales)");
        return null;
    }

    private ResponseScale? ReadResponseScale(JsonElement element, string path)
    {
        var o = JsonObjectReader.Open(sink, element, path, ResponseScaleProperties);
        if (o is null)
        {
            return null;
        }

        var pointsPath = o.PathOf("points");
        var points = new List<ScalePoint>();
        foreach (var (pointElement, pointPath) in o.Array("points", required: true))
        {
            var p = JsonObjectReader.Open(sink, pointElement, pointPath, PointProperties);
            if (p is null)
            {
                continue;
            }

            var value = p.Integer("value", required: true);
            var label = p.String("label", required: true)!;
            if (value is { } v)
            {
                points.Add(new ScalePoint(v, label));
            }
        }

        if (o.Has("points") && points.Count < 2)
        {
            sink.Add(pointsPath, $"a Likert scale needs at least 2 points, found {points.Count}");
        }

        var duplicates = points.GroupBy(p => p.Value).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            sink.Add(pointsPath, $"duplicate point value(s): {string.Join(", ", duplicates)}");
        }
        else
        {
            for (var i = 1; i < points.Count; i++)
            {
                if (points[i].Value <= points[i - 1].Value)
                {
                    sink.Add(ProblemSink.Index(pointsPath, i), $"point values must be increasing: {points[i].Value} follows {points[i - 1].Value}");
                }
            }
        }

        return new ResponseScale(points, o.String("dontKnow", required: false), o.String("notApplicable", required: false));
    }

    private List<ChoiceOption> ReadOptions(JsonObjectReader o, QuestionType type)
    {
        var options = new List<ChoiceOption>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, path) in o.Array("options", required: true))
        {
            var p = JsonObjectReader.Open(sink, element, path, OptionProperties);
            if (p is null)
            {
                continue;
            }

            var code = p.String("code", required: true)!;
            var label = p.String("label", required: true)!;
            var exclusive = p.Boolean("exclusive") ?? false;
            if (code.Length > 0 && !seen.Add(code))
            {
                sink.Add(p.PathOf("code"), $"duplicate option code '{code}'");
            }

            if (p.Has("exclusive") && type != QuestionType.MultipleChoice)
            {
                sink.Add(p.PathOf("exclusive"), "'exclusive' is only used by multipleChoice options: a single choice excludes the others anyway");
            }

            options.Add(new ChoiceOption(code, label, exclusive));
        }

        if (type == QuestionType.MultipleChoice && options.Count > 0 && options.All(x => x.Exclusive))
        {
            sink.Add(o.PathOf("options"), "every option is exclusive; a multiple-choice question needs at least one option that can be combined (or use singleChoice)");
        }

        if (type == QuestionType.SingleChoice && o.Has("options") && options.Count == 1)
        {
            sink.Add(o.PathOf("options"), "a single-choice question needs at least 2 options");
        }

        return options;
    }

    private NumericBounds? ReadNumeric(JsonObjectReader o)
    {
        if (o.Raw("numeric") is not { } element)
        {
            return null;
        }

        var n = JsonObjectReader.Open(sink, element, o.PathOf("numeric"), NumericProperties);
        if (n is null)
        {
            return null;
        }

        var bounds = new NumericBounds(n.Decimal("min"), n.Decimal("max"), n.Boolean("integer") ?? false, n.String("unit", required: false));
        if (bounds is { Min: { } min, Max: { } max } && min > max)
        {
            sink.Add(n.Path, $"min ({min}) is greater than max ({max})");
        }

        return bounds;
    }

    private int? ReadMaxLength(JsonObjectReader o)
    {
        var maxLength = o.Integer("maxLength", required: true);
        if (maxLength < 1)
        {
            sink.Add(o.PathOf("maxLength"), $"maxLength must be at least 1, found {maxLength}");
        }

        return maxLength;
    }

    private List<MatrixRow> ReadRows(JsonObjectReader o)
    {
        var rows = new List<MatrixRow>();
        foreach (var (element, path) in o.Array("rows", required: true))
        {
            var r = JsonObjectReader.Open(sink, element, path, RowProperties);
            if (r is not null)
            {
                rows.Add(new MatrixRow(r.String("code", required: true)!, r.String("text", required: true)!));
            }
        }

        return rows;
    }

    private Condition? ReadCondition(JsonObjectReader parent, string name) =>
        parent.Raw(name) is { } element ? ReadCondition(element, parent.PathOf(name)) : null;

    private Condition? ReadCondition(JsonElement element, string path)
    {
        var o = JsonObjectReader.Open(sink, element, path, ConditionProperties);
        if (o is null)
        {
            return null;
        }

        var forms = new[] { "question", "all", "any" }.Count(o.Has);
        if (forms != 1)
        {
            sink.Add(path, "a condition has exactly one of 'question' (with 'op' and 'values'), 'all' or 'any'");
            return null;
        }

        Condition? condition;
        if (o.Has("all") || o.Has("any"))
        {
            var which = o.Has("all") ? "all" : "any";
            foreach (var stray in new[] { "op", "values" }.Where(o.Has))
            {
                sink.Add(o.PathOf(stray), $"'{stray}' belongs to a question condition, not to '{which}'");
            }

            var parts = o.Array(which, required: true).Select(c => ReadCondition(c.Element, c.Path)).OfType<Condition>().ToList();
            condition = which == "all" ? new AllCondition(parts) : new AnyCondition(parts);
        }
        else
        {
            var question = o.String("question", required: true)!;
            var opText = o.String("op", required: true)!;
            var values = o.StringArray("values", required: false);
            if (!Operators.TryGetValue(opText, out var op))
            {
                if (opText.Length > 0)
                {
                    sink.Add(o.PathOf("op"), $"unknown operator '{opText}' (expected one of: {string.Join(", ", Operators.Keys)})");
                }

                return null;
            }

            switch (op)
            {
                case ConditionOperator.Answered when values.Count > 0:
                    sink.Add(o.PathOf("values"), "'answered' takes no values");
                    break;
                case ConditionOperator.In or ConditionOperator.NotIn when values.Count == 0:
                    sink.Add(o.PathOf("values"), $"'{opText}' needs at least one value");
                    break;
                case ConditionOperator.GreaterThan or ConditionOperator.LessThan when values.Count != 1:
                    sink.Add(o.PathOf("values"), $"'{opText}' needs exactly one value, found {values.Count}");
                    break;
            }

            condition = new AnswerCondition(question, op, values);
        }

        Paths[condition] = path;
        return condition;
    }

    private Scale? ReadScale(JsonElement element, string path)
    {
        var o = JsonObjectReader.Open(sink, element, path, ScaleProperties);
        if (o is null)
        {
            return null;
        }

        var code = o.String("code", required: true)!;
        var name = o.String("name", required: true)!;
        var description = o.String("description", required: false);
        var items = o.StringArray("items", required: true);
        var reversed = o.StringArray("reversed", required: false);

        // A missing minAnswered is reported here; defaulting to all items keeps the range check from repeating it.
        var minAnswered = o.Integer("minAnswered", required: true) ?? items.Count;
        var scale = new Scale(code, name, description, items, reversed, minAnswered);
        Paths[scale] = path;
        return scale;
    }
}
