using Microsoft.Extensions.DependencyInjection;
using Bunit;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.Core.Instruments;
using static CoproSurvey.Tests.Components.QuestionFixtures;

namespace CoproSurvey.Tests.Components;

public sealed class LikertQuestionTests : BunitContext
{
    // The components read their own texts through IStringLocalizer; the tests run in the neutral (English) culture.
    public LikertQuestionTests() => Services.AddLocalization();

    [Fact]
    public void LikertQuestion_RendersFieldsetWithQuestionAsLegend_Always()
    {
        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert()));

        var legend = cut.Find("fieldset > legend");
        Assert.Contains("I can contribute to the safety of my neighbourhood.", legend.TextContent);
        Assert.Contains("(required)", legend.TextContent);
    }

    [Fact]
    public void LikertQuestion_OmitsRequiredText_WhenOptional()
    {
        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert(required: false)));

        Assert.DoesNotContain("required", cut.Find("legend").TextContent);
    }

    [Fact]
    public void LikertQuestion_RendersOneLabelledRadioPerPointNamedByItemCode_Always()
    {
        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert()));

        var radios = cut.FindAll("input[type=radio]");
        Assert.Equal(["1", "2", "3", "4", "5", "dk"], radios.Select(r => r.GetAttribute("value")));
        Assert.All(radios, r => Assert.Equal("eff1", r.GetAttribute("name")));
        AssertEveryInputLabelled(cut);
        Assert.Equal("Strongly agree", cut.Find($"label[for='{radios[4].Id}']").TextContent);
    }

    [Fact]
    public void LikertQuestion_ChecksOnlyTheStoredPoint_WhenValueGiven()
    {
        var cut = Render<LikertQuestion>(p => p
            .Add(c => c.Question, Likert())
            .Add(c => c.State, Values(("eff1", ["4"]))));

        var checkedRadios = cut.FindAll("input[type=radio]").Where(r => r.HasAttribute("checked")).ToList();
        Assert.Single(checkedRadios);
        Assert.Equal("4", checkedRadios[0].GetAttribute("value"));
    }

    [Fact]
    public void LikertQuestion_ChecksNothing_WhenNoValue()
    {
        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert()));

        Assert.DoesNotContain(cut.FindAll("input[type=radio]"), r => r.HasAttribute("checked"));
    }

    [Fact]
    public void LikertQuestion_ShowsErrorLinkedByAriaDescribedBy_WhenErrorGiven()
    {
        var cut = Render<LikertQuestion>(p => p
            .Add(c => c.Question, Likert())
            .Add(c => c.State, Errors(("eff1", "Choose one answer."))));

        AssertErrorLinked(cut, SurveyIds.Error("eff1"), "Choose one answer.", [cut.Find("fieldset"), .. cut.FindAll("input")]);
        Assert.All(cut.FindAll("input"), r => Assert.Equal("true", r.GetAttribute("aria-invalid")));
    }

    [Fact]
    public void LikertQuestion_HasNoDescriptionOrInvalidMark_WhenNoErrorAndNoHelp()
    {
        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert()));

        Assert.False(cut.Find("fieldset").HasAttribute("aria-describedby"));
        Assert.DoesNotContain(cut.FindAll("input"), r => r.HasAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll(".question-error"));
    }

    [Fact]
    public void LikertQuestion_ReferencesHelpText_WhenHelpGiven()
    {
        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert(help: "Think of the last twelve months.")));

        Assert.Equal("Think of the last twelve months.", cut.Find($"#{SurveyIds.Help("eff1")}").TextContent);
        Assert.Contains(SurveyIds.Help("eff1"), DescribedBy(cut.Find("fieldset")));
    }

    [Fact]
    public void LikertQuestion_OffersCheckedDontKnow_WhenDontKnowStored()
    {
        var cut = Render<LikertQuestion>(p => p
            .Add(c => c.Question, Likert())
            .Add(c => c.State, Values(("eff1", ["dk"]))));

        var dontKnow = cut.Find("input[value=dk]");
        Assert.True(dontKnow.HasAttribute("checked"));
        Assert.Equal("Don't know", cut.Find($"label[for='{dontKnow.Id}']").TextContent);
    }

    [Fact]
    public void LikertQuestion_OffersNoDontKnow_WhenScaleHasNone()
    {
        var scale = new ResponseScale([new(0, "No"), new(1, "Yes")], DontKnowLabel: null);

        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert(scale: scale)));

        Assert.Empty(cut.FindAll("input[value=dk]"));
        Assert.Equal(2, cut.FindAll("input[type=radio]").Count);
    }

    [Fact]
    public void ScaleChoices_ShowsNumbersWithEndLabels_ForAnElevenPointScale()
    {
        var scale = new ResponseScale(
            Enumerable.Range(0, 11).Select(i => new ScalePoint(i, i switch { 0 => "0 - Not at all", 10 => "10 - Completely", _ => $"{i}" })).ToList(),
            null);

        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert(scale: scale)));

        Assert.Contains("scale-compact", cut.Find(".scale-choices").ClassList);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"{i}"), cut.FindAll(".choice-short").Select(s => s.TextContent));
        Assert.All(cut.FindAll(".choice-short"), s => Assert.Equal("true", s.GetAttribute("aria-hidden")));
        Assert.Equal("0 - Not at all", cut.Find("label[for='q-eff1-0'] .choice-full").TextContent);
        Assert.Equal(["Not at all", "Completely"], cut.FindAll(".scale-ends span").Select(s => s.TextContent));
        AssertEveryInputLabelled(cut);
    }

    [Theory]
    [InlineData(new[] { "Never", "Sometimes", "Often" }, "scale-row")]
    [InlineData(new[] { "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree" }, "scale-row")]
    [InlineData(new[] { "Very dissatisfied", "Dissatisfied", "Neither", "Satisfied", "Very satisfied" }, "scale-stacked")]
    [InlineData(new[] { "1", "2", "3", "4", "5", "6" }, "scale-stacked")]
    [InlineData(new[] { "Stimme überhaupt nicht zu", "Stimme nicht zu", "Weder noch", "Stimme zu", "Stimme voll und ganz zu" }, "scale-stacked")]
    [InlineData(new[] { "Never", "Occasionally", "Often" }, "scale-row")]
    [InlineData(new[] { "Never", "Occasionally", "Often", "Always" }, "scale-stacked")]
    public void ScaleChoices_PutsAShortScaleInOneRow_OnlyWhereItsWordsFit(string[] labels, string layout)
    {
        var scale = new ResponseScale(labels.Select((l, i) => new ScalePoint(i + 1, l)).ToList(), null);

        var cut = Render<LikertQuestion>(p => p.Add(c => c.Question, Likert(scale: scale)));

        Assert.Contains(layout, cut.Find(".scale-choices").ClassList);
        Assert.Empty(cut.FindAll(".choice-short"));
    }
}
