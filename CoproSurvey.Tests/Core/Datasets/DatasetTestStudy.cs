using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Core.Responses;

namespace CoproSurvey.Tests.Core.Datasets;

/// <summary>
/// The <see cref="TestInstrument"/> study with two instrument versions and five responses answered through the
/// respondent flow, whose dataset values are worked out by hand in the tests.
/// Version 1 is <see cref="TestInstrument.Citizen"/> (trust_scale: not reversed, one item suffices). Version 2 drops
/// <c>hours</c>, adds the Likert item <c>recommend</c> after <c>satisfaction</c>, and reverse-keys <c>trust_info</c> with
/// two answered items required.
/// R1 (v1, BE, health): age 34, uses the service, trust 4 and don't know, channels web and desk, satisfaction 3, hours 2.5,
/// a comment with ';' and a newline, no nickname. R2 (v1, EE, education): age 70, does not use the service (its page
/// is routed past), satisfaction 2, follow-up "=1+1". R3 (v2): trust 2 and 4, no channel, satisfaction 4, recommend 1.
/// R4 (v2): trust 5 and don't know, satisfaction 1, recommend 2. R5 (v2): partial, only the first page submitted.
/// Each response starts an hour after the previous one ended and takes ten minutes: R1 runs from +1:00 to +1:10 after
/// <see cref="Support.TestClock.Start"/>, R2 from +2:10 to +2:20, R3 from +3:20 to +3:30, R4 from +4:30 to +4:40; R5 starts at +5:40.
/// </summary>
internal sealed class DatasetTestStudy : IDisposable
{
    public const string Comment = "slow; rude staff\nsecond \"line\"";

    public static readonly Instrument Version2 = WithSha(TestInstrument.Citizen with
    {
        Sections =
        [
            TestInstrument.Page("about"),
            TestInstrument.Page("service"),
            TestInstrument.Page("views") with
            {
                Questions =
                [
                    TestInstrument.Page("views").Questions[0],
                    new Question("recommend", QuestionType.Likert, "Would you recommend the service?", null, true, null,
                        TestInstrument.Satisfied, [], null, null, []),
                    .. TestInstrument.Page("views").Questions.Skip(2),
                ],
            },
            TestInstrument.Page("final"),
        ],
        Scales = [new Scale("trust_scale", "Trust (v2)", null, ["trust_staff", "trust_info"], ["trust_info"], 2)],
        Sha256 = "",
    });

    private DatasetTestStudy(SurveyHarness harness)
    {
        Harness = harness;
        Dataset = new StudyDataset(harness.Database.ContextFactory);
    }

    public SurveyHarness Harness { get; }

    public StudyDataset Dataset { get; }

    public static async Task<DatasetTestStudy> CreateAsync()
    {
        var study = new DatasetTestStudy(await SurveyHarness.CreateAsync());
        var h = study.Harness;

        var r1 = await study.StartAsync(new RespondentContext("BE", "health", "unit-7"));
        await h.SubmitOkAsync(r1, 1, ("age", "34"), ("uses_service", "yes"));
        await h.SubmitOkAsync(r1, 2, ("trust_staff", "4"), ("trust_info", "dk"), ("channels", "web"), ("channels", "desk"));
        await h.SubmitOkAsync(r1, 3, ("satisfaction", "3"), ("hours", "2.5"), ("comment", Comment));
        await study.FinishAsync(r1, 4);

        var r2 = await study.StartAsync(new RespondentContext("EE", "education", null));
        await h.SubmitOkAsync(r2, 1, ("age", "70"), ("uses_service", "no"));
        await h.SubmitOkAsync(r2, 2, ("satisfaction", "2"), ("followup", "=1+1"));
        await study.FinishAsync(r2, 3);

        await h.LoadStudyAsync(StudyStatus.Open, Version2);

        var r3 = await study.StartAsync(new RespondentContext("BE", "education", null));
        await h.SubmitOkAsync(r3, 1, ("age", "40"), ("uses_service", "yes"));
        await h.SubmitOkAsync(r3, 2, ("trust_staff", "2"), ("trust_info", "4"));
        await h.SubmitOkAsync(r3, 3, ("satisfaction", "4"), ("recommend", "1"));
        await study.FinishAsync(r3, 4);

        var r4 = await study.StartAsync(new RespondentContext("BE", "health", null));
        await h.SubmitOkAsync(r4, 1, ("age", "50"), ("uses_service", "yes"));
        await h.SubmitOkAsync(r4, 2, ("trust_staff", "5"), ("trust_info", "dk"));
        await h.SubmitOkAsync(r4, 3, ("satisfaction", "1"), ("recommend", "2"));
        await study.FinishAsync(r4, 4);

        var r5 = await study.StartAsync(new RespondentContext("BE", "health", null));
        await h.SubmitOkAsync(r5, 1, ("age", "30"), ("uses_service", "yes"));
        return study;
    }

    /// <summary>The layout and every row of the filter.</summary>
    public async Task<(DatasetLayout Layout, List<DatasetRow> Rows)> ReadAsync(DatasetFilter filter)
    {
        var layout = await Dataset.GetLayoutAsync(SurveyHarness.StudyKey, filter.Audience, CancellationToken.None);
        Assert.NotNull(layout);
        var rows = new List<DatasetRow>();
        await foreach (var row in Dataset.ReadRowsAsync(layout, filter, CancellationToken.None))
        {
            rows.Add(row);
        }

        return (layout, rows);
    }

    public void Dispose() => Harness.Dispose();

    private async Task<string> StartAsync(RespondentContext context)
    {
        Harness.Clock.Advance(TimeSpan.FromHours(1));
        var result = await Harness.Responses.StartAsync(SurveyHarness.StudyKey, Audience.Citizen, context, true, CancellationToken.None);
        Assert.Empty(result.Errors);
        return result.AccessToken!;
    }

    private async Task FinishAsync(string token, int lastPage)
    {
        Harness.Clock.Advance(TimeSpan.FromMinutes(10));
        var result = await Harness.SubmitOkAsync(token, lastPage);
        Assert.True(result.Completed);
    }

    private static Instrument WithSha(Instrument instrument) =>
        instrument with { Sha256 = InstrumentCanonicalizer.ComputeSha256(instrument) };
}
