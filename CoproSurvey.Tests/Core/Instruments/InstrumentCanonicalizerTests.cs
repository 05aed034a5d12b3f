using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoproSurvey.Core.Instruments;
using static CoproSurvey.Tests.Core.Instruments.SampleInstrument;

namespace CoproSurvey.Tests.Core.Instruments;

public class InstrumentCanonicalizerTests
{
    private static readonly Dictionary<string, Action<JsonObject>> ContentChanges = new()
    {
        ["title"] = d => d["title"] = "Sample instrument 2",
        ["version"] = d => d["version"] = "1.1",
        ["point label"] = d => Question(d, 0, 0)["scale"]!["points"]![0]!["label"] = "Not at all",
        ["point value"] = d => Question(d, 0, 0)["scale"]!["points"]![2]!["value"] = 4,
        ["named scale label"] = d => d["responseScales"]!["agree"]!["points"]![0]!["label"] = "Disagree strongly",
        ["required flag"] = d => Question(d, 0, 2)["required"] = true,
        ["option order"] = d => Question(d, 0, 1)["options"] = new JsonArray(
            new JsonObject { ["code"] = "b", ["label"] = "B" },
            new JsonObject { ["code"] = "a", ["label"] = "A" },
            new JsonObject { ["code"] = "c", ["label"] = "C" }),
        ["numeric max"] = d => Question(d, 0, 3)["numeric"]!["max"] = 98,
        ["condition value"] = d => Section(d, 1)["displayCondition"]!["values"] = new JsonArray("b"),
        ["help text added"] = d => Question(d, 0, 0)["help"] = "Think of the last year.",
        ["don't know removed"] = d => Question(d, 0, 0)["scale"]!.AsObject().Remove("dontKnow"),
        ["minAnswered"] = d => d["scales"]![0]!["minAnswered"] = 3,
        ["reversed"] = d => d["scales"]![0]!["reversed"] = new JsonArray("m_3"),
        ["trailing space in text"] = d => Question(d, 0, 1)["text"] = "Which kind? ",
        ["exclusive option"] = d => Question(d, 0, 2)["options"]![2]!["exclusive"] = true,
    };

    public static TheoryData<string> ContentChangeNames => new(ContentChanges.Keys);

    [Fact]
    public void ComputeSha256_IsUnchanged_WhenOnlyFormattingChanges()
    {
        var original = Load();
        var reformatted = Reorder(Node())!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        reformatted = reformatted.Replace("\"max\":99", "\"max\":99.00", StringComparison.Ordinal);

        var reloaded = InstrumentLoader.Load(reformatted, "reformatted.json");

        Assert.True(reloaded.IsValid, string.Join(Environment.NewLine, reloaded.Problems));
        Assert.NotEqual(Json, reformatted);
        Assert.Equal(original.Sha256, reloaded.Instrument!.Sha256);
    }

    [Fact]
    public void ComputeSha256_IsUnchanged_WhenNamedScaleIsWrittenInline()
    {
        var original = Load();
        var doc = Node();
        var named = doc["responseScales"]!["agree"]!.DeepClone();
        Question(doc, 1, 0).Remove("scaleRef");
        Question(doc, 1, 0)["scale"] = named;

        var inline = InstrumentLoader.Load(doc.ToJsonString(), "inline.json");

        Assert.Equal(original.Sha256, inline.Instrument!.Sha256);
    }

    [Theory]
    [MemberData(nameof(ContentChangeNames))]
    public void ComputeSha256_Changes_WhenContentChanges(string change)
    {
        var original = Load();
        var doc = Node();
        ContentChanges[change](doc);

        var changed = InstrumentLoader.Load(doc.ToJsonString(), "changed.json");

        Assert.True(changed.IsValid, string.Join(Environment.NewLine, changed.Problems));
        Assert.NotEqual(original.Sha256, changed.Instrument!.Sha256);
    }

    [Fact]
    public void ComputeSha256_IsLowerHexSha256_OfTheCanonicalJsonInUtf8()
    {
        var instrument = Load();

        var canonical = InstrumentCanonicalizer.ToCanonicalJson(instrument);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, InstrumentCanonicalizer.ComputeSha256(instrument));
        Assert.Equal(expected, instrument.Sha256);
    }

    [Fact]
    public void ComputeSha256_IsUnchanged_WhenAnOptionIsMarkedNotExclusive()
    {
        var original = Load();
        var doc = Node();
        Question(doc, 0, 2)["options"]![2]!["exclusive"] = false;

        var marked = InstrumentLoader.Load(doc.ToJsonString(), "marked.json");

        Assert.Equal(original.Sha256, marked.Instrument!.Sha256);
    }

    [Fact]
    public void ToCanonicalJson_KeepsTheExclusiveFlag_WhenLoadedBack()
    {
        var doc = Node();
        Question(doc, 0, 2)["options"]![2]!["exclusive"] = true;
        var instrument = InstrumentLoader.Load(doc.ToJsonString(), "exclusive.json").Instrument!;

        var canonical = InstrumentCanonicalizer.ToCanonicalJson(instrument);
        var reloaded = InstrumentLoader.Load(canonical, "canonical.json").Instrument!;

        Assert.Contains("{\"code\":\"z\",\"label\":\"Z\",\"exclusive\":true}", canonical);
        Assert.True(reloaded.FindItem("s_many")!.Question.Options[2].Exclusive);
        Assert.Equal(instrument.Sha256, reloaded.Sha256);
    }

    [Fact]
    public void ToCanonicalJson_LoadsBackToTheSameInstrumentAndHash()
    {
        var instrument = Load();
        var canonical = InstrumentCanonicalizer.ToCanonicalJson(instrument);

        var reloaded = InstrumentLoader.Load(canonical, "canonical.json");

        Assert.True(reloaded.IsValid, string.Join(Environment.NewLine, reloaded.Problems));
        Assert.Equal(instrument.Sha256, reloaded.Instrument!.Sha256);
        Assert.Equal(canonical, InstrumentCanonicalizer.ToCanonicalJson(reloaded.Instrument));
    }

    [Fact]
    public void ToCanonicalJson_WritesNoWhitespaceAndFixedPropertyOrder()
    {
        var canonical = InstrumentCanonicalizer.ToCanonicalJson(Load());

        Assert.StartsWith("{\"key\":\"sample\",\"version\":\"1.0\",\"audience\":\"citizen\",\"title\":\"Sample instrument\",\"language\":\"en\",", canonical);
        Assert.Contains("\"numeric\":{\"min\":18,\"max\":99,\"integer\":true,\"unit\":\"years\"}", canonical);
        Assert.Contains("\"dontKnow\":\"Don't know\"", canonical);
        Assert.DoesNotContain("responseScales", canonical);
        Assert.DoesNotContain("\n", canonical);
    }

    /// <summary>Rebuilds every object with its properties in reverse order.</summary>
    private static JsonNode? Reorder(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reorder(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Reorder).ToArray()),
        _ => node?.DeepClone(),
    };
}
