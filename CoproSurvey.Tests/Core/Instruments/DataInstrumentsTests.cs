using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Instruments;

/// <summary>The instruments and the default study shipped under <c>data/</c>.</summary>
public class DataInstrumentsTests
{
    private static readonly Lazy<StudyLoadResult> DefaultStudy =
        new(() => StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json")));

    public static TheoryData<string> InstrumentFiles => new(
        Directory.GetFiles(Path.Combine(RepositoryPaths.Data, "instruments"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            // citizen.nl.json and its kind are translations, checked against their instrument (TranslationLoaderTests).
            .Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.'))
            .Select(Path.GetFileName)
            .Order()!);

    public static TheoryData<string> StudyFiles => new(
        Directory.GetFiles(Path.Combine(RepositoryPaths.Data, "studies"), "*.json").Select(Path.GetFileName).Order()!);

    private static Instrument Citizen => DefaultStudy.Value.Instruments[Audience.Citizen];

    private static Instrument Professional => DefaultStudy.Value.Instruments[Audience.Professional];

    private static IEnumerable<Instrument> Both => [Citizen, Professional];

    [Theory]
    [MemberData(nameof(InstrumentFiles))]
    public void LoadFile_FindsNoProblem_InEveryInstrumentUnderData(string file)
    {
        var result = InstrumentLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "instruments", file));

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(StudyFiles))]
    public void LoadFile_FindsNoProblem_InEveryStudyUnderData(string file)
    {
        var result = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", file));

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void DefaultStudy_IsOpen_WithFiveCountriesFivePolicyFieldsAndBothAudiences()
    {
        var study = DefaultStudy.Value.Study!;

        Assert.Equal(("coproduction", StudyStatus.Open), (study.Key, study.Status));
        Assert.Equal(["BE", "DE", "EE", "GB", "NL"], study.Countries.Select(c => c.Code).Order());
        Assert.Equal(["public-safety", "local-environment", "health", "education", "social-care"], study.PolicyFields.Select(p => p.Code));
        Assert.Equal(
            [(Audience.Citizen, "citizen-core"), (Audience.Professional, "professional-core")],
            DefaultStudy.Value.Instruments.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Key)));
    }

    [Fact]
    public void DefaultInstruments_HaveSixToNineIntroducedPages_OfFiveToTwelveItems()
    {
        foreach (var instrument in Both)
        {
            Assert.InRange(instrument.Sections.Count, 6, 9);
            Assert.False(string.IsNullOrWhiteSpace(instrument.Introduction));
            foreach (var section in instrument.Sections)
            {
                Assert.False(string.IsNullOrWhiteSpace(section.Introduction), $"{instrument.Key}/{section.Code} has no introduction");
                Assert.InRange(section.Questions.Sum(q => q.ItemCodes.Count()), 5, 12);
            }
        }
    }

    [Fact]
    public void DefaultInstruments_DeclareEveryMultiItemConstruct_WithThreeItemsAndAReversedOne()
    {
        foreach (var scale in Both.SelectMany(i => i.Scales))
        {
            Assert.True(scale.Items.Count >= 3, $"{scale.Code} has {scale.Items.Count} items");
            Assert.NotEmpty(scale.Reversed);
            Assert.InRange(scale.MinAnswered, 2, scale.Items.Count);
        }

        // Every matrix battery is a declared construct.
        foreach (var instrument in Both)
        {
            var matrices = instrument.Sections.SelectMany(s => s.Questions).Where(q => q.Type == QuestionType.LikertMatrix);
            Assert.All(matrices, m => Assert.Contains(instrument.Scales, s => s.Items.SequenceEqual(m.Rows.Select(r => r.Code))));
        }
    }

    [Fact]
    public void DefaultInstruments_DeclareTheConstructsTheAnalysesUse()
    {
        Assert.Equal(
            ["c_col", "c_comm", "c_ease", "c_eff_ext", "c_eff_int", "c_ind_edu", "c_ind_env", "c_ind_hea", "c_ind_saf", "c_ind_soc",
             "c_mot_int", "c_mot_mat", "c_mot_norm", "c_mot_soc", "c_sal", "mirror_comp", "mirror_value", "mirror_will"],
            Citizen.Scales.Select(s => s.Code).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["mirror_comp", "mirror_value", "mirror_will", "p_aut", "p_ben", "p_eng", "p_law", "p_risk", "p_rt", "p_skill", "p_sup",
             "p_trust_cit", "p_work"],
            Professional.Scales.Select(s => s.Code).Order(StringComparer.Ordinal));
        var items = Citizen.Items.Select(i => i.Code).ToHashSet();
        Assert.Subset(items, new HashSet<string> { "c_trust_gov", "c_trust_mun", "c_trust_cit", "c_sat", "c_res_safe", "c_res_clean", "c_res_health", "c_reach_info", "c_reach_consult", "c_age", "c_gender", "c_edu", "c_emp", "c_area", "c_hours", "c_comment", "mirror_will_010" });
        Assert.Contains(Professional.Items, i => i.Code == "mirror_will_010");
    }

    [Fact]
    public void DefaultInstruments_UseEveryQuestionType_DontKnowAndDisplayConditions()
    {
        var questions = Both.SelectMany(i => i.Sections.SelectMany(s => s.Questions)).ToList();

        Assert.Equal(Enum.GetValues<QuestionType>().Order(), questions.Select(q => q.Type).Distinct().Order());
        Assert.Contains(questions, q => q.Type == QuestionType.Likert && q.ResponseScale!.DontKnowLabel is not null);
        foreach (var instrument in Both)
        {
            Assert.Contains(instrument.Sections, s => s.DisplayCondition is not null || s.Questions.Any(q => q.DisplayCondition is not null));
        }
    }

    [Fact]
    public void MirrorItems_HaveTheSameCodesScalesAndConstructs_InBothInstruments()
    {
        static Dictionary<string, ResponseScale> Mirrors(Instrument i) =>
            i.Items.Where(r => r.Code.StartsWith("mirror_", StringComparison.Ordinal)).ToDictionary(r => r.Code, r => r.Question.ResponseScale!);

        var citizen = Mirrors(Citizen);
        var professional = Mirrors(Professional);

        Assert.Equal(citizen.Keys.Order(), professional.Keys.Order());
        Assert.Equal(11, citizen.Count);
        foreach (var (code, scale) in citizen)
        {
            Assert.Equal(scale.Points, professional[code].Points);
            Assert.Equal(scale.DontKnowLabel, professional[code].DontKnowLabel);
        }

        var mirrorScales = (Instrument i) => i.Scales.Where(s => s.Code.StartsWith("mirror_", StringComparison.Ordinal))
            .Select(s => (s.Code, string.Join(",", s.Items), string.Join(",", s.Reversed), s.MinAnswered));
        Assert.Equal(mirrorScales(Citizen), mirrorScales(Professional));
    }

    [Fact]
    public void DefaultInstruments_ShowCareSectionOnlyToUsersOfThoseServices()
    {
        var none = new Dictionary<string, AnswerValue> { ["c_use"] = AnswerValue.MultipleChoice("c_use", ["environment"]) };
        var health = new Dictionary<string, AnswerValue> { ["c_use"] = AnswerValue.MultipleChoice("c_use", ["environment", "health"]) };

        Assert.DoesNotContain(InstrumentNavigator.VisibleSections(Citizen, none), s => s.Code == "care");
        var care = Assert.Single(InstrumentNavigator.VisibleSections(Citizen, health), s => s.Code == "care");
        Assert.Equal(["c_ind_hea"], InstrumentNavigator.VisibleQuestions(care, health).Select(q => q.Code));
    }

    [Theory]
    [InlineData(Audience.Citizen, "c_use")]
    [InlineData(Audience.Professional, "p_phases")]
    public void DefaultInstruments_MarkNoneOfTheseExclusive_AndRefuseItWithOthers(Audience audience, string code)
    {
        var instrument = audience == Audience.Citizen ? Citizen : Professional;
        var item = instrument.FindItem(code)!;
        var other = item.Question.Options.First(o => !o.Exclusive).Code;

        Assert.Equal(["none"], item.Question.Options.Where(o => o.Exclusive).Select(o => o.Code));
        var involved = new Dictionary<string, AnswerValue> { ["p_involved"] = AnswerValue.SingleChoice("p_involved", "yes") };
        var together = AnswerValidator.Validate(item.Section, involved, Form(instrument, item, [other, "none"]));
        var alone = AnswerValidator.Validate(item.Section, involved, Form(instrument, item, ["none"]));

        var error = Assert.Single(together.Errors, e => e.ItemCode == code);
        Assert.Contains("\"None of these\" cannot be chosen together", error.Message);
        Assert.DoesNotContain(alone.Errors, e => e.ItemCode == code);
    }

    [Fact]
    public void ProfessionalInstrument_AsksPhasesOnlyOfThoseWhoWorkedWithCitizens()
    {
        var phases = Professional.FindItem("p_phases")!;
        var involved = Professional.FindItem("p_involved")!;
        var no = new Dictionary<string, AnswerValue> { ["p_involved"] = AnswerValue.SingleChoice("p_involved", "no") };
        var yes = new Dictionary<string, AnswerValue> { ["p_involved"] = AnswerValue.SingleChoice("p_involved", "yes") };

        Assert.True(phases.SectionIndex > involved.SectionIndex);
        Assert.DoesNotContain(phases.Question, InstrumentNavigator.VisibleQuestions(phases.Section, no));
        Assert.Contains(phases.Question, InstrumentNavigator.VisibleQuestions(phases.Section, yes));
        var page = AnswerValidator.Validate(phases.Section, no, Form(Professional, phases, []));
        Assert.DoesNotContain(page.Errors, e => e.ItemCode == "p_phases");
    }

    [Fact]
    public void CitizenInstrument_AsksAboutAChildInTheHouseholdOnlyOfUsersOfASchoolOrNursery()
    {
        var adult = new Dictionary<string, AnswerValue> { ["c_use"] = AnswerValue.MultipleChoice("c_use", ["adult_education"]) };
        var school = new Dictionary<string, AnswerValue> { ["c_use"] = AnswerValue.MultipleChoice("c_use", ["education"]) };

        Assert.DoesNotContain(InstrumentNavigator.VisibleSections(Citizen, adult), s => s.Code == "care");
        var care = Assert.Single(InstrumentNavigator.VisibleSections(Citizen, school), s => s.Code == "care");
        Assert.Equal(["c_ind_edu"], InstrumentNavigator.VisibleQuestions(care, school).Select(q => q.Code));
        Assert.Contains("child in your household", Citizen.FindItem("c_use")!.Question.Options.Single(o => o.Code == "education").Label);
    }

    // Every other item of the page answered validly, so that only the item under test can fail.
    private static Dictionary<string, IReadOnlyList<string>> Form(Instrument instrument, ItemRef item, IReadOnlyList<string> values)
    {
        var answers = CoproSurvey.Tests.App.ValidAnswers.ForShippedInstrument(instrument.Audience);
        var form = InstrumentNavigator.VisibleQuestions(item.Section, new Dictionary<string, AnswerValue>
            {
                ["p_involved"] = AnswerValue.SingleChoice("p_involved", "yes"),
                ["c_use"] = AnswerValue.MultipleChoice("c_use", ["health"]),
            })
            .SelectMany(q => q.ItemCodes)
            .Where(c => c != item.Code)
            .ToDictionary(c => c, c => answers.FormValues(c), StringComparer.Ordinal);
        if (values.Count > 0)
        {
            form[item.Code] = values;
        }

        return form;
    }
}
