using System.Text.Json;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Instruments;

/// <summary>Keeps docs/instruments.md and the JSON Schema in step with the loader.</summary>
public class InstrumentDocumentationTests
{
    private static string SchemaPath => Path.Combine(RepositoryPaths.Data, "instruments", "instrument.schema.json");

    [Fact]
    public void DocumentationExample_LoadsWithoutProblems()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "instruments.md"));
        var example = markdown[markdown.IndexOf("## Example", StringComparison.Ordinal)..];
        var start = example.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = example[start..example.IndexOf("```", start, StringComparison.Ordinal)];

        var result = InstrumentLoader.Load(json, "docs/instruments.md");

        Assert.Empty(result.Problems);
        Assert.Equal(["use", "health"], result.Instrument!.Sections.Select(s => s.Code));
    }

    [Fact]
    public void Schema_IsDraft2020_12_AndListsTheLoadersQuestionTypesAndOperators()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var root = schema.RootElement;
        var defs = root.GetProperty("$defs");

        var types = defs.GetProperty("question").GetProperty("properties").GetProperty("type").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        var operators = defs.GetProperty("condition").GetProperty("oneOf")[0].GetProperty("properties").GetProperty("op")
            .GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(Enum.GetNames<QuestionType>().Select(CamelCase).Order(), types.Order());
        Assert.Equal(Enum.GetNames<ConditionOperator>().Select(CamelCase).Order(), operators.Order());
        Assert.Equal(InstrumentValidator.CodePattern().ToString(), defs.GetProperty("code").GetProperty("pattern").GetString());
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
