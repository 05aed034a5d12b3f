using System.Globalization;
using System.Text;
using CoproSurvey.Core.Datasets;

namespace CoproSurvey.Core.Export;

/// <summary>
/// Scripts that load a bundle's data.csv with its variable labels, value labels and missing codes: R (codes become NA,
/// labelled variables become factors), Stata (codes become the extended missing values .a don't know, .b not asked,
/// .c not reached, .d not answered, .e not applicable) and SPSS (codes declared as MISSING VALUES and labelled). Each is run from the
/// bundle's folder.
/// </summary>
internal static class LoadScripts
{
    private static readonly string[] StataMissing = [".a", ".b", ".c", ".d", ".e"];

    public static string R(DatasetLayout layout)
    {
        var r = new StringBuilder();
        r.Append("# Loads data.csv of the CoproSurvey export of study ").Append(RString(layout.StudyKey)).Append(" into the data frame `survey`:\n")
            .Append("# missing codes become NA, variables with value labels become factors, each column gets its label as attribute \"label\".\n")
            .Append("# Run from the bundle's folder: source(\"load.R\", encoding = \"UTF-8\")\n\n")
            .Append("survey <- read.csv(\"data.csv\", fileEncoding = \"UTF-8\", check.names = FALSE, stringsAsFactors = FALSE, na.strings = \"\",\n")
            .Append("  colClasses = c(");
        r.AppendJoin(", ", layout.DataColumns.Select(c => $"{RString(c.Name)} = {(c.ValueType == DatasetValueType.Number ? "\"numeric\"" : "\"character\"")}"));
        r.Append("))\n\n# Missing codes (don't know, not asked, not reached, not answered, not applicable) to NA\n");
        foreach (var v in layout.Values.Where(v => v.MissingCodes is not null))
        {
            r.Append("survey[[").Append(RString(v.Name)).Append("]][survey[[").Append(RString(v.Name)).Append("]] %in% c(")
                .AppendJoin(", ", v.MissingCodes!.All().Select(c => ExportFormat.Number(c.Code))).Append(")] <- NA\n");
        }

        r.Append("\n# Value labels\n");
        foreach (var v in layout.Values.Where(v => v.ValueLabels.Count > 0))
        {
            r.Append("survey[[").Append(RString(v.Name)).Append("]] <- factor(survey[[").Append(RString(v.Name)).Append("]], levels = c(")
                .AppendJoin(", ", v.ValueLabels.Select(l => ExportFormat.Number(l.Value))).Append("), labels = c(")
                .AppendJoin(", ", v.ValueLabels.Select(l => RString(l.Label))).Append("))\n");
        }

        r.Append("\n# Variable labels\n");
        foreach (var v in layout.DataColumns)
        {
            r.Append("attr(survey[[").Append(RString(v.Name)).Append("]], \"label\") <- ").Append(RString(v.Label)).Append('\n');
        }

        return r.ToString();
    }

    public static string Stata(DatasetLayout layout)
    {
        var s = new StringBuilder();
        var columns = layout.DataColumns.ToList();
        var strings = columns.Select((c, i) => (c, i)).Where(x => x.c.ValueType != DatasetValueType.Number).Select(x => (x.i + 1).ToString(CultureInfo.InvariantCulture));
        s.Append("* Loads data.csv of the CoproSurvey export of study ").Append(Line(layout.StudyKey)).Append(" with labels and missing values:\n")
            .Append("* .a don't know, .b not asked, .c not reached, .d not answered, .e not applicable. Run from the bundle's folder: do load.do\n\n")
            .Append("import delimited using \"data.csv\", varnames(1) case(preserve) encoding(\"utf-8\") delimiters(\",\") bindquote(strict) stringcols(")
            .AppendJoin(" ", strings).Append(") clear\n\n");
        foreach (var v in columns)
        {
            s.Append("label variable ").Append(v.Name).Append(' ').Append(StataString(v.Label.Length > 80 ? v.Label[..80] : v.Label)).Append('\n');
        }

        s.Append('\n');
        for (var i = 0; i < layout.Values.Count; i++)
        {
            var v = layout.Values[i];
            if (v.MissingCodes is not { } codes)
            {
                continue;
            }

            s.Append("mvdecode ").Append(v.Name).Append(", mv(")
                .AppendJoin(" \\ ", codes.All().Select(c => $"{ExportFormat.Number(c.Code)}={StataMissing[(int)c.Reason]}")).Append(")\n");
            s.Append("label define vl").Append(i + 1);
            foreach (var label in v.ValueLabels)
            {
                s.Append(' ').Append(ExportFormat.Number(label.Value)).Append(' ').Append(StataString(label.Label));
            }

            foreach (var (reason, _) in codes.All())
            {
                s.Append(' ').Append(StataMissing[(int)reason]).Append(' ').Append(StataString(ExportFormat.Reason(reason)));
            }

            s.Append(", replace\nlabel values ").Append(v.Name).Append(" vl").Append(i + 1).Append('\n');
        }

        return s.ToString();
    }

    public static string Spss(DatasetLayout layout)
    {
        var s = new StringBuilder();
        s.Append("* Loads data.csv of the CoproSurvey export of study ").Append(Line(layout.StudyKey)).Append(" with labels and missing values.\n")
            .Append("* Run from the bundle's folder (or put its path in FILE).\n\n")
            .Append("GET DATA\n  /TYPE=TXT\n  /FILE='data.csv'\n  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n")
            .Append("  /FIRSTCASE=2\n  /DELIMITERS=','\n  /QUALIFIER='\"'\n  /VARIABLES=\n");
        foreach (var v in layout.DataColumns)
        {
            s.Append("    ").Append(v.Name).Append(' ').Append(SpssFormat(v)).Append('\n');
        }

        s.Append(".\nEXECUTE.\n\nVARIABLE LABELS\n  ")
            .AppendJoin("\n  /", layout.DataColumns.Select(v => $"{v.Name} {SpssString(v.Label)}"))
            .Append(".\n");
        var labelled = layout.Values.Where(v => v.ValueLabels.Count > 0 || v.MissingCodes is not null).ToList();
        if (labelled.Count > 0)
        {
            s.Append("\nVALUE LABELS\n  ").AppendJoin("\n  /", labelled.Select(v => v.Name + " " + string.Join(" ",
                v.ValueLabels.Select(l => $"{ExportFormat.Number(l.Value)} {SpssString(l.Label)}")
                    .Concat(v.MissingCodes?.All().Select(c => $"{ExportFormat.Number(c.Code)} {SpssString(ExportFormat.Reason(c.Reason))}") ?? []))))
                .Append(".\n");
        }

        var missing = layout.Values.Where(v => v.MissingCodes is not null).ToList();
        if (missing.Count > 0)
        {
            // The codes are consecutive and below every valid value, so one range declares them all.
            s.Append("\nMISSING VALUES\n  ").AppendJoin("\n  /", missing.Select(v =>
                $"{v.Name} ({ExportFormat.Number(v.MissingCodes!.Lowest)} THRU {ExportFormat.Number(v.MissingCodes.DontKnow)})"))
                .Append(".\n");
        }

        return s.ToString();
    }

    private static string SpssFormat(DatasetVariable v) => v.ValueType switch
    {
        DatasetValueType.Number when v.Kind is DatasetVariableKind.Metadata && v.Name == "response_id" => "F10.0",
        DatasetValueType.Number when v.Kind is DatasetVariableKind.Likert or DatasetVariableKind.SingleChoice or DatasetVariableKind.MultipleChoiceOption => "F8.0",
        DatasetValueType.Number => "F17.6",
        DatasetValueType.Time => "A32",
        _ => "A64",
    };

    private static string RString(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    /// <summary>A Stata compound-quoted string; backquote and dollar would start a macro, so they are escaped.</summary>
    private static string StataString(string text) =>
        "`\"" + Line(text).Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal) + "\"'";

    private static string SpssString(string text) => "'" + Line(text).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Line(string text) => text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
