using System.Text.Json.Nodes;
using CoproSurvey.Core.Instruments;
using static CoproSurvey.Tests.Core.Instruments.SampleInstrument;

namespace CoproSurvey.Tests.Core.Instruments;

public class InstrumentLoaderTests
{
    /// <summary>Each case breaks the valid sample in one way; the loader must name the place and the reason.</summary>
    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new()
    {
        ["missing key"] = d => d.Remove("key"),
        ["empty title"] = d => d["title"] = "  ",
        ["missing question text"] = d => Question(d, 0, 1).Remove("text"),
        ["unknown audience"] = d => d["audience"] = "visitor",
        ["unknown property"] = d => Section(d, 0)["titel"] = "typo",
        ["sections empty"] = d => d["sections"] = new JsonArray(),
        ["unknown question type"] = d => Question(d, 0, 1)["type"] = "dropdown",
        ["duplicate section code"] = d => Section(d, 2)["code"] = "intro",
        ["duplicate item code"] = d => Question(d, 2, 0)["code"] = "s_kind",
        ["duplicate matrix row code"] = d => Question(d, 1, 0)["rows"]![2]!["code"] = "s_use",
        ["item code with capitals"] = d => Question(d, 0, 1)["code"] = "S-Kind",
        ["item code too long"] = d => Question(d, 1, 0)["rows"]![0]!["code"] = "m_" + new string('x', 31),
        ["likert one point"] = d => Question(d, 0, 0)["scale"]!["points"] = new JsonArray(new JsonObject { ["value"] = 1, ["label"] = "Only" }),
        ["duplicate point values"] = d => Question(d, 0, 0)["scale"]!["points"]![2]!["value"] = 2,
        ["decreasing points"] = d => Question(d, 0, 0)["scale"]!["points"]![1]!["value"] = 7,
        ["duplicate option codes"] = d => Question(d, 0, 1)["options"]![2]!["code"] = "a",
        ["exclusive on a single choice"] = d => Question(d, 0, 1)["options"]![2]!["exclusive"] = true,
        ["every option exclusive"] = d =>
        {
            foreach (var option in Question(d, 0, 2)["options"]!.AsArray())
            {
                option!["exclusive"] = true;
            }
        },
        ["exclusive not a boolean"] = d => Question(d, 0, 2)["options"]![2]!["exclusive"] = "yes",
        ["numeric min above max"] = d => Question(d, 0, 3)["numeric"]!["min"] = 120,
        ["max length zero"] = d => Question(d, 1, 1)["maxLength"] = 0,
        ["text without max length"] = d => Question(d, 2, 0).Remove("maxLength"),
        ["choice without options"] = d => Question(d, 0, 1).Remove("options"),
        ["matrix without rows"] = d => Question(d, 1, 0).Remove("rows"),
        ["matrix with empty rows"] = d => Question(d, 1, 0)["rows"] = new JsonArray(),
        ["likert without scale"] = d => Question(d, 0, 0).Remove("scale"),
        ["unknown scale reference"] = d => Question(d, 1, 0)["scaleRef"] = "nope",
        ["scale and scale reference"] = d => Question(d, 0, 0)["scaleRef"] = "agree",
        ["options on a numeric question"] = d => Question(d, 0, 3)["options"] = new JsonArray(),
        ["condition on unknown question"] = d => Section(d, 1)["displayCondition"]!["question"] = "ghost",
        ["condition on later question"] = d => Section(d, 1)["displayCondition"]!["question"] = "s_comment",
        ["condition on same page"] = d => Question(d, 1, 2)["displayCondition"]!["any"]![0]!["question"] = "m_1",
        ["condition on matrix block"] = d => Question(d, 2, 1)["displayCondition"]!["question"] = "m",
        ["condition value not an option"] = d => Section(d, 1)["displayCondition"]!["values"] = new JsonArray("q"),
        ["condition value not a point"] = d => Section(d, 1)["displayCondition"] = Leaf("s_use", "in", "7"),
        ["condition greaterThan on choice"] = d => Section(d, 1)["displayCondition"] = Leaf("s_kind", "greaterThan", "1"),
        ["condition greaterThan not a number"] = d => Question(d, 1, 2)["displayCondition"]!["any"]![1]!["values"] = new JsonArray("old"),
        ["condition unknown operator"] = d => Section(d, 1)["displayCondition"]!["op"] = "equals",
        ["condition in without values"] = d => Section(d, 1)["displayCondition"]!["values"] = new JsonArray(),
        ["condition both leaf and all"] = d => Section(d, 1)["displayCondition"]!["all"] = new JsonArray(),
        ["scale unknown item"] = d => d["scales"]![0]!["items"]![1] = "ghost",
        ["scale non-likert item"] = d => d["scales"]![0]!["items"]![3] = "s_name",
        ["scale reversed not an item"] = d => d["scales"]![0]!["reversed"]![0] = "s_use",
        ["scale item listed twice"] = d => d["scales"]![0]!["items"]![2] = "m_1",
        ["scale reversed listed twice"] = d => d["scales"]![0]!["reversed"] = new JsonArray("m_2", "m_2"),
        ["scale minAnswered zero"] = d => d["scales"]![0]!["minAnswered"] = 0,
        ["scale minAnswered above items"] = d => d["scales"]![0]!["minAnswered"] = 5,
        ["scale items of different ranges"] = d => d["scales"]![0]!["items"]![3] = "s_other",
        ["scale with one item"] = d => d["scales"]![0]!["items"] = new JsonArray("m_1"),
        ["scale code taken by an item"] = d => d["scales"]![0]!["code"] = "s_use",
    };

    public static TheoryData<string, string, string> Cases => new()
    {
        { "missing key", "$.key", "required field is missing" },
        { "empty title", "$.title", "required field is empty" },
        { "missing question text", "$.sections[0].questions[1].text", "required field is missing" },
        { "unknown audience", "$.audience", "unknown audience 'visitor'" },
        { "unknown property", "$.sections[0].titel", "unknown property 'titel'" },
        { "sections empty", "$.sections", "must not be empty" },
        { "unknown question type", "$.sections[0].questions[1].type", "unknown question type 'dropdown'" },
        { "duplicate section code", "$.sections[2].code", "duplicate section code 'intro'" },
        { "duplicate item code", "$.sections[2].questions[0].code", "duplicate item code 's_kind' (first used at $.sections[0].questions[1].code)" },
        { "duplicate matrix row code", "$.sections[1].questions[0].rows[2].code", "duplicate item code 's_use'" },
        { "item code with capitals", "$.sections[0].questions[1].code", "'S-Kind' must match ^[a-z][a-z0-9_]{0,31}$" },
        { "item code too long", "$.sections[1].questions[0].rows[0].code", "must match ^[a-z][a-z0-9_]{0,31}$" },
        { "likert one point", "$.sections[0].questions[0].scale.points", "at least 2 points, found 1" },
        { "duplicate point values", "$.sections[0].questions[0].scale.points", "duplicate point value(s): 2" },
        { "decreasing points", "$.sections[0].questions[0].scale.points[2]", "must be increasing: 3 follows 7" },
        { "duplicate option codes", "$.sections[0].questions[1].options[2].code", "duplicate option code 'a'" },
        { "exclusive on a single choice", "$.sections[0].questions[1].options[2].exclusive", "'exclusive' is only used by multipleChoice options" },
        { "every option exclusive", "$.sections[0].questions[2].options", "every option is exclusive" },
        { "exclusive not a boolean", "$.sections[0].questions[2].options[2].exclusive", "must be" },
        { "numeric min above max", "$.sections[0].questions[3].numeric", "min (120) is greater than max (99)" },
        { "max length zero", "$.sections[1].questions[1].maxLength", "maxLength must be at least 1, found 0" },
        { "text without max length", "$.sections[2].questions[0].maxLength", "required field is missing" },
        { "choice without options", "$.sections[0].questions[1].options", "required field is missing" },
        { "matrix without rows", "$.sections[1].questions[0].rows", "required field is missing" },
        { "matrix with empty rows", "$.sections[1].questions[0].rows", "must not be empty" },
        { "likert without scale", "$.sections[0].questions[0].scale", "needs a response scale" },
        { "unknown scale reference", "$.sections[1].questions[0].scaleRef", "unknown response scale 'nope'" },
        { "scale and scale reference", "$.sections[0].questions[0]", "either 'scale' or 'scaleRef', not both" },
        { "options on a numeric question", "$.sections[0].questions[3].options", "only used by singleChoice and multipleChoice" },
        { "condition on unknown question", "$.sections[1].displayCondition.question", "unknown question 'ghost'" },
        { "condition on later question", "$.sections[1].displayCondition.question", "'s_comment' on a later page" },
        { "condition on same page", "$.sections[1].questions[2].displayCondition.any[0].question", "'m_1' on the same page" },
        { "condition on matrix block", "$.sections[2].questions[1].displayCondition.question", "matrix 'm'; name one of its rows" },
        { "condition value not an option", "$.sections[1].displayCondition.values[0]", "'q' is not among the options a, b, c" },
        { "condition value not a point", "$.sections[1].displayCondition.values[0]", "'7' is not among the points 1, 2, 3" },
        { "condition greaterThan on choice", "$.sections[1].displayCondition.op", "needs a numeric or Likert question" },
        { "condition greaterThan not a number", "$.sections[1].questions[2].displayCondition.any[1].values[0]", "'old' is not a number" },
        { "condition unknown operator", "$.sections[1].displayCondition.op", "unknown operator 'equals'" },
        { "condition in without values", "$.sections[1].displayCondition.values", "needs at least one value" },
        { "condition both leaf and all", "$.sections[1].displayCondition", "exactly one of" },
        { "scale unknown item", "$.scales[0].items[1]", "unknown item 'ghost'" },
        { "scale non-likert item", "$.scales[0].items[3]", "'s_name' is a shortText question" },
        { "scale reversed not an item", "$.scales[0].reversed[0]", "'s_use' is not among the scale's items" },
        { "scale item listed twice", "$.scales[0].items[2]", "item 'm_1' is listed twice" },
        { "scale reversed listed twice", "$.scales[0].reversed[1]", "reversed item 'm_2' is listed twice" },
        { "scale minAnswered zero", "$.scales[0].minAnswered", "between 1 and the number of items (4), found 0" },
        { "scale minAnswered above items", "$.scales[0].minAnswered", "between 1 and the number of items (4), found 5" },
        { "scale items of different ranges", "$.scales[0].items[3]", "'s_other' uses points 0..10 but 'm_1' uses 1..3" },
        { "scale with one item", "$.scales[0].items", "at least 2 items, found 1" },
        { "scale code taken by an item", "$.scales[0].code", "scale code 's_use' is already an item code" },
    };

    [Fact]
    public void Load_ReturnsInstrument_WhenSampleIsValid()
    {
        var result = InstrumentLoader.Load(Json, FileName);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var instrument = result.Instrument!;
        Assert.Equal(("sample", Audience.Citizen, 3), (instrument.Key, instrument.Audience, instrument.Sections.Count));
        Assert.Equal(
            ["s_use", "s_kind", "s_many", "s_age", "m_1", "m_2", "m_3", "s_name", "s_single", "s_comment", "s_other"],
            instrument.Items.Select(i => i.Code));
        Assert.Matches("^[0-9a-f]{64}$", instrument.Sha256);
        Assert.Equal("Don't know", instrument.Sections[0].Questions[0].ResponseScale!.DontKnowLabel);
        Assert.Equal(new NumericBounds(18, 99, true, "years"), instrument.Sections[0].Questions[3].Numeric);
    }

    [Fact]
    public void Load_ReadsExclusiveOption_OfAMultipleChoiceQuestion()
    {
        var doc = Node();
        Question(doc, 0, 2)["options"]![2]!["exclusive"] = true;

        var result = InstrumentLoader.Load(doc.ToJsonString(), FileName);

        Assert.Empty(result.Problems);
        var options = result.Instrument!.FindItem("s_many")!.Question.Options;
        Assert.Equal([false, false, true], options.Select(o => o.Exclusive));
    }

    [Fact]
    public void FindItem_LocatesMatrixRowsAndQuestions_AndFindScaleLocatesConstructs()
    {
        var instrument = Load();

        var row = instrument.FindItem("m_2")!;
        Assert.Equal(("m", "battery", 1), (row.Question.Code, row.Section.Code, row.SectionIndex));
        Assert.Equal(QuestionType.Numeric, instrument.FindItem("s_age")!.Question.Type);
        Assert.Null(instrument.FindItem("m"));
        Assert.Equal(["m_2"], instrument.FindScale("m")!.Reversed);
        Assert.Null(instrument.FindScale("ghost"));
    }

    [Fact]
    public void Load_ResolvesNamedScale_ForEveryQuestionReferringToIt()
    {
        var instrument = Load();

        var matrixScale = instrument.Sections[1].Questions[0].ResponseScale!;
        Assert.Equal([1, 2, 3], matrixScale.Points.Select(p => p.Value));
        Assert.Same(matrixScale, instrument.Sections[1].Questions[2].ResponseScale);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_ReportsPathAndReason_WhenInstrumentIsBroken(string mutation, string path, string fragment)
    {
        var doc = Node();
        Mutations[mutation](doc);

        var result = InstrumentLoader.Load(doc.ToJsonString(), FileName);

        Assert.Null(result.Instrument);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.File == FileName && p.JsonPath == path && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Cases_CoverEveryMutation_AndOnlyThem()
    {
        Assert.Equal(Mutations.Keys.Order(), Cases.Select(c => (string)c[0]).Order());
    }

    [Fact]
    public void Load_ReportsLineAndPosition_WhenJsonIsMalformed()
    {
        const string json = "{\n  \"key\": \"x\",\n  \"version\": ,\n}";

        var result = InstrumentLoader.Load(json, "broken.json");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("broken.json", "$"), (problem.File, problem.JsonPath));
        Assert.StartsWith("invalid JSON at line 3, position 14:", problem.Message);
    }

    [Fact]
    public void Load_ReportsEveryProblem_NotJustTheFirst()
    {
        var doc = Node();
        doc.Remove("title");
        Question(doc, 0, 1)["options"]![2]!["code"] = "a";
        Question(doc, 0, 3)["numeric"]!["min"] = 200;
        doc["scales"]![0]!["items"]![2] = "ghost";

        var result = InstrumentLoader.Load(doc.ToJsonString(), FileName);

        Assert.Equal(
            ["$.scales[0].items[2]", "$.sections[0].questions[1].options[2].code", "$.sections[0].questions[3].numeric", "$.title"],
            result.Problems.Select(p => p.JsonPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_DoesNotRepeatProblems_ForConditionsOnAnUnreadableQuestion()
    {
        var doc = Node();
        Question(doc, 0, 1)["type"] = "dropdown";

        var result = InstrumentLoader.Load(doc.ToJsonString(), FileName);

        Assert.Equal("$.sections[0].questions[1].type", Assert.Single(result.Problems).JsonPath);
    }

    [Fact]
    public void LoadFile_ReportsUnreadableFile_WithItsPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var result = InstrumentLoader.LoadFile(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, "$"), (problem.File, problem.JsonPath));
        Assert.Contains("cannot read the file", problem.Message);
    }

    [Fact]
    public void Problem_ToString_NamesFilePathAndReason()
    {
        var problem = new InstrumentProblem("a.json", "$.sections[0].code", "duplicate section code 'x'");

        Assert.Equal("a.json: $.sections[0].code: duplicate section code 'x'", problem.ToString());
    }

    [Fact]
    public void ValidationException_Message_ListsEveryProblem()
    {
        var problems = new[] { new InstrumentProblem("a.json", "$.key", "required field is missing"), new InstrumentProblem("b.json", "$", "invalid JSON") };

        var exception = new InstrumentValidationException(problems);

        Assert.Contains("a.json: $.key: required field is missing", exception.Message);
        Assert.Contains("b.json: $: invalid JSON", exception.Message);
        Assert.Equal(2, exception.Problems.Count);
    }

    private static JsonObject Leaf(string question, string op, string value) =>
        new() { ["question"] = question, ["op"] = op, ["values"] = new JsonArray(value) };
}
