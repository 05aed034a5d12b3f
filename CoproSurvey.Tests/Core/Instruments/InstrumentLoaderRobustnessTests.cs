using System.Text.Json.Nodes;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Tests.Core.Instruments;

/// <summary>Bad content of any shape is reported, never thrown.</summary>
public class InstrumentLoaderRobustnessTests
{
    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(n => Descendants(n).Prepend(n)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(n => Descendants(n).Prepend(n)),
        _ => [],
    };

    [Fact]
    public void Load_ReportsProblemsWithoutThrowing_WhenAnyValueHasTheWrongKind()
    {
        var count = Descendants(SampleInstrument.Node()).Count();
        Func<JsonNode?>[] replacements = [() => null, () => 1.5, () => new JsonArray()];

        for (var index = 0; index < count; index++)
        {
            foreach (var replacement in replacements)
            {
                var doc = SampleInstrument.Node();
                var target = Descendants(doc).ElementAt(index);
                var replaced = replacement();
                if (JsonNode.DeepEquals(target, replaced))
                {
                    continue;
                }

                target.ReplaceWith(replaced);
                var json = doc.ToJsonString();

                var result = InstrumentLoader.Load(json, "mutated.json");

                Assert.True(result.Problems.Count > 0 || result.IsValid, json);
                Assert.All(result.Problems, p => Assert.StartsWith("$", p.JsonPath));
            }
        }
    }

    [Fact]
    public void Load_ReportsInvalidJson_ForEveryTruncation()
    {
        for (var length = 0; length < SampleInstrument.Json.Length - 1; length += 7)
        {
            var result = InstrumentLoader.Load(SampleInstrument.Json[..length], "truncated.json");

            var problem = Assert.Single(result.Problems);
            Assert.StartsWith("invalid JSON at line ", problem.Message);
        }
    }
}
