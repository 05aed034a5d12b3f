using System.Text.Json;
using CoproSurvey.App.Cli;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>What one in-process run of <c>analyze</c> wrote and returned.</summary>
public sealed record AnalyzeRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output parsed as JSON; fails unless it is exactly one JSON value.</summary>
    public JsonElement Json
    {
        get
        {
            Assert.True(ExitCode == 0, $"exit code {ExitCode}: {Error}");
            using var document = JsonDocument.Parse(Out);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document.RootElement.Clone();
        }
    }
}

/// <summary>Runs the command in process and reads the R reference values of TestData/R/cli.</summary>
public static class AnalyzeTestSupport
{
    private static readonly Lazy<JsonElement> ReferenceJson = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CliData, "reference.json")));
        return document.RootElement.Clone();
    });

    /// <summary>The directory of the survey CSV, its R script and R's results.</summary>
    public static string CliData => Path.Combine(AppContext.BaseDirectory, "TestData", "R", "cli");

    /// <summary>The survey CSV that make_reference.R wrote.</summary>
    public static string Survey => Path.Combine(CliData, "survey.csv");

    /// <summary>R's results (reference.json).</summary>
    public static JsonElement Reference => ReferenceJson.Value;

    public static async Task<AnalyzeRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new AnalyzeCommand().RunAsync(args, new CliConsole(output, error), CancellationToken.None);
        return new AnalyzeRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Asserts that each named number of <paramref name="actual"/> has <paramref name="digits"/> correct digits against <paramref name="expected"/>.</summary>
    public static void AssertNumbers(JsonElement expected, JsonElement actual, double digits, string what, params string[] names)
    {
        foreach (var name in names)
        {
            Precision.AssertDigits(expected.GetProperty(name).GetDouble(), actual.GetProperty(name).GetDouble(), digits, $"{what} {name}");
        }
    }

    /// <summary>The element of an array of objects whose <paramref name="key"/> is <paramref name="value"/>.</summary>
    public static JsonElement Find(JsonElement array, string key, string value) =>
        array.EnumerateArray().Single(e => e.GetProperty(key).GetString() == value);
}
