using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;

namespace CoproSurvey.Core.Datasets;

/// <summary>Whether a response was completed.</summary>
public enum DatasetStatus
{
    Complete,
    Partial,
}

/// <summary>A numeric cell: a value, or the reason there is none.</summary>
public readonly record struct DatasetCell(double? Value, MissingReason? Missing)
{
    public static DatasetCell Of(double value) => new(value, null);

    public static DatasetCell MissingBecause(MissingReason reason) => new(null, reason);
}

/// <summary>An open answer: the text, or the reason there is none.</summary>
public readonly record struct DatasetText(string? Text, MissingReason? Missing);

/// <summary>A stored answer of the response as it was given, for long-format output.</summary>
public sealed record DatasetAnswer
{
    public DatasetAnswer(string itemCode, AnswerValue value, DateTimeOffset answeredAt)
        : this(itemCode, value, StoredUtcTime.Of(answeredAt))
    {
    }

    internal DatasetAnswer(string itemCode, AnswerValue value, StoredUtcTime answeredAt)
    {
        ItemCode = itemCode;
        Value = value;
        StoredAnsweredAt = answeredAt;
    }

    public string ItemCode { get; }

    public AnswerValue Value { get; }

    public DateTimeOffset AnsweredAt => StoredAnsweredAt.Instant;

    /// <summary>The time as read, which long.csv writes without parsing it.</summary>
    internal StoredUtcTime StoredAnsweredAt { get; }

    public bool Equals(DatasetAnswer? other) =>
        other is not null && ItemCode == other.ItemCode && Value == other.Value && AnsweredAt == other.AnsweredAt;

    public override int GetHashCode() => HashCode.Combine(ItemCode, Value, AnsweredAt);
}

/// <summary>
/// One response in a study's dataset: its metadata, one <see cref="DatasetCell"/> per variable of
/// <see cref="DatasetLayout.Values"/>, one <see cref="DatasetText"/> per variable of <see cref="DatasetLayout.Texts"/>
/// (same order), and the answers as stored (those counted by the routing: answers left behind on pages the respondent
/// routed away from are not among them).
/// </summary>
/// <param name="ResponseId">The pseudonymous id of the response (its database key; never its resume code).</param>
/// <param name="LastPage">The furthest page the respondent submitted (for where respondents drop out).</param>
public sealed record DatasetRow(
    int ResponseId,
    Audience Audience,
    string? Country,
    string? PolicyField,
    string? ServiceUnit,
    string Language,
    string InstrumentKey,
    string InstrumentSha256,
    DatasetStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<DatasetCell> Cells,
    IReadOnlyList<DatasetText> Texts,
    IReadOnlyList<DatasetAnswer> Answers,
    int LastPage = 0)
{
    /// <summary>
    /// The version of the texts in <see cref="Language"/> the response was last shown (SHA-256 of the translation's
    /// canonical JSON); null in the instrument's source language, and for a response imported without one.
    /// </summary>
    public string? TranslationSha256 { get; init; }

    /// <summary>Seconds from start to completion; null for a partial response.</summary>
    public double? DurationSeconds => CompletedAt is { } completed ? (completed - StartedAt).TotalSeconds : null;
}
