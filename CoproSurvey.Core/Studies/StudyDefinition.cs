using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Studies;

/// <summary>Lifecycle of a study: only open studies accept responses.</summary>
public enum StudyStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>A policy field a study covers, e.g. <c>public-safety</c>.</summary>
public sealed record PolicyField(string Code, string Label);

/// <summary>A country a study covers (ISO 3166-1 alpha-2 code).</summary>
public sealed record Country(string Code, string Name);

/// <summary>
/// A study as described by <c>data/studies/*.json</c>: what it is, where it runs, and the instrument file per audience.
/// </summary>
public sealed record StudyDefinition(
    string Key,
    string Title,
    string Description,
    StudyStatus Status,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<PolicyField> PolicyFields,
    IReadOnlyDictionary<Audience, string> InstrumentFiles);
