using System.Text.Json.Nodes;
using CoproSurvey.App.Cli;
using CoproSurvey.Tests.Core.Instruments;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.App.Cli;

public sealed class InstrumentsCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"coprosurvey-cli-{Guid.NewGuid():N}");
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public InstrumentsCommandTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private Task<int> RunAsync(params string[] args) =>
        new InstrumentsCommand().RunAsync(args, new CliConsole(output, error), CancellationToken.None);

    [Fact]
    public async Task Validate_PrintsOkWithCountsAndHash_AndExitsZero_WhenAllFilesAreValid()
    {
        var sample = Write("sample.json", SampleInstrument.Json);
        var citizen = Path.Combine(RepositoryPaths.Data, "instruments", "citizen.json");

        var exit = await RunAsync("validate", sample, citizen);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal($"{sample}: OK (3 sections, 11 items, sha256 {SampleInstrument.Load().Sha256})", lines[0]);
        Assert.Matches(@"^.*citizen\.json: OK \(9 sections, \d+ items, sha256 [0-9a-f]{64}, translated into de \(draft\), et \(draft\), fr \(draft\), nl \(draft\)\)$", lines[1]);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Validate_PrintsEveryProblemToStandardError_AndExitsTwo_WhenAnyFileIsInvalid()
    {
        var doc = SampleInstrument.Node();
        doc.Remove("title");
        doc["scales"]![0]!["minAnswered"] = 9;
        var broken = Write("broken.json", doc.ToJsonString());
        var valid = Write("valid.json", SampleInstrument.Json);

        var exit = await RunAsync("validate", broken, valid);

        Assert.Equal(2, exit);
        string[] expected =
        [
            $"{broken}: $.scales[0].minAnswered: minAnswered must be between 1 and the number of items (4), found 9",
            $"{broken}: $.title: required field is missing",
        ];
        Assert.Equal(expected, error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.StartsWith($"{valid}: OK", output.ToString());
    }

    [Fact]
    public async Task Validate_ReportsMalformedJson_WithLineAndPosition()
    {
        var broken = Write("malformed.json", "{\n  \"key\": \"x\"\n  \"version\": \"1\"\n}");

        var exit = await RunAsync("validate", broken);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{broken}: $: invalid JSON at line 3, position 3:", error.ToString());
    }

    [Fact]
    public async Task Validate_ChecksAStudyFile_TogetherWithTheInstrumentsItNames()
    {
        var study = Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json");

        var exit = await RunAsync("validate", study);

        Assert.Equal(0, exit);
        Assert.Matches(
            @"coproduction\.json: OK \(study coproduction: citizen citizen-core sha256 [0-9a-f]{64}, professional professional-core sha256 [0-9a-f]{64}; languages en, nl, fr, de, et\)",
            output.ToString());
    }

    [Fact]
    public async Task Validate_ReportsTheProblemsOfAStudyFile()
    {
        var study = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json")))!.AsObject();
        study["countries"]![4]!["code"] = "UK";
        study["instruments"] = new JsonObject { ["citizen"] = Path.GetFullPath(Path.Combine(RepositoryPaths.Data, "instruments", "citizen.json")) };
        var path = Write("study.json", study.ToJsonString());

        var exit = await RunAsync("validate", path);

        Assert.Equal(2, exit);
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"{path}: $.countries[4].code: 'UK' is not an ISO 3166-1 alpha-2 country code (e.g. GB, not UK)", lines);
        Assert.Contains(lines, l => l.StartsWith($"{path}: $.instruments.citizen: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_PrintsUsage_AndExitsZero()
    {
        var exit = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage: CoproSurvey.App instruments validate FILE...", output.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("validate")]
    [InlineData("check", "x.json")]
    public async Task Run_PrintsUsageToStandardError_AndExitsOne_WhenArgumentsAreWrong(params string[] args)
    {
        var exit = await RunAsync(args);

        Assert.Equal(1, exit);
        Assert.Contains("Usage:", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task CliApp_DispatchesInstrumentsVerb()
    {
        var sample = Write("sample.json", SampleInstrument.Json);

        var exit = await CliApp.RunAsync(["instruments", "validate", sample], new CliConsole(output, error));

        Assert.Equal(0, exit);
        Assert.True(CliApp.IsCommandLine(["instruments"]));
        Assert.Contains(": OK (3 sections", output.ToString());
    }
}
