using System.Globalization;
using System.Text.Json;

namespace CoproSurvey.App.Cli;

/// <summary>Numbers for people (tables) and for programs (JSON) in the output of <c>analyze</c>.</summary>
internal static class AnalyzeFormat
{
    /// <summary>
    /// Writes a number member, or null when the value is missing, NaN or infinite: JSON has no NaN or Infinity, and a
    /// statistic that cannot be computed (e.g. a p-value of a zero standard error) is reported as null.
    /// </summary>
    public static void Number(this Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        json.NumberValue(value);
    }

    /// <summary>Writes a number array element, or null as <see cref="Number"/> does.</summary>
    public static void NumberValue(this Utf8JsonWriter json, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>Writes an array of strings.</summary>
    public static void Strings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    /// <summary>Seven significant digits as R prints them (no exponent between 1e-4 and 1e15); NA when undefined.</summary>
    public static string Num(double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return value is { } inf && double.IsInfinity(inf) ? (inf > 0 ? "Inf" : "-Inf") : "NA";
        }

        var magnitude = Math.Abs(v);
        if (v == 0 || magnitude < 1e-4 || magnitude >= 1e15)
        {
            return v == 0 ? "0" : v.ToString("0.######e+00", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Clamp(7 - ((int)Math.Floor(Math.Log10(magnitude)) + 1), 0, 15);
        return v.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>A count or degrees of freedom: whole numbers without decimals, Welch's fractional df with four.</summary>
    public static string Df(double value) =>
        value == Math.Floor(value) ? value.ToString("F0", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A p-value as R prints it: below 2.2e-16 as "&lt; 2e-16", small ones in exponent form.</summary>
    public static string P(double? p) => p switch
    {
        null => "NA",
        { } v when double.IsNaN(v) => "NA",
        < 2.2e-16 => "< 2e-16",
        < 1e-4 => p.Value.ToString("0.00e+00", CultureInfo.InvariantCulture),
        _ => p.Value.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    /// <summary>R's significance codes.</summary>
    public static string Stars(double? p) => p switch
    {
        null => "",
        < 0.001 => "***",
        < 0.01 => "**",
        < 0.05 => "*",
        < 0.1 => ".",
        _ => "",
    };

    public const string StarsLegend = "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1";

    /// <summary>
    /// Writes an aligned table: the first column left-aligned (names), the others right-aligned (numbers); the
    /// header row first.
    /// </summary>
    public static void Table(TextWriter text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        foreach (var row in all)
        {
            var cells = Enumerable.Range(0, header.Count).Select(c =>
            {
                var cell = c < row.Count ? row[c] : "";
                return c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]);
            });
            text.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
