using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoproSurvey.Core.Instruments;

/// <summary>
/// The canonical JSON of an instrument is written from the parsed model, not from the file: fixed property order,
/// no whitespace, referenced response scales written inline, absent optional parts left out, numbers normalised.
/// Reformatting a file therefore keeps its SHA-256, while any change of content changes it. The canonical JSON is
/// itself a valid instrument file, so a stored version can be loaded again.
/// </summary>
public static class InstrumentCanonicalizer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The canonical JSON of the model (<see cref="Instrument.Sha256"/> itself is not part of it).</summary>
    public static string ToCanonicalJson(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("key", instrument.Key);
            w.WriteString("version", instrument.Version);
            w.WriteString("audience", instrument.Audience == Audience.Citizen ? "citizen" : "professional");
            w.WriteString("title", instrument.Title);
            w.WriteString("language", instrument.Language);
            WriteOptional(w, "introduction", instrument.Introduction);
            WriteArray(w, "sections", instrument.Sections, WriteSection);
            WriteArray(w, "scales", instrument.Scales, WriteScale);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="ToCanonicalJson"/>.</summary>
    public static string ComputeSha256(Instrument instrument) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson(instrument))));

    private static void WriteSection(Utf8JsonWriter w, Section section)
    {
        w.WriteStartObject();
        w.WriteString("code", section.Code);
        w.WriteString("title", section.Title);
        WriteOptional(w, "introduction", section.Introduction);
        WriteCondition(w, "displayCondition", section.DisplayCondition);
        WriteArray(w, "questions", section.Questions, WriteQuestion);
        w.WriteEndObject();
    }

    private static void WriteQuestion(Utf8JsonWriter w, Question q)
    {
        w.WriteStartObject();
        w.WriteString("code", q.Code);
        w.WriteString("type", InstrumentReader.TypeName(q.Type));
        w.WriteString("text", q.Text);
        WriteOptional(w, "help", q.Help);
        w.WriteBoolean("required", q.Required);
        WriteCondition(w, "displayCondition", q.DisplayCondition);
        if (q.ResponseScale is { } scale)
        {
            w.WriteStartObject("scale");
            WriteArray(w, "points", scale.Points, (w, p) =>
            {
                w.WriteStartObject();
                w.WriteNumber("value", p.Value);
                w.WriteString("label", p.Label);
                w.WriteEndObject();
            });
            WriteOptional(w, "dontKnow", scale.DontKnowLabel);
            // Written only when set, so that the hash of a scale without it is what it was before the option existed.
            WriteOptional(w, "notApplicable", scale.NotApplicableLabel);
            w.WriteEndObject();
        }

        if (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            WriteArray(w, "options", q.Options, WriteOption);
        }

        if (q.Numeric is { } numeric)
        {
            w.WriteStartObject("numeric");
            WriteNumber(w, "min", numeric.Min);
            WriteNumber(w, "max", numeric.Max);
            w.WriteBoolean("integer", numeric.IntegerOnly);
            WriteOptional(w, "unit", numeric.Unit);
            w.WriteEndObject();
        }

        if (q.MaxLength is { } maxLength)
        {
            w.WriteNumber("maxLength", maxLength);
        }

        if (q.Type == QuestionType.LikertMatrix)
        {
            WriteArray(w, "rows", q.Rows, (w, r) => WriteCodedText(w, r.Code, "text", r.Text));
        }

        w.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter w, string? name, Condition? condition)
    {
        if (condition is null)
        {
            return;
        }

        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        switch (condition)
        {
            case AnswerCondition leaf:
                w.WriteString("question", leaf.Question);
                w.WriteString("op", InstrumentReader.OperatorName(leaf.Operator));
                WriteArray(w, "values", leaf.Values, (w, v) => w.WriteStringValue(v));
                break;
            case AllCondition all:
                WriteArray(w, "all", all.Conditions, (w, c) => WriteCondition(w, null, c));
                break;
            case AnyCondition any:
                WriteArray(w, "any", any.Conditions, (w, c) => WriteCondition(w, null, c));
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteScale(Utf8JsonWriter w, Scale scale)
    {
        w.WriteStartObject();
        w.WriteString("code", scale.Code);
        w.WriteString("name", scale.Name);
        WriteOptional(w, "description", scale.Description);
        WriteArray(w, "items", scale.Items, (w, i) => w.WriteStringValue(i));
        WriteArray(w, "reversed", scale.Reversed, (w, i) => w.WriteStringValue(i));
        w.WriteNumber("minAnswered", scale.MinAnswered);
        w.WriteEndObject();
    }

    private static void WriteArray<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            writeItem(w, item);
        }

        w.WriteEndArray();
    }

    // "exclusive" is written only when set, so an instrument without exclusive options keeps its hash.
    private static void WriteOption(Utf8JsonWriter w, ChoiceOption option)
    {
        w.WriteStartObject();
        w.WriteString("code", option.Code);
        w.WriteString("label", option.Label);
        if (option.Exclusive)
        {
            w.WriteBoolean("exclusive", true);
        }

        w.WriteEndObject();
    }

    private static void WriteCodedText(Utf8JsonWriter w, string code, string textName, string text)
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString(textName, text);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } number)
        {
            // 10, 10.0 and 1e1 are the same bound: strip the decimal scale so they hash alike.
            w.WritePropertyName(name);
            w.WriteRawValue(Normalize(number).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
