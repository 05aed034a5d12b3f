using System.Globalization;
using CoproSurvey.Core.Demo;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using PearsonCorrelation = CoproSurvey.Core.Statistics.Correlation;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Demo;

public class DemoDataGeneratorTests
{
    private static readonly DateTimeOffset End = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<StudyLoadResult> Study = new(() =>
        StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json")));

    private static DemoDataGenerator Generator(int seed) => new(Study.Value.Study!, Study.Value.Instruments, seed, End);

    [Fact]
    public void Generate_GivesIdenticalResponses_ForTheSameSeed()
    {
        var first = Generator(7).Generate(200).ToList();
        var second = Generator(7).Generate(200).ToList();

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Generate_GivesOtherResponses_ForAnotherSeed()
    {
        var first = Generator(7).Generate(50).ToList();
        var other = Generator(8).Generate(50).ToList();

        Assert.NotEqual(Describe(first), Describe(other));
    }

    [Fact]
    public void Generate_CoversBothAudiencesEveryCountryAndField()
    {
        var responses = Generator(1).Generate(1000).ToList();

        Assert.InRange(responses.Count(r => r.Audience == Audience.Citizen), 690, 810);
        Assert.Equal(Study.Value.Study!.Countries.Select(c => c.Code).Order(), responses.Select(r => r.Context.Country!).Distinct().Order());
        Assert.Equal(Study.Value.Study!.PolicyFields.Select(f => f.Code).Order(), responses.Select(r => r.Context.PolicyField!).Distinct().Order());
        Assert.All(responses, r => Assert.True(r.CompletedAt > r.StartedAt && r.CompletedAt <= End.AddHours(1)));
    }

    [Fact]
    public void Generate_AnswersOnlyVisibleQuestions_WithValidValues()
    {
        var responses = Generator(3).Generate(400).ToList();

        foreach (var response in responses)
        {
            var instrument = Study.Value.Instruments[response.Audience];
            var answers = response.Answers.ToDictionary(a => a.ItemCode);
            var visible = InstrumentNavigator.VisibleSections(instrument, answers)
                .SelectMany(s => InstrumentNavigator.VisibleQuestions(s, answers))
                .SelectMany(q => q.ItemCodes.Select(code => (code, q)))
                .ToDictionary(x => x.code, x => x.q);
            foreach (var answer in response.Answers)
            {
                Assert.True(visible.TryGetValue(answer.ItemCode, out var question), $"{answer.ItemCode} answered but not shown.");
                Assert.Null(AnswerValidator.CheckStoredValue(question, answer));
            }

            Assert.All(visible.Where(v => v.Value.Required), v => Assert.Contains(v.Key, answers.Keys));
        }
    }

    [Fact]
    public async Task Generate_ImportsIntoTheDatabase_AsCompletedSimulatedResponses()
    {
        using var database = SqliteDatabase.InMemory();
        await new DatabaseInitializer(database.ContextFactory, database.Options(RepositoryPaths.Data), TimeProvider.System).InitializeAsync(CancellationToken.None);
        var importer = new ResponseImporter(database.ContextFactory, TimeProvider.System);

        var imported = await importer.ImportCompletedAsync("coproduction", Generator(5).Generate(300), CancellationToken.None);

        Assert.Equal(300, imported);
        await using var db = database.CreateContext();
        Assert.Equal(300, await db.Responses.CountAsync(r => r.IsSimulated && r.CompletedAt != null));
    }

    [Fact]
    public void Generate_AnswersNotApplicable_ForAPlausibleShare_OnlyWhereTheScaleOffersIt()
    {
        var responses = Generator(7).Generate(3000).ToList();
        var offers = Study.Value.Instruments.Values
            .SelectMany(i => i.Items)
            .GroupBy(i => i.Code)
            .ToDictionary(g => g.Key, g => g.First().Question.ResponseScale?.NotApplicableLabel is not null);
        var answers = responses.SelectMany(r => r.Answers).ToList();

        double Share(string item) =>
            answers.Count(a => a.ItemCode == item && a.NotApplicable) / (double)answers.Count(a => a.ItemCode == item);

        Assert.Contains(offers, o => o.Value);
        Assert.DoesNotContain(answers, a => a.NotApplicable && !offers[a.ItemCode]);
        Assert.All(answers.Where(a => a.NotApplicable), a => Assert.Equal((null, null, false), (a.Value, a.Number, a.DontKnow)));
        Assert.InRange(Share("c_col_3"), 0.35, 0.45);
        Assert.InRange(Share("c_ind_hea_4"), 0.16, 0.24);
        Assert.InRange(Share("c_col_2"), 0.005, 0.04);
        Assert.Equal(Describe(responses.Take(300)), Describe(Generator(7).Generate(300)));
    }

    [Fact]
    public void Generate_ShowsThePublishedPatterns_InCitizenResponses()
    {
        var citizens = Generator(11).Generate(6000).Where(r => r.Audience == Audience.Citizen).ToList();
        var instrument = Study.Value.Instruments[Audience.Citizen];

        var individual = citizens.Select(r => ScaleMean(instrument, r, "c_ind_saf", "c_ind_env")).ToArray();
        var collective = citizens.Select(r => ScaleMean(instrument, r, "c_col")).ToArray();
        var efficacy = citizens.Select(r => ScaleMean(instrument, r, "c_eff_int")).ToArray();
        var political = citizens.Select(r => ScaleMean(instrument, r, "c_eff_ext")).ToArray();
        var female = citizens.Select(r => Value(r, "c_gender") == "female").ToArray();

        Assert.True(Mean(individual) - Mean(collective) > 0.3, $"individual {Mean(individual):F2} vs collective {Mean(collective):F2}");
        Assert.InRange(Correlation(efficacy, individual), 0.15, 0.8);
        Assert.True(Correlation(political, collective) > Correlation(political, individual), "political efficacy predicts collective coproduction more");
        var women = individual.Where((_, i) => female[i]).Where(v => !double.IsNaN(v)).Average();
        var men = individual.Where((_, i) => !female[i]).Where(v => !double.IsNaN(v)).Average();
        Assert.True(women > men, $"women {women:F3} vs men {men:F3}");
    }

    [Fact]
    public void Generate_ShowsThePublishedPatterns_InProfessionalResponses()
    {
        var all = Generator(12).Generate(8000).ToList();
        var professionals = all.Where(r => r.Audience == Audience.Professional).ToList();
        var citizens = all.Where(r => r.Audience == Audience.Citizen).ToList();
        var instrument = Study.Value.Instruments[Audience.Professional];

        var engagement = professionals.Select(r => ScaleMean(instrument, r, "p_eng")).ToArray();
        var support = professionals.Select(r => ScaleMean(instrument, r, "p_sup")).ToArray();
        var redTape = professionals.Select(r => ScaleMean(instrument, r, "p_rt")).ToArray();
        var estimate = professionals.Select(r => double.Parse(Value(r, "mirror_will_010")!, CultureInfo.InvariantCulture)).Average();
        var stated = citizens.Select(r => double.Parse(Value(r, "mirror_will_010")!, CultureInfo.InvariantCulture)).Average();

        Assert.True(Correlation(support, engagement) > 0.1);
        Assert.True(Correlation(redTape, engagement) < -0.1);
        Assert.True(estimate < stated - 0.5, $"professionals' estimate {estimate:F2} vs citizens' stated willingness {stated:F2}");
    }

    private static string Describe(IEnumerable<SimulatedResponse> responses) =>
        string.Join('\n', responses.Select(r =>
            $"{r.Audience}|{r.Context}|{r.StartedAt:O}|{r.CompletedAt:O}|" + string.Join(',', r.Answers.Select(a => $"{a.ItemCode}={a.Value}{(a.DontKnow ? "?" : "")}{(a.NotApplicable ? "~" : "")}"))));

    private static string? Value(SimulatedResponse response, string code) =>
        response.Answers.FirstOrDefault(a => a.ItemCode == code)?.Value;

    /// <summary>Mean of the answered items of the scales, reverse-keyed items recoded; NaN when none answered.</summary>
    private static double ScaleMean(Instrument instrument, SimulatedResponse response, params string[] scaleCodes)
    {
        var values = new List<double>();
        foreach (var scale in instrument.Scales.Where(s => scaleCodes.Contains(s.Code)))
        {
            var points = instrument.Items.First(i => i.Code == scale.Items[0]).Question.ResponseScale!.Points;
            var (min, max) = (points.Min(p => p.Value), points.Max(p => p.Value));
            foreach (var item in scale.Items)
            {
                if (Value(response, item) is { } text)
                {
                    var v = double.Parse(text, CultureInfo.InvariantCulture);
                    values.Add(scale.Reversed.Contains(item) ? min + max - v : v);
                }
            }
        }

        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static double Mean(double[] values) => values.Where(v => !double.IsNaN(v)).Average();

    private static double Correlation(double[] x, double[] y) =>
        PearsonCorrelation.Test(Nullable(x), Nullable(y)).R!.Value;

    private static double?[] Nullable(double[] values) => [.. values.Select(v => double.IsNaN(v) ? (double?)null : v)];
}
