using CoproSurvey.App.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection;
using Bunit;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.Core.Instruments;
using static CoproSurvey.Tests.Components.QuestionFixtures;

namespace CoproSurvey.Tests.Components;

public sealed class TextAndNumericQuestionTests : BunitContext
{
    // The components read their own texts through IStringLocalizer; the tests run in the neutral (English) culture.
    public TextAndNumericQuestionTests() => Services.AddLocalization();

    private static readonly NumericBounds AgeBounds = new(16, 110, IntegerOnly: true, Unit: "years");

    [Fact]
    public void NumericQuestion_RendersLabelledTextInputWithNumericKeypad_WhenIntegerOnly()
    {
        var cut = Render<NumericQuestion>(p => p.Add(c => c.Question, Numeric(AgeBounds)));

        var input = cut.Find("input");
        Assert.Equal("text", input.GetAttribute("type"));
        Assert.Equal("numeric", input.GetAttribute("inputmode"));
        Assert.Equal("age", input.GetAttribute("name"));
        Assert.Contains("How old are you?", cut.Find($"label[for='{input.Id}']").TextContent);
        Assert.Contains("(required)", cut.Find("label").TextContent);
        AssertEveryInputLabelled(cut);
    }

    [Fact]
    public void NumericQuestion_UsesDecimalKeypad_WhenDecimalsAllowed()
    {
        var cut = Render<NumericQuestion>(p => p.Add(c => c.Question, Numeric(new NumericBounds(0, 24, false, "hours"))));

        Assert.Equal("decimal", cut.Find("input").GetAttribute("inputmode"));
    }

    [Fact]
    public void NumericQuestion_StatesRangeAndUnitInHintReferencedByInput_Always()
    {
        var cut = Render<NumericQuestion>(p => p.Add(c => c.Question, Numeric(AgeBounds)));

        var hint = cut.Find($"#{SurveyIds.Hint("age")}");
        Assert.Equal("Enter a whole number from 16 to 110 (years).", hint.TextContent);
        Assert.Contains(hint.Id, DescribedBy(cut.Find("input")));
        Assert.Equal("years", cut.Find(".input-group-text").TextContent);
    }

    [Theory]
    [InlineData(null, null, false, "Enter a number.")]
    [InlineData(0.5, null, false, "Enter a number of at least 0.5.")]
    [InlineData(null, 10.0, true, "Enter a whole number of at most 10.")]
    public void NumericQuestion_Hint_DescribesOpenBounds(double? min, double? max, bool integer, string expected)
    {
        var hint = NumericQuestion.Hint(Services.GetRequiredService<IStringLocalizer<RespondentTexts>>(), new NumericBounds((decimal?)min, (decimal?)max, integer, null));

        Assert.Equal(expected, hint);
    }

    [Fact]
    public void NumericQuestion_KeepsTypedValue_WhenValueGiven()
    {
        var cut = Render<NumericQuestion>(p => p.Add(c => c.Question, Numeric(AgeBounds)).Add(c => c.State, Values(("age", ["200"]))));

        Assert.Equal("200", cut.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void NumericQuestion_ShowsErrorLinkedByAriaDescribedBy_WhenErrorGiven()
    {
        var cut = Render<NumericQuestion>(p => p
            .Add(c => c.Question, Numeric(AgeBounds))
            .Add(c => c.State, Errors(("age", "Enter a number from 16 to 110."))));

        AssertErrorLinked(cut, SurveyIds.Error("age"), "Enter a number from 16 to 110.", [cut.Find("input")]);
        Assert.Equal("true", cut.Find("input").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void ShortTextQuestion_RendersLabelledInputWithLimitForTheCounterAndHint_Always()
    {
        var cut = Render<ShortTextQuestion>(p => p.Add(c => c.Question, Text(QuestionType.ShortText, 80)));

        var input = cut.Find("input[type=text]");
        // No maxlength: the browser would count UTF-16 units and could cut an emoji; the server counts text elements.
        Assert.False(input.HasAttribute("maxlength"));
        Assert.Equal("80", input.GetAttribute("data-max-length"));
        Assert.Equal(SurveyIds.Count("remarks"), input.GetAttribute("data-count-status"));
        Assert.Equal("polite", cut.Find($"#{SurveyIds.Count("remarks")}").GetAttribute("aria-live"));
        Assert.Equal("remarks", input.GetAttribute("name"));
        Assert.Contains("up to 80 characters", cut.Find($"#{SurveyIds.Hint("remarks")}").TextContent);
        Assert.Contains(SurveyIds.Hint("remarks"), DescribedBy(input));
        Assert.Empty(cut.FindAll("textarea"));
        AssertEveryInputLabelled(cut);
    }

    [Fact]
    public void LongTextQuestion_RendersLabelledTextareaWithStoredText_WhenValueGiven()
    {
        var cut = Render<LongTextQuestion>(p => p
            .Add(c => c.Question, Text(QuestionType.LongText, 2000))
            .Add(c => c.State, Values(("remarks", ["More street lights, please."]))));

        var area = cut.Find("textarea");
        Assert.False(area.HasAttribute("maxlength"));
        Assert.Equal("2000", area.GetAttribute("data-max-length"));
        Assert.Equal("More street lights, please.", area.TextContent);
        AssertEveryInputLabelled(cut);
    }

    [Fact]
    public void LongTextQuestion_ShowsErrorLinkedByAriaDescribedBy_WhenErrorGiven()
    {
        var cut = Render<LongTextQuestion>(p => p
            .Add(c => c.Question, Text(QuestionType.LongText, 20, required: true))
            .Add(c => c.State, Errors(("remarks", "Use at most 20 characters."))));

        AssertErrorLinked(cut, SurveyIds.Error("remarks"), "Use at most 20 characters.", [cut.Find("textarea")]);
        Assert.Contains("(required)", cut.Find("label").TextContent);
    }

    [Fact]
    public void TextQuestion_OmitsHint_WhenNoMaxLength()
    {
        var cut = Render<ShortTextQuestion>(p => p.Add(c => c.Question, Text(QuestionType.ShortText, maxLength: null)));

        Assert.Empty(cut.FindAll(".question-hint"));
        Assert.False(cut.Find("input").HasAttribute("data-max-length"));
        Assert.False(cut.Find("input").HasAttribute("data-count-status"));
        Assert.False(cut.Find("input").HasAttribute("aria-describedby"));
    }
}
