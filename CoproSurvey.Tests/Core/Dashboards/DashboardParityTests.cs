using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Analysis.Sources;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Support;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>
/// The dashboards' numbers are those the `analyze` verbs compute from the export of the same filter: the demo study
/// (300 responses, seed 2027) exported to data.csv and analysed through <see cref="CsvFileSource"/>, which reads the
/// codebook beside it.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DashboardParityTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("coprosurvey-parity-");
    private SqliteDatabase database = default!;

    public async Task InitializeAsync() => database = await DemoStudyDatabase.CreateAsync(300, 2027);

    public Task DisposeAsync()
    {
        database.Dispose();
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A scale score and a rating item of the citizens' questionnaire, among citizens and among both audiences (where
    /// every professional's row holds the code for "not asked", a negative number in data.csv).
    /// </summary>
    public static TheoryData<string, bool> Variables => new() { { "c_ind_saf", true }, { "c_mot_int_1", true }, { "c_ind_saf", false }, { "c_mot_int_1", false } };

    private DashboardDataCache Cache() =>
        new(database.ContextFactory, new StudyDataset(database.ContextFactory), TimeProvider.System, Options.Create(new DashboardOptions()));

    private CompareQueries Compare(DashboardDataCache cache) =>
        new(database.ContextFactory, new StudyDataset(database.ContextFactory), cache, Options.Create(new DashboardOptions { MinimumCellSize = 1 }));

    private async Task<CsvFileSource> ExportAsync(string name, DatasetFilter filter)
    {
        var clock = TestClock.New();
        var writer = new ExportBundleWriter(new StudyDataset(database.ContextFactory), database.ContextFactory, new AuditLog(database.ContextFactory, clock), clock);
        var target = Path.Combine(folder.FullName, name);
        await writer.WriteToDirectoryAsync(new ExportRequest("coproduction", filter, false), target, CancellationToken.None);
        return new CsvFileSource(Path.Combine(target, BundleFileNames.Data));
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public async Task Compare_GivesTheGroupStatisticsAndAnovaOfAnalyze_OnTheExportOfTheSameFilter(string variable, bool citizensOnly)
    {
        // Arrange: completed responses, by country.
        using var cache = Cache();
        var filter = DashboardFilter.All with { Audiences = citizensOnly ? [Audience.Citizen] : [], CompleteOnly = true };
        var source = await ExportAsync(citizensOnly ? "citizens" : "both", CompareQueries.ToDatasetFilter(filter));

        // Act
        var view = await Compare(cache).CompareAsync("coproduction", variable, CompareBy.Country, filter, CancellationToken.None);
        var describe = await DescribeAnalysis.RunAsync(source, new DescribeRequest([variable], "country"), CancellationToken.None);
        var anova = await GroupTestAnalysis.AnovaAsync(source, new GroupComparisonRequest(variable, "country"), CancellationToken.None);

        // Assert
        Assert.NotNull(view);
        Assert.Equal(describe.Variables.Select(v => (v.Group!, v.N)).Order(), view.Groups.Select(g => (g.Group, g.N!.Value)).Order());
        foreach (var group in view.Groups)
        {
            var row = describe.Variables.Single(v => v.Group == group.Group);
            Precision.AssertDigits(row.Mean!.Value, group.Mean!.Value, 13, $"{variable} mean in {group.Group}");
            Precision.AssertDigits(row.Sd!.Value, group.StandardDeviation!.Value, 13, $"{variable} SD in {group.Group}");
        }

        var test = Assert.Single(view.Anova);
        Assert.Equal((anova.DfBetween, anova.DfWithin), (test.DfBetween, test.DfWithin));
        Precision.AssertDigits(anova.F, test.F, 12, $"{variable} F");
        Precision.AssertDigits(anova.PValue, test.P, 10, $"{variable} p");
        Precision.AssertDigits(anova.EtaSquared, test.EtaSquared, 12, $"{variable} eta squared");
    }

    [Fact]
    public async Task Compare_GivesWelchsTestOfAnalyze_ForProfessionalsAgainstCitizens()
    {
        // Arrange: a mirror scale (both questionnaires score it), both audiences, completed responses.
        using var cache = Cache();
        var filter = DashboardFilter.All with { CompleteOnly = true };
        var source = await ExportAsync("both", CompareQueries.ToDatasetFilter(filter));
        const string shared = "mirror_will";

        // Act
        var view = await Compare(cache).CompareAsync("coproduction", shared, CompareBy.Country, filter, CancellationToken.None);
        var ttest = await GroupTestAnalysis.TTestAsync(source, new GroupComparisonRequest(shared, "audience"), CoproSurvey.Core.Statistics.TTestMethod.Welch, CancellationToken.None);

        // Assert: analyze orders the levels citizen, professional; the dashboard reports professional minus citizen.
        var welch = view?.Welch;
        Assert.True(welch is not null, $"{shared} has no Welch test in the compare view");
        Assert.Equal(["citizen", "professional"], ttest.Groups.Select(g => g.Group));
        Precision.AssertDigits(-ttest.MeanDifference, welch.MeanDifference, 12, "difference");
        Precision.AssertDigits(Math.Abs(ttest.T), Math.Abs(welch.T), 12, "t");
        Precision.AssertDigits(ttest.Df, welch.Df, 12, "df");
        Precision.AssertDigits(ttest.PValue, welch.P, 10, "p");
    }
}
