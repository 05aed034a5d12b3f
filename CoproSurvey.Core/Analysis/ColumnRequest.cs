namespace CoproSurvey.Core.Analysis;

/// <summary>How a variable is to be read from a source.</summary>
public enum ColumnKind
{
    /// <summary>Numbers: a value that is not a number is an error naming its place, never a level.</summary>
    Numeric,

    /// <summary>Levels (a factor), whatever the values look like.</summary>
    Categorical,

    /// <summary>
    /// As the source declares the variable: a CSV file declares nothing, so its columns are numeric; a study's dataset
    /// declares countries, policy fields, audiences, service units and single-choice items categorical.
    /// </summary>
    Declared,
}

/// <summary>A variable an analysis reads from a source.</summary>
/// <param name="Name">The variable's name (a CSV header, a dataset column), matched exactly.</param>
/// <param name="Kind">How to read it.</param>
/// <param name="Centred">
/// For numeric variables: also keep the values centred exactly on the first non-missing value
/// (<see cref="Statistics.NumericColumn.Centred"/>), for statistics that take an origin.
/// </param>
/// <param name="MissingCodes">Values that stand for a missing value (an export's codes for don't know, not asked...), or null.</param>
public sealed record ColumnRequest(string Name, ColumnKind Kind = ColumnKind.Numeric, bool Centred = false, IReadOnlySet<double>? MissingCodes = null);
