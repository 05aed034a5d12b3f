using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;
using CoproSurvey.Core.Import;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Core.Export;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Responses;

/// <summary>
/// "Not applicable" from the form to the data files and back: the test instrument with a not-applicable point on
/// <c>satisfaction</c> (its points are 1-4, so its codes are -1 to -5 and not applicable is -5).
/// </summary>
public sealed class NotApplicableTests : IDisposable
{
    private static readonly Instrument WithNotApplicable = Build();
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("coprosurvey-na-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task SubmitPage_StoresNotApplicable_AsItsOwnAnswerKind_AndTheDatasetGivesItItsOwnReason()
    {
        // Arrange
        using var harness = await HarnessAsync();
        var token = await harness.StartAsync();

        // Act
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
        await harness.SubmitOkAsync(token, 2, ("satisfaction", "na"));

        // Assert
        await using var db = harness.Database.CreateContext();
        var stored = (await SurveyHarness.LoadAsync(db, token)).Answers.Single(a => a.ItemCode == "satisfaction");
        Assert.Equal((true, false, (string?)null, (double?)null), (stored.NotApplicable, stored.DontKnow, stored.Value, stored.Number));
        Assert.Equal(AnswerValue.NotApplicableTo("satisfaction"), stored.ToValue(QuestionType.Likert));
        var cell = await SatisfactionCellAsync(harness);
        Assert.Equal(DatasetCell.MissingBecause(MissingReason.NotApplicable), cell);
    }

    [Fact]
    public async Task SubmitPage_RefusesNotApplicable_WhereTheScaleDoesNotOfferIt()
    {
        using var harness = await HarnessAsync();
        var token = await harness.StartAsync();
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "yes"));

        var result = await harness.SubmitAsync(token, 2, ("trust_staff", "na"), ("trust_info", "4"));

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.ItemCode == "trust_staff");
    }

    [Fact]
    public async Task Export_WritesTheNotApplicableCode_WithItsLabelInEveryLoadScript_AndImportReadsItBack()
    {
        // Arrange: one complete response with satisfaction not applicable.
        using var source = await HarnessAsync();
        var token = await source.StartAsync();
        await source.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
        await source.SubmitOkAsync(token, 2, ("satisfaction", "na"));
        await source.SubmitOkAsync(token, 3);
        var writer = new ExportBundleWriter(
            new StudyDataset(source.Database.ContextFactory), source.Database.ContextFactory, new AuditLog(source.Database.ContextFactory, source.Clock), source.Clock);

        // Act
        await writer.WriteToDirectoryAsync(new ExportRequest(SurveyHarness.StudyKey, DatasetFilter.All, false), folder.FullName, CancellationToken.None);
        using var target = await HarnessAsync();
        await using var data = File.OpenRead(PathOf("data.csv"));
        var report = await new DatasetImporter(target.Database.ContextFactory, new StudyDataset(target.Database.ContextFactory), target.Clock)
            .ImportAsync(SurveyHarness.StudyKey, data, "data.csv", Actor.CommandLine, CancellationToken.None);

        // Assert: the code in data.csv, and what each file says about it.
        var rows = BundleFiles.ReadCsv(PathOf("data.csv"));
        Assert.Equal("-5", rows[1][Array.IndexOf(rows[0], "satisfaction")]);
        var codebook = BundleFiles.ReadRecords(PathOf("codebook.csv")).Single(r => r["variable"] == "satisfaction");
        Assert.EndsWith("not answered = -4; not applicable = -5", codebook["missing_codes"]);
        Assert.Contains("survey[[\"satisfaction\"]][survey[[\"satisfaction\"]] %in% c(-1, -2, -3, -4, -5)] <- NA", await File.ReadAllTextAsync(PathOf("load.R")));
        var stata = await File.ReadAllTextAsync(PathOf("load.do"));
        Assert.Contains("mvdecode satisfaction, mv(-1=.a \\ -2=.b \\ -3=.c \\ -4=.d \\ -5=.e)", stata);
        Assert.Contains(".e `\"not applicable\"'", stata);
        var spss = await File.ReadAllTextAsync(PathOf("load.sps"));
        Assert.Contains("satisfaction (-5 THRU -1)", spss);
        Assert.Contains("-5 'not applicable'", spss);
        Assert.True(report.Success, string.Join("\n", report.Problems));
        var imported = await SatisfactionCellAsync(target);
        Assert.Equal(DatasetCell.MissingBecause(MissingReason.NotApplicable), imported);
        await using var db = target.Database.CreateContext();
        Assert.True(await db.Answers.AnyAsync(a => a.ItemCode == "satisfaction" && a.NotApplicable && !a.DontKnow && a.Value == null));
    }

    [Fact]
    public async Task Import_RefusesTheNotApplicableCode_ForAnItemWhoseScaleDoesNotOfferIt()
    {
        using var harness = await HarnessAsync();
        var sha = WithNotApplicable.Sha256;
        var csv = "response_id,audience,country,policy_field,service_unit,language,instrument_key,instrument_sha256,status,started_at,completed_at,duration_seconds," +
            "age,uses_service,trust_staff,trust_info,channels_web,channels_phone,channels_desk,satisfaction,hours,trust_scale,comment,followup,nickname\n" +
            $"12,citizen,BE,health,,en,test-citizen,{sha},complete,2026-03-01T09:00:00Z,2026-03-01T09:10:00Z,600,34,1,-5,4,1,0,0,3,2.5,4,,,\n";

        var report = await new DatasetImporter(harness.Database.ContextFactory, new StudyDataset(harness.Database.ContextFactory), harness.Clock)
            .ImportAsync(SurveyHarness.StudyKey, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "paper.csv", Actor.CommandLine, CancellationToken.None);

        Assert.False(report.Success);
        Assert.Contains(report.Problems, p => p.Column == "trust_staff");
    }

    private string PathOf(string name) => Path.Combine(folder.FullName, name);

    private static async Task<SurveyHarness> HarnessAsync()
    {
        var harness = await SurveyHarness.CreateAsync();
        await harness.LoadStudyAsync(StudyStatus.Open, WithNotApplicable);
        return harness;
    }

    private static async Task<DatasetCell> SatisfactionCellAsync(SurveyHarness harness)
    {
        var dataset = new StudyDataset(harness.Database.ContextFactory);
        var layout = (await dataset.GetLayoutAsync(SurveyHarness.StudyKey, null, CancellationToken.None))!;
        var index = layout.Values.ToList().FindIndex(v => v.Name == "satisfaction");
        await foreach (var row in dataset.ReadRowsAsync(layout, new DatasetFilter(IncludePartial: true), CancellationToken.None))
        {
            return row.Cells[index];
        }

        throw new InvalidOperationException("The study has no response.");
    }

    private static Instrument Build()
    {
        var views = TestInstrument.Page("views");
        var scale = TestInstrument.Satisfied with { NotApplicableLabel = "Does not apply to me" };
        var instrument = TestInstrument.Citizen with
        {
            Sections =
            [
                TestInstrument.Page("about"),
                TestInstrument.Page("service"),
                views with { Questions = [views.Questions[0] with { ResponseScale = scale }, .. views.Questions.Skip(1)] },
                TestInstrument.Page("final"),
            ],
            Sha256 = "",
        };
        return instrument with { Sha256 = InstrumentCanonicalizer.ComputeSha256(instrument) };
    }
}
