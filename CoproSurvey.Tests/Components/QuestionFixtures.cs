using AngleSharp.Dom;
using Bunit;
using CoproSurvey.App.Components.Survey;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Tests.Components;

/// <summary>Questions of every type, and assertions shared by the component tests.</summary>
internal static class QuestionFixtures
{
    public static readonly ResponseScale Agreement = new(
        [new(1, "Strongly disagree"), new(2, "Disagree"), new(3, "Neither"), new(4, "Agree"), new(5, "Strongly agree")],
        "Don't know");

    public static Question Likert(string code = "eff1", bool required = true, string? help = null, ResponseScale? scale = null) =>
        new(code, QuestionType.Likert, "I can contribute to the safety of my neighbourhood.", help, required, null,
            scale ?? Agreement, [], null, null, []);

    public static Question Matrix(bool required = true) =>
        new("mot", QuestionType.LikertMatrix, "Why do you take part?", "One answer per statement.", required, null, Agreement, [], null, null,
            [new("mot_fun", "It is enjoyable."), new("mot_duty", "It is my duty as a citizen."), new("mot_money", "It saves me money.")]);

    public static Question Single(bool required = true) =>
        new("gender", QuestionType.SingleChoice, "What is your gender?", null, required, null, null,
            [new("f", "Woman"), new("m", "Man"), new("x", "Another way")], null, null, []);

    public static Question Multiple(bool required = false) =>
        new("act", QuestionType.MultipleChoice, "Which of these did you do in the last year?", null, required, null, null,
            [new("lock", "Locked doors and windows"), new("watch", "Joined a neighbourhood watch"), new("report", "Reported a problem")], null, null, []);

    public static Question Numeric(NumericBounds bounds, bool required = true) =>
        new("age", QuestionType.Numeric, "How old are you?", null, required, null, null, [], bounds, null, []);

    public static Question Text(QuestionType type, int? maxLength = 200, bool required = false) =>
        new("remarks", type, "Anything else you want to tell us?", null, required, null, null, [], null, maxLength, []);

    public static SurveyFormState Values(params (string Code, string[] Values)[] values) =>
        new(values.ToDictionary(v => v.Code, v => (IReadOnlyList<string>)v.Values), new Dictionary<string, string>());

    public static SurveyFormState Errors(params (string Code, string Message)[] errors) =>
        new(new Dictionary<string, IReadOnlyList<string>>(), errors.ToDictionary(e => e.Code, e => e.Message));

    /// <summary>Every input, select and textarea has exactly one label pointing at its id, with the expected text when given.</summary>
    public static void AssertEveryInputLabelled<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var fields = cut.FindAll("input, select, textarea");
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            var id = field.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), $"{field.OuterHtml} has no id");
            var labels = cut.FindAll($"label[for='{id}']");
            Assert.True(labels.Count == 1, $"{field.OuterHtml} has {labels.Count} labels");
            Assert.False(string.IsNullOrWhiteSpace(labels[0].TextContent), $"the label of {id} is empty");
        }
    }

    /// <summary>The ids an element's aria-describedby names.</summary>
    public static string[] DescribedBy(IElement element) =>
        (element.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The element with the error message exists, says <paramref name="message"/>, and every listed element references it.</summary>
    public static void AssertErrorLinked<T>(IRenderedComponent<T> cut, string errorId, string message, IEnumerable<IElement> describedElements) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var error = cut.Find($"#{errorId}");
        Assert.Contains(message, error.TextContent);
        var elements = describedElements.ToList();
        Assert.NotEmpty(elements);
        Assert.All(elements, e => Assert.Contains(errorId, DescribedBy(e)));
    }
}
