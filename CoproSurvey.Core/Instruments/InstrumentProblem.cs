namespace CoproSurvey.Core.Instruments;

/// <summary>One thing wrong with an instrument or study file, located by file and JSON path.</summary>
/// <param name="File">The file name as given to the loader.</param>
/// <param name="JsonPath">Where in the document, e.g. <c>$.sections[2].questions[0].scale.points</c>; <c>$</c> for the whole document.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record InstrumentProblem(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

/// <summary>The outcome of loading an instrument: the instrument when valid, and every problem found.</summary>
/// <param name="Instrument">Null when any problem was found.</param>
public sealed record InstrumentLoadResult(Instrument? Instrument, IReadOnlyList<InstrumentProblem> Problems)
{
    public bool IsValid => Instrument is not null && Problems.Count == 0;

    /// <summary>
    /// The file's shared response scales: the canonical form writes scales inline, so their names live only in the
    /// file, where translations refer to them (<see cref="TranslationLoader"/>).
    /// </summary>
    public SharedScaleNames SharedScales { get; init; } = SharedScaleNames.None;
}

/// <summary>The names under <c>$.responseScales</c> of an instrument file and which question uses which (by question code).</summary>
public sealed record SharedScaleNames(IReadOnlySet<string> Names, IReadOnlyDictionary<string, string> ByQuestion)
{
    public static SharedScaleNames None { get; } =
        new(new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
}

/// <summary>Thrown where invalid instrument or study data cannot be tolerated (e.g. at start-up); lists every problem.</summary>
public sealed class InstrumentValidationException(IReadOnlyList<InstrumentProblem> problems)
    : Exception(FormatMessage(problems))
{
    public IReadOnlyList<InstrumentProblem> Problems { get; } = problems;

    private static string FormatMessage(IReadOnlyList<InstrumentProblem> problems) =>
        problems.Count == 0
            ? "The instrument data is invalid."
            : $"The instrument data has {problems.Count} problem(s):{Environment.NewLine}"
              + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
