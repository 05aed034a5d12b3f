using CoproSurvey.Core.Responses;

namespace CoproSurvey.Tests.Core.Responses;

public class AnswerValidatorTests
{
    private static readonly IReadOnlyDictionary<string, AnswerValue> NoAnswers = new Dictionary<string, AnswerValue>();

    private static PageValidation Validate(string page, params (string Key, string Value)[] fields) =>
        AnswerValidator.Validate(TestInstrument.Page(page), NoAnswers, SurveyHarness.Form(fields));

    private static PageValidation ValidateViews(int age, params (string Key, string Value)[] fields) =>
        AnswerValidator.Validate(
            TestInstrument.Page("views"),
            new Dictionary<string, AnswerValue> { ["age"] = AnswerValue.Numeric("age", age) },
            SurveyHarness.Form(fields));

    [Fact]
    public void Validate_AcceptsScalePointsAndDontKnow_ForMatrixRows()
    {
        // Act
        var result = Validate("service", ("trust_staff", "4"), ("trust_info", "DK"));

        // Assert
        Assert.Empty(result.Errors);
        Assert.Contains(AnswerValue.ScalePoint("trust_staff", 4), result.Answers);
        Assert.Contains(AnswerValue.DontKnowTo("trust_info"), result.Answers);
        Assert.Equal(4.0, result.Answers.Single(a => a.ItemCode == "trust_staff").Number);
        Assert.Null(result.Answers.Single(a => a.ItemCode == "trust_info").Number);
        Assert.Equal(["channels"], result.ClearedItems);
    }

    [Theory]
    [InlineData("dk")]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("3.0")]
    [InlineData("three")]
    public void Validate_RejectsValuesOffTheScale_ForLikert(string posted)
    {
        // Act: the satisfaction scale has points 1..4 and no "don't know".
        var result = Validate("views", ("satisfaction", posted));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(new FieldError("satisfaction", "Please choose one of the options."), error);
        Assert.DoesNotContain(result.Answers, a => a.ItemCode == "satisfaction");
    }

    [Fact]
    public void Validate_RejectsUnknownCodeAndTwoValues_ForSingleChoice()
    {
        // Act
        var unknown = Validate("about", ("age", "30"), ("uses_service", "maybe"));
        var two = Validate("about", ("age", "30"), ("uses_service", "yes"), ("uses_service", "no"));

        // Assert
        Assert.Equal([new FieldError("uses_service", "Please choose one of the options.")], unknown.Errors);
        Assert.Equal("uses_service", Assert.Single(two.Errors).ItemCode);
    }

    [Fact]
    public void Validate_ListsCodesInInstrumentOrder_ForMultipleChoice()
    {
        // Act
        var result = Validate("service", ("trust_staff", "1"), ("trust_info", "2"), ("channels", "desk"), ("channels", "web"));

        // Assert
        Assert.Empty(result.Errors);
        var channels = Assert.Single(result.Answers, a => a.ItemCode == "channels");
        Assert.Equal(["web", "desk"], channels.Choices);
        Assert.Equal((null, null), (channels.Value, channels.Number));
        Assert.Equal("""["web","desk"]""", channels.ToStoredText());
    }

    [Theory]
    [InlineData("web", "fax", "Please choose only from the options shown.")]
    [InlineData("web", "web", "Each option can be chosen only once.")]
    public void Validate_RejectsUnknownOrRepeatedCodes_ForMultipleChoice(string first, string second, string message)
    {
        // Act
        var result = Validate("service", ("trust_staff", "1"), ("trust_info", "2"), ("channels", first), ("channels", second));

        // Assert
        Assert.Equal([new FieldError("channels", message)], result.Errors);
    }

    [Theory]
    [InlineData("2,5", "2.5")]
    [InlineData(" 2.50 ", "2.5")]
    [InlineData("40", "40")]
    [InlineData("0", "0")]
    public void Validate_ParsesInvariantOrCommaDecimals_ForNumeric(string posted, string stored)
    {
        // Act
        var result = ValidateViews(30, ("satisfaction", "3"), ("hours", posted));

        // Assert
        Assert.Empty(result.Errors);
        var hours = Assert.Single(result.Answers, a => a.ItemCode == "hours");
        Assert.Equal(stored, hours.Value);
        Assert.Equal(double.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), hours.Number);
    }

    [Theory]
    [InlineData("121")]
    [InlineData("-1")]
    [InlineData("30.5")]
    [InlineData("30,5")]
    [InlineData("1,000")]
    [InlineData("1e2")]
    [InlineData("thirty")]
    public void Validate_AsksForAWholeNumberInRange_ForIntegerNumeric(string posted)
    {
        // Act
        var result = Validate("about", ("age", posted), ("uses_service", "no"));

        // Assert
        Assert.Equal([new FieldError("age", "Enter a whole number between 0 and 120.")], result.Errors);
    }

    [Fact]
    public void Validate_TrimsText_AndRejectsItBeyondMaxLength()
    {
        // Act
        var ok = Validate("final", ("nickname", "  Robin  "));
        var tooLong = Validate("final", ("nickname", new string('x', 21)));

        // Assert
        Assert.Equal([new AnswerValue("nickname", "Robin")], ok.Answers);
        var error = Assert.Single(tooLong.Errors);
        Assert.Equal("nickname", error.ItemCode);
        Assert.StartsWith("Please shorten your answer to at most 20 characters", error.Message);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("desk")]
    public void Validate_RefusesAnExclusiveOptionWithOthers_NamingItNextToTheQuestion(string other)
    {
        // Act
        var together = Validate("service", ("trust_staff", "1"), ("trust_info", "2"), ("channels", other), ("channels", "none"));
        var alone = Validate("service", ("trust_staff", "1"), ("trust_info", "2"), ("channels", "none"));

        // Assert
        Assert.Equal(
            [new FieldError("channels", "\"None of these\" cannot be chosen together with other options. Please untick it or the others.")],
            together.Errors);
        Assert.DoesNotContain(together.Answers, a => a.ItemCode == "channels");
        Assert.Empty(alone.Errors);
        Assert.Equal(["none"], Assert.Single(alone.Answers, a => a.ItemCode == "channels").Choices);
    }

    [Theory]
    [InlineData("\U0001F600", 1)] // one emoji, two UTF-16 units
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467", 1)] // a family: three emoji joined, eight units
    [InlineData("\U0001F1EA\U0001F1EA", 1)] // a flag, four units
    [InlineData("e\u0301", 1)] // e and a combining accent
    [InlineData("abc", 3)]
    public void TextLength_CountsCharactersAPersonSees(string text, int expected)
    {
        Assert.Equal(expected, AnswerValidator.TextLength(text));
    }

    [Fact]
    public void Validate_CountsTextElements_SoTwentyEmojiFitALimitOfTwenty()
    {
        // Act
        var twenty = Validate("final", ("nickname", string.Concat(Enumerable.Repeat("\U0001F44D\U0001F3FD", 20))));
        var twentyOne = Validate("final", ("nickname", string.Concat(Enumerable.Repeat("\U0001F600", 21))));

        // Assert
        Assert.Empty(twenty.Errors);
        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F44D\U0001F3FD", 20)), Assert.Single(twenty.Answers).Value);
        Assert.Equal([new FieldError("nickname", "Please shorten your answer to at most 20 characters (it has 21).")], twentyOne.Errors);
    }

    [Fact]
    public void Validate_KeepsNewlinesInLongText_ButNoOtherControlCharacters()
    {
        // Act
        var newline = ValidateViews(30, ("satisfaction", "2"), ("comment", "first line\r\nsecond line"));
        var tab = ValidateViews(30, ("satisfaction", "2"), ("comment", "a\tb"));
        var shortWithNewline = Validate("final", ("nickname", "a\nb"));

        // Assert
        Assert.Contains(new AnswerValue("comment", "first line\nsecond line"), newline.Answers);
        Assert.Equal("comment", Assert.Single(tab.Errors).ItemCode);
        Assert.Equal("nickname", Assert.Single(shortWithNewline.Errors).ItemCode);
    }

    [Fact]
    public void Validate_ReportsEveryUnansweredRequiredItem_AndNothingForOptionalOnes()
    {
        // Act
        var result = Validate("service", ("channels", "web"), ("trust_info", " "));

        // Assert
        Assert.Equal(
            [new FieldError("trust_staff", "Please answer this statement."), new FieldError("trust_info", "Please answer this statement.")],
            result.Errors);
    }

    [Fact]
    public void Validate_ReportsAPageError_ForKeysNotOnThePage_ButIgnoresUnderscoreKeys()
    {
        // Act
        var foreign = Validate("final", ("nickname", "Robin"), ("age", "30"));
        var framework = Validate("final", ("nickname", "Robin"), ("__RequestVerificationToken", "abc"), ("_handler", "page"));

        // Assert
        var error = Assert.Single(foreign.Errors);
        Assert.Null(error.ItemCode);
        Assert.Empty(framework.Errors);
    }

    [Fact]
    public void Validate_RejectsAValue_ForAQuestionHiddenByItsCondition()
    {
        // Act: followup is only shown to respondents older than 60.
        var young = ValidateViews(30, ("satisfaction", "2"), ("followup", "more"));
        var old = ValidateViews(70, ("satisfaction", "2"), ("followup", "more"));

        // Assert
        Assert.Equal("followup", Assert.Single(young.Errors).ItemCode);
        Assert.Empty(old.Errors);
        Assert.Contains(new AnswerValue("followup", "more"), old.Answers);
    }
}
