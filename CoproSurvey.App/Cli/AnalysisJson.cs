using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoproSurvey.App.Cli;

/// <summary>
/// The reports of <c>analyze</c> as one JSON object: members named as the report's properties in camelCase, numbers
/// that round-trip a double, and null for NaN and infinities (JSON has neither; a statistic that cannot be computed,
/// such as the p-value of a zero standard error, is undefined).
/// </summary>
internal static class AnalysisJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new FiniteOrNull() },
    };

    public static string Render(object report) => JsonSerializer.Serialize(report, report.GetType(), Options) + Environment.NewLine;

    private sealed class FiniteOrNull : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
