using Microsoft.Extensions.DependencyInjection;
using Bunit;
using CoproSurvey.App.Components.Survey;
using static CoproSurvey.Tests.Components.QuestionFixtures;

namespace CoproSurvey.Tests.Components;

public sealed class ChoiceQuestionTests : BunitContext
{
    // The components read their own texts through IStringLocalizer; the tests run in the neutral (English) culture.
    public ChoiceQuestionTests() => Services.AddLocalization();

    [Fact]
    public void SingleChoice_RendersLabelledRadiosInFieldset_Always()
    {
        var cut = Render<SingleChoice>(p => p.Add(c => c.Question, Single()));

        Assert.Contains("What is your gender?", cut.Find("fieldset > legend").TextContent);
        var radios = cut.FindAll("input[type=radio]");
        Assert.Equal(["f", "m", "x"], radios.Select(r => r.GetAttribute("value")));
        Assert.All(radios, r => Assert.Equal("gender", r.GetAttribute("name")));
        AssertEveryInputLabelled(cut);
        Assert.Empty(cut.FindAll("input[value=dk]"));
    }

    [Fact]
    public void SingleChoice_ChecksStoredOption_WhenValueGiven()
    {
        var cut = Render<SingleChoice>(p => p.Add(c => c.Question, Single()).Add(c => c.State, Values(("gender", ["m"]))));

        Assert.Equal(["m"], cut.FindAll("input[checked]").Select(r => r.GetAttribute("value")));
    }

    [Fact]
    public void SingleChoice_ShowsErrorLinkedByAriaDescribedBy_WhenErrorGiven()
    {
        var cut = Render<SingleChoice>(p => p.Add(c => c.Question, Single()).Add(c => c.State, Errors(("gender", "Choose an answer."))));

        AssertErrorLinked(cut, SurveyIds.Error("gender"), "Choose an answer.", [cut.Find("fieldset"), .. cut.FindAll("input")]);
    }

    [Fact]
    public void MultipleChoice_RendersLabelledCheckboxesInFieldset_Always()
    {
        var cut = Render<MultipleChoice>(p => p.Add(c => c.Question, Multiple()));

        Assert.Contains("Which of these did you do in the last year?", cut.Find("fieldset > legend").TextContent);
        Assert.DoesNotContain("required", cut.Find("legend").TextContent);
        var boxes = cut.FindAll("input[type=checkbox]");
        Assert.Equal(3, boxes.Count);
        Assert.All(boxes, b => Assert.Equal("act", b.GetAttribute("name")));
        Assert.Empty(cut.FindAll("input[type=radio]"));
        AssertEveryInputLabelled(cut);
    }

    [Theory]
    [InlineData("en", "Select all that apply.")]
    [InlineData("nl", "Kruis alles aan wat van toepassing is.")]
    [InlineData("et", "Märkige kõik sobivad vastused.")]
    public void MultipleChoice_SaysSeveralAnswersMayBeTicked_InTheRespondentsLanguage_WhenTheQuestionHasNoHelp(string language, string expected)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language);
        try
        {
            var cut = Render<MultipleChoice>(p => p.Add(c => c.Question, Multiple()));

            Assert.Equal(expected, cut.Find("p.question-help").TextContent);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void MultipleChoice_ChecksEverySelectedOption_WhenSeveralStored()
    {
        var cut = Render<MultipleChoice>(p => p.Add(c => c.Question, Multiple()).Add(c => c.State, Values(("act", ["lock", "report"]))));

        Assert.Equal(["lock", "report"], cut.FindAll("input[checked]").Select(r => r.GetAttribute("value")));
    }

    [Fact]
    public void MultipleChoice_ShowsErrorLinkedByAriaDescribedBy_WhenErrorGiven()
    {
        var cut = Render<MultipleChoice>(p => p
            .Add(c => c.Question, Multiple(required: true))
            .Add(c => c.State, Errors(("act", "Select at least one option."))));

        AssertErrorLinked(cut, SurveyIds.Error("act"), "Select at least one option.", [cut.Find("fieldset"), .. cut.FindAll("input")]);
        Assert.Contains("(required)", cut.Find("legend").TextContent);
    }
}
