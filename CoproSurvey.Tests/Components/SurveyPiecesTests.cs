using Microsoft.Extensions.DependencyInjection;
using Bunit;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using static CoproSurvey.Tests.Components.QuestionFixtures;

namespace CoproSurvey.Tests.Components;

public sealed class SurveyPiecesTests : BunitContext
{
    // The components read their own texts through IStringLocalizer; the tests run in the neutral (English) culture.
    public SurveyPiecesTests() => Services.AddLocalization();

    [Fact]
    public void ErrorSummary_ListsMessagesAsAlertWithLinksIntoPage_WhenErrorsGiven()
    {
        var cut = Render<ErrorSummary>(p => p
            .Add(c => c.Items, [new ErrorSummaryItem("Choose one answer.", "q-eff1-1"), new ErrorSummaryItem("This page is not available.", null)])
            .Add(c => c.PagePath, "/r/ABCD-EFGH/3"));

        Assert.Equal("alert", cut.Find(".error-summary").GetAttribute("role"));
        var links = cut.FindAll(".error-summary a");
        Assert.Single(links);
        Assert.Equal("/r/ABCD-EFGH/3#q-eff1-1", links[0].GetAttribute("href"));
        Assert.Contains("This page is not available.", cut.Find(".error-summary").TextContent);
    }

    [Fact]
    public void ErrorSummary_RendersNothing_WhenNoErrors()
    {
        var cut = Render<ErrorSummary>(p => p.Add(c => c.Items, []).Add(c => c.PagePath, "/r/ABCD-EFGH/3"));

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void ProgressIndicator_StatesPageInWordsAndShareDoneBefore_OnAQuestionnairePage()
    {
        var cut = Render<ProgressIndicator>(p => p.Add(c => c.Progress, new QuestionnaireProgress(3, 8)));

        Assert.Contains("Page 3 of 8", cut.Find(".survey-progress-text").TextContent);
        var bar = cut.Find("[role=progressbar]");
        Assert.Equal("25", bar.GetAttribute("aria-valuenow"));
        Assert.Equal("0", bar.GetAttribute("aria-valuemin"));
        Assert.Equal("100", bar.GetAttribute("aria-valuemax"));
        Assert.Equal("Page 3 of 8", bar.GetAttribute("aria-valuetext"));
        Assert.Contains("width: 25%", cut.Find(".progress-bar").GetAttribute("style"));
    }

    [Fact]
    public void ProgressIndicator_IsNeverFull_OnTheLastPage()
    {
        var cut = Render<ProgressIndicator>(p => p.Add(c => c.Progress, new QuestionnaireProgress(8, 8)));

        Assert.Equal("87.5", cut.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void ProgressIndicator_ShowsFullBar_WhenComplete()
    {
        var cut = Render<ProgressIndicator>(p => p.Add(c => c.Complete, true));

        Assert.Equal("100", cut.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Contains("width: 100%", cut.Find(".progress-bar").GetAttribute("style"));
        Assert.Contains("complete", cut.Find(".survey-progress-text").TextContent);
    }

    [Fact]
    public void QuestionView_RendersComponentOfQuestionType_ForEveryType()
    {
        Question[] questions =
        [
            Likert(), Matrix(), Single(), Multiple(), Numeric(new NumericBounds(0, 10, true, null)),
            Text(QuestionType.ShortText), Text(QuestionType.LongText),
        ];
        string[] expectedClasses =
            ["question-likert", "question-matrix", "question-single", "question-multiple", "question-numeric", "question-shorttext", "question-longtext"];

        var rendered = questions.Select(q => Render<QuestionView>(p => p.Add(c => c.Question, q)).Find(".question").ClassList);

        Assert.Equal(expectedClasses, rendered.Select(classes => classes.Single(c => c.StartsWith("question-", StringComparison.Ordinal))));
    }

    [Fact]
    public void SurveyFormState_FromAnswers_MapsDontKnowMultipleChoiceAndTextWithSeparators()
    {
        var state = SurveyFormState.FromAnswers(new Dictionary<string, AnswerValue>
        {
            ["eff1"] = AnswerValue.DontKnowTo("eff1"),
            ["act"] = AnswerValue.MultipleChoice("act", ["lock", "report"]),
            ["age"] = AnswerValue.Numeric("age", 42),
            ["remark"] = AnswerValue.Text("remark", "slow; rude staff"),
        });

        Assert.Equal(["dk"], state.ValuesOf("eff1"));
        Assert.Equal(["lock", "report"], state.ValuesOf("act"));
        Assert.Equal(["slow; rude staff"], state.ValuesOf("remark"));
        Assert.Equal("42", state.ValueOf("age"));
        Assert.Empty(state.ValuesOf("unknown"));
        Assert.False(state.HasErrors);
    }

    [Fact]
    public void SurveyIds_FirstInput_PointsAtFirstRadioOrTheInput()
    {
        Assert.Equal("q-mot_duty-1", SurveyIds.FirstInput(Matrix(), "mot_duty"));
        Assert.Equal("q-gender-f", SurveyIds.FirstInput(Single(), "gender"));
        Assert.Equal("q-age", SurveyIds.FirstInput(Numeric(new NumericBounds(null, null, false, null)), "age"));
    }

    [Fact]
    public void ResumeCodeNotice_ShowsCodeAndResumeAddress_Always()
    {
        var cut = Render<ResumeCodeNotice>(p => p.Add(c => c.Code, "K7MD-3QXA"));

        Assert.Equal("K7MD-3QXA", cut.Find(".resume-code").TextContent);
        Assert.EndsWith("/resume", cut.Find("a").TextContent);
    }
}
