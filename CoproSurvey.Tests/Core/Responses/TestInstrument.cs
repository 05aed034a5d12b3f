using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Tests.Core.Responses;

/// <summary>A small instrument exercising every question type, a conditional section and a conditional question.</summary>
internal static class TestInstrument
{
    public static readonly ResponseScale Agree = new(
        [new(1, "Strongly disagree"), new(2, "Disagree"), new(3, "Neutral"), new(4, "Agree"), new(5, "Strongly agree")],
        "Don't know");

    public static readonly ResponseScale Satisfied = new(
        [new(1, "Very unsatisfied"), new(2, "Unsatisfied"), new(3, "Satisfied"), new(4, "Very satisfied")],
        null);

    public static readonly Instrument Citizen = WithSha(new Instrument(
        "test-citizen",
        "1.0",
        Audience.Citizen,
        "Test questionnaire",
        "en",
        "A questionnaire for tests.",
        [
            new Section("about", "About you", null, null,
            [
                Question("age", QuestionType.Numeric, required: true, numeric: new NumericBounds(0, 120, true, "years")),
                Question("uses_service", QuestionType.SingleChoice, required: true, options: [new("yes", "Yes"), new("no", "No")]),
            ]),
            new Section("service", "The service", null, new AnswerCondition("uses_service", ConditionOperator.In, ["yes"]),
            [
                Question("trust", QuestionType.LikertMatrix, required: true, scale: Agree,
                    rows: [new("trust_staff", "I trust the staff."), new("trust_info", "I trust the information.")]),
                Question("channels", QuestionType.MultipleChoice, required: false,
                    options: [new("web", "Website"), new("phone", "Phone"), new("desk", "Front desk"), new("none", "None of these", Exclusive: true)]),
            ]),
            new Section("views", "Your views", null, null,
            [
                Question("satisfaction", QuestionType.Likert, required: true, scale: Satisfied),
                Question("hours", QuestionType.Numeric, required: false, numeric: new NumericBounds(0, 40, false, "hours")),
                Question("comment", QuestionType.LongText, required: false, maxLength: 50),
                Question("followup", QuestionType.ShortText, required: false, maxLength: 20,
                    condition: new AnswerCondition("age", ConditionOperator.GreaterThan, ["60"])),
            ]),
            new Section("final", "Last page", null, null,
            [
                Question("nickname", QuestionType.ShortText, required: false, maxLength: 20),
            ]),
        ],
        [new Scale("trust_scale", "Trust", null, ["trust_staff", "trust_info"], [], 1)],
        ""));

    public static StudyDefinition Study(string key, StudyStatus status) => new(
        key,
        "Test study",
        "A study for tests.",
        status,
        [new Country("BE", "Belgium"), new Country("EE", "Estonia")],
        [new PolicyField("health", "Health"), new PolicyField("education", "Education")],
        new Dictionary<Audience, string> { [Audience.Citizen] = "instruments/test-citizen.json" })
    {
        Consent = Consent,
    };

    /// <summary>The consent information of the test study (version <c>test-consent-1</c>, minimum age 16).</summary>
    public static StudyConsent Consent { get; } = new(
        "test-consent-1",
        "en",
        new Dictionary<string, ConsentWording>
        {
            ["en"] = new("Purpose of the test study.", "What the test study asks.", "Taking part is voluntary.", "How to withdraw.", "How answers are used."),
        },
        "Test research team",
        "test-study@example.org",
        "TEST-ETH-1",
        LegalBasis.Consent,
        5,
        16);

    /// <summary>The same instrument with one wording changed: a new version.</summary>
    public static Instrument Reworded() =>
        WithSha(Citizen with { Title = "Test questionnaire, second wording", Sha256 = "" });

    /// <summary>One page with a matrix of <paramref name="rows"/> five-point rows.</summary>
    public static Instrument Wide(int rows) => WithSha(Citizen with
    {
        Sections =
        [
            new Section("all", "All items", null, null,
            [
                Question("block", QuestionType.LikertMatrix, required: true, scale: Agree,
                    rows: [.. Enumerable.Range(1, rows).Select(i => new MatrixRow($"item_{i:D3}", $"Statement {i}"))]),
            ]),
        ],
        Scales = [],
        Sha256 = "",
    });

    public static Section Page(string code) => Citizen.FindSection(code)!;

    private static Instrument WithSha(Instrument instrument) =>
        instrument with { Sha256 = InstrumentCanonicalizer.ComputeSha256(instrument) };

    private static Question Question(
        string code,
        QuestionType type,
        bool required,
        ResponseScale? scale = null,
        IReadOnlyList<ChoiceOption>? options = null,
        NumericBounds? numeric = null,
        int? maxLength = null,
        IReadOnlyList<MatrixRow>? rows = null,
        Condition? condition = null) =>
        new(code, type, $"Question {code}", null, required, condition, scale, options ?? [], numeric, maxLength, rows ?? []);
}
