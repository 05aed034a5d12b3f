using System.Globalization;
using CoproSurvey.Core.Datasets;
using CsvHelper;

namespace CoproSurvey.Core.Export;

/// <summary>How bundle files write values: invariant culture, UTC ISO 8601 times, missing reasons as their declared codes.</summary>
internal static class ExportFormat
{
    /// <summary>RFC 4180, UTF-8 without BOM; text that a spreadsheet would run as a formula gets a leading apostrophe (numbers are written as numbers and keep their sign).</summary>
    public static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape, InjectionCharacters = FormulaStarts };

    /// <summary>
    /// The first characters that make a text cell a possible formula, as OWASP lists them: = + - @, tab, CR and LF
    /// (CsvHelper's default leaves out LF). The import takes the apostrophe off again.
    /// </summary>
    public const string FormulaStarts = "=@+-\t\r\n";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Audience(Instruments.Audience audience) => audience.ToString().ToLowerInvariant();

    public static string Status(DatasetStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The words a codebook uses for a missing reason.</summary>
    public static string Reason(MissingReason reason) => reason switch
    {
        MissingReason.DontKnow => "don't know",
        MissingReason.NotAsked => "not asked",
        MissingReason.NotReached => "not reached",
        MissingReason.NotAnswered => "not answered",
        MissingReason.NotApplicable => "not applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string Kind(DatasetVariable variable) => variable.Kind switch
    {
        DatasetVariableKind.Metadata => variable.ValueType switch
        {
            DatasetValueType.Number => "number",
            DatasetValueType.Time => "time",
            _ => "text",
        },
        DatasetVariableKind.Likert => "likert",
        DatasetVariableKind.SingleChoice => "single choice",
        DatasetVariableKind.MultipleChoiceOption => "multiple choice option",
        DatasetVariableKind.Numeric => "numeric",
        DatasetVariableKind.Text => "text",
        DatasetVariableKind.ScaleScore => "scale score",
        _ => throw new ArgumentOutOfRangeException(nameof(variable), variable.Kind, null),
    };
}
