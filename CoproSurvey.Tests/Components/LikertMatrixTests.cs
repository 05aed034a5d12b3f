using Microsoft.Extensions.DependencyInjection;
using Bunit;
using CoproSurvey.App.Components.Survey;
using static CoproSurvey.Tests.Components.QuestionFixtures;

namespace CoproSurvey.Tests.Components;

public sealed class LikertMatrixTests : BunitContext
{
    // The components read their own texts through IStringLocalizer; the tests run in the neutral (English) culture.
    public LikertMatrixTests() => Services.AddLocalization();

    [Fact]
    public void LikertMatrix_RendersOneFieldsetWithLegendPerRow_Always()
    {
        var cut = Render<LikertMatrix>(p => p.Add(c => c.Question, Matrix()));

        Assert.Contains("Why do you take part?", cut.Find("fieldset.question-matrix > legend").TextContent);
        Assert.Contains("(required)", cut.Find("fieldset.question-matrix > legend").TextContent);
        var rows = cut.FindAll("fieldset.matrix-row");
        Assert.Equal(["Why do you take part?It is enjoyable.", "Why do you take part?It is my duty as a citizen.", "Why do you take part?It saves me money."],
            rows.Select(r => r.QuerySelector("legend")!.TextContent.Trim()));
    }

    [Fact]
    public void LikertMatrix_RepeatsTheStemInEveryStatement_ForSmallScreens()
    {
        var cut = Render<LikertMatrix>(p => p.Add(c => c.Question, Matrix()));

        Assert.Equal(3, cut.FindAll("fieldset.matrix-row > legend > .matrix-stem").Count);
        Assert.All(cut.FindAll(".matrix-stem"), s => Assert.Equal("Why do you take part?", s.TextContent));
    }

    [Fact]
    public void LikertMatrix_JoinsAStemThatRunsOnIntoOneSentence_WithoutTheDots()
    {
        var question = Matrix() with
        {
            Text = "On a scale from 0 to 10, how much...",
            Rows = [new("rt_1", "...paperwork is needed before citizens can take part?")],
        };

        var cut = Render<LikertMatrix>(p => p.Add(c => c.Question, question));

        var legend = cut.Find("fieldset.matrix-row > legend");
        Assert.Equal("On a scale from 0 to 10, how much ", legend.QuerySelector(".matrix-stem-inline")!.TextContent);
        Assert.Equal("...", legend.QuerySelector(".matrix-lead")!.TextContent);
        Assert.EndsWith("paperwork is needed before citizens can take part?", legend.TextContent.Trim());
    }

    [Fact]
    public void LikertMatrix_NamesRadiosByRowCodeWithVisibleLabels_Always()
    {
        var cut = Render<LikertMatrix>(p => p.Add(c => c.Question, Matrix()));

        foreach (var row in cut.FindAll("fieldset.matrix-row"))
        {
            var names = row.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("name")).Distinct().ToList();
            Assert.Single(names);
            Assert.Equal(6, row.QuerySelectorAll("input[type=radio]").Length);
            Assert.Equal(6, row.QuerySelectorAll("label").Length);
        }

        Assert.Equal(["mot_fun", "mot_duty", "mot_money"], cut.FindAll("input[value='1']").Select(r => r.GetAttribute("name")));
        AssertEveryInputLabelled(cut);
    }

    [Fact]
    public void LikertMatrix_HidesHeaderFromAssistiveTechnology_Always()
    {
        var cut = Render<LikertMatrix>(p => p.Add(c => c.Question, Matrix()));

        Assert.Equal("true", cut.Find(".matrix-header").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void LikertMatrix_ChecksStoredPointPerRow_WhenValuesGiven()
    {
        var cut = Render<LikertMatrix>(p => p
            .Add(c => c.Question, Matrix())
            .Add(c => c.State, Values(("mot_fun", ["5"]), ("mot_money", ["dk"]))));

        var checkedRadios = cut.FindAll("input[checked]").Select(r => (r.GetAttribute("name"), r.GetAttribute("value")));
        Assert.Equal([("mot_fun", "5"), ("mot_money", "dk")], checkedRadios);
    }

    [Fact]
    public void LikertMatrix_LinksErrorToItsRowOnly_WhenOneRowHasError()
    {
        var cut = Render<LikertMatrix>(p => p
            .Add(c => c.Question, Matrix())
            .Add(c => c.State, Errors(("mot_duty", "Choose one answer for this statement."))));

        var row = cut.FindAll("fieldset.matrix-row")[1];
        AssertErrorLinked(cut, SurveyIds.Error("mot_duty"), "Choose one answer for this statement.",
            [row, .. row.QuerySelectorAll("input")]);
        Assert.Contains("has-error", row.ClassList);
        Assert.DoesNotContain(cut.FindAll("input[name=mot_fun]"), r => r.HasAttribute("aria-describedby"));
    }

    [Fact]
    public void LikertMatrix_OffersDontKnowInEveryRow_WhenScaleHasIt()
    {
        var cut = Render<LikertMatrix>(p => p.Add(c => c.Question, Matrix()));

        Assert.Equal(3, cut.FindAll("input[value=dk]").Count);
        Assert.Contains("Don't know", cut.Find(".matrix-header").TextContent);
    }

    [Fact]
    public void LikertMatrix_OffersNotApplicableAfterThePointsAndDontKnow_InEveryRowAndTheHeader_WhenScaleHasIt()
    {
        var question = Matrix() with { ResponseScale = Matrix().ResponseScale! with { NotApplicableLabel = "Does not apply to me" } };

        var cut = Render<LikertMatrix>(p => p
            .Add(c => c.Question, question)
            .Add(c => c.State, Values(("mot_duty", [SurveyFormState.NotApplicableValue]))));

        foreach (var row in cut.FindAll("fieldset.matrix-row"))
        {
            var values = row.QuerySelectorAll("input[type=radio]").Select(i => i.GetAttribute("value")).ToList();
            Assert.Equal(["dk", "na"], values.TakeLast(2));
        }

        Assert.Equal(3, cut.FindAll("input[value=na]").Count);
        Assert.Equal("Does not apply to me", cut.FindAll(".matrix-header span").Last().TextContent);
        var chosen = cut.Find("input[name=mot_duty][value=na]");
        Assert.True(chosen.HasAttribute("checked"));
        Assert.Equal("Does not apply to me", cut.Find($"label[for='{chosen.Id}']").TextContent);
        Assert.Contains("--scale-points: 7", cut.Find(".matrix").GetAttribute("style"));
    }
}
