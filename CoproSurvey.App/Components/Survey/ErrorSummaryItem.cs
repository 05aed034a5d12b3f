namespace CoproSurvey.App.Components.Survey;

/// <summary>One entry of an <see cref="ErrorSummary"/>: the message and the id of the field it links to (null: no field).</summary>
public sealed record ErrorSummaryItem(string Message, string? TargetId);
