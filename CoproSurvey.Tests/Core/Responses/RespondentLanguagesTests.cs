using CoproSurvey.Core.Responses;

namespace CoproSurvey.Tests.Core.Responses;

public sealed class RespondentLanguagesTests
{
    private static readonly string[] Offered = ["en", "nl", "fr", "de", "et"];

    [Theory]
    [InlineData("nl", new[] { "de" }, "nl")]
    [InlineData("NL", new string[0], "nl")]
    [InlineData("nl-BE", new string[0], "nl")]
    [InlineData("es", new[] { "es", "fr-BE", "de" }, "fr")]
    [InlineData(null, new[] { "es", "de", "fr" }, "de")]
    [InlineData(null, new[] { "*" }, "en")]
    [InlineData("xx", new[] { "ja" }, "en")]
    [InlineData(null, new string[0], "en")]
    public void Choose_TakesTheLinkThenTheBrowsersPreferenceThenTheSource(string? requested, string[] preferred, string expected) =>
        Assert.Equal(expected, RespondentLanguages.Choose(Offered, requested, preferred));

    [Fact]
    public void Match_FindsARegionalVariantTheStudyOffers_ForAPlainLanguage() =>
        Assert.Equal("fr-BE", RespondentLanguages.Match(["en", "fr-BE"], "fr"));

    [Theory]
    [InlineData("he", true)]
    [InlineData("ar", true)]
    [InlineData("nl", false)]
    [InlineData("et", false)]
    public void IsRightToLeft_FollowsTheCulturesScript(string language, bool rightToLeft) =>
        Assert.Equal(rightToLeft, RespondentLanguages.IsRightToLeft(language));
}
