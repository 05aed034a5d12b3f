namespace CoproSurvey.Core.Analysis.Tabular;

/// <summary>How a requested column is to be read.</summary>
public enum CsvColumnKind
{
    /// <summary>Every non-missing cell must be a number; any other text is an error.</summary>
    Numeric,

    /// <summary>Cells are kept as text levels (a factor), whatever they look like.</summary>
    Categorical,
}

/// <summary>A column to read from a CSV file.</summary>
/// <param name="Name">The header name, matched exactly.</param>
/// <param name="Kind">How to read the cells.</param>
/// <param name="Centred">
/// For numeric columns: also keep the values centred on the first non-missing value, the subtraction done exactly in
/// decimal before the conversion to double (see <see cref="NumericColumn.Centred"/>).
/// </param>
public sealed record CsvColumnRequest(string Name, CsvColumnKind Kind = CsvColumnKind.Numeric, bool Centred = false);
