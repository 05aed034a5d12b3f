using System.Globalization;
using System.Text;
using CoproSurvey.App.Cli;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>
/// <c>analyze --study</c> on a demo study equals <c>analyze --csv</c> on a CSV file of the same rows of its dataset,
/// to the last digit, for every analysis: the two sources feed one engine.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AnalyzeStudyTests : CliDatabaseTest
{
    private const string Study = "coproduction";

    public static TheoryData<string, string[], string[]> Analyses => new()
    {
        { "", ["describe", "--columns", "mirror_will,mirror_comp", "--by", "country"], [] },
        { "", ["corr", "--columns", "mirror_will,mirror_comp,mirror_value", "--method", "spearman"], [] },
        { "", ["ttest", "--value", "mirror_value", "--group", "audience"], [] },
        { "", ["anova", "--value", "mirror_value", "--group", "policy_field"], [] },
        { "", ["chisq", "--row", "country", "--col", "audience"], [] },
        { "", ["ols", "--y", "mirror_value", "--x", "mirror_will,country,audience,mirror_will:audience", "--se", "cluster:service_unit"], ["--factor", "country,audience"] },
        { "professional", ["describe", "--columns", "mirror_value"], [] },
        { "citizen", ["logit", "--y", "c_use_health", "--x", "c_sat,country", "--ref", "country=NL"], ["--factor", "country"] },
    };

    [Theory]
    [MemberData(nameof(Analyses))]
    public async Task Analyze_OnTheStudy_EqualsAnalyzeOnACsvOfTheSameRows(string audience, string[] analysis, string[] csvOnly)
    {
        // Arrange
        Assert.Equal(0, await RunAsync("seed-demo", "--responses", "120", "--database", DatabasePath));
        var filter = new DatasetFilter(audience == "" ? null : Enum.Parse<Audience>(audience, ignoreCase: true), Countries: ["BE", "NL", "EE"]);
        var csv = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "data.csv");
        var rows = await WriteCsvAsync(filter, csv);
        string[] studyFilter = ["--countries", "BE,NL,EE", .. audience == "" ? Array.Empty<string>() : ["--audience", audience]];

        // Act
        var fromStudy = await AnalyzeAsync([.. analysis, "--study", Study, "--database", DatabasePath, .. studyFilter, "--json"]);
        var fromCsv = await AnalyzeAsync([.. analysis, .. csvOnly, "--csv", csv, "--json"]);

        // Assert
        Assert.True(rows >= 10, $"only {rows} rows");
        Assert.True(fromStudy.Code == 0, fromStudy.Error);
        Assert.True(fromCsv.Code == 0, fromCsv.Error);
        Assert.Equal(fromCsv.Out, fromStudy.Out);
    }

    [Fact]
    public async Task Analyze_ExitsWith2NamingTheStudy_WhenTheStudyOrTheVariableIsUnknown()
    {
        // Arrange
        Assert.Equal(0, await RunAsync("migrate", "--database", DatabasePath));

        // Act
        var noStudy = await AnalyzeAsync(["describe", "--columns", "x", "--study", "nope", "--database", DatabasePath]);
        var noVariable = await AnalyzeAsync(["describe", "--columns", "mirror_wil", "--study", Study, "--database", DatabasePath]);

        // Assert
        Assert.Equal((2, $"study nope: no such study.{Environment.NewLine}"), (noStudy.Code, noStudy.Error));
        Assert.Equal(2, noVariable.Code);
        Assert.StartsWith("study coproduction, column \"mirror_wil\": no variable \"mirror_wil\"; the variables are: audience, country, ", noVariable.Error);
    }

    [Theory]
    [InlineData("--csv", "a.csv", "--study", "coproduction")]
    [InlineData("--csv", "a.csv", "--audience", "citizen")]
    [InlineData("--study", "coproduction", "--audience", "everyone")]
    public async Task Analyze_ExitsWith1_WhenTheSourceOptionsDoNotFit(params string[] source)
    {
        // Act
        var run = await AnalyzeAsync(["describe", "--columns", "x", .. source]);

        // Assert
        Assert.Equal(1, run.Code);
        Assert.Contains("Usage: analyze describe", run.Error);
    }

    private static async Task<(int Code, string Out, string Error)> AnalyzeAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new AnalyzeCommand().RunAsync(args, new CliConsole(output, error), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The text metadata and every numeric variable of the filtered rows, numbers as their shortest round-trip text, missing as empty.</summary>
    private async Task<int> WriteCsvAsync(DatasetFilter filter, string path)
    {
        await using var services = CliServices.Build(DatabasePath);
        using var scope = services.CreateScope();
        var dataset = scope.ServiceProvider.GetRequiredService<StudyDataset>();
        var layout = await dataset.GetLayoutAsync(Study, filter.Audience, CancellationToken.None);
        Assert.NotNull(layout);
        var text = new StringBuilder("country,policy_field,audience,service_unit,");
        text.AppendJoin(',', layout.Values.Select(v => v.Name)).Append('\n');
        var rows = 0;
        await foreach (var row in dataset.ReadRowsAsync(layout, filter, CancellationToken.None))
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Country},{row.PolicyField},{row.Audience.ToString().ToLowerInvariant()},{row.ServiceUnit},");
            text.AppendJoin(',', row.Cells.Select(c => c.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "")).Append('\n');
            rows++;
        }

        await File.WriteAllTextAsync(path, text.ToString());
        return rows;
    }
}
