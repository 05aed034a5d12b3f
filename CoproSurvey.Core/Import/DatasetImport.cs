namespace CoproSurvey.Core.Import;

/// <summary>One reason a file cannot be imported.</summary>
/// <param name="Row">The row as a spreadsheet numbers it: the header is row 1, the first response row 2.</param>
/// <param name="Column">The column's name, or null for a problem of the whole row or file.</param>
public sealed record ImportProblem(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"row {Row}: {Message}" : $"row {Row}, column {Column}: {Message}";
}

/// <summary>
/// The outcome of an import: either every response was imported (<see cref="Problems"/> empty) or none was, and
/// <see cref="Problems"/> says why, by row and column.
/// </summary>
/// <param name="File">The file's name as the researcher gave it, for messages.</param>
public sealed record ImportReport(string File, int Rows, int Imported, int Complete, int Partial, IReadOnlyList<ImportProblem> Problems, bool ProblemsCut)
{
    public bool Success => Problems.Count == 0;
}
