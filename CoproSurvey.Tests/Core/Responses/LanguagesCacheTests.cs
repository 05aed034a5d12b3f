using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Tests.Core.Responses;

public sealed class LanguagesCacheTests
{
    [Fact]
    public async Task GetLanguagesAsync_ReadsTheStudyOnceInTheLifetime_ThenAgain()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();
        var first = await harness.Responses.GetLanguagesAsync(SurveyHarness.StudyKey, Audience.Citizen, CancellationToken.None);
        await harness.LoadStudyAsync(StudyStatus.Closed);

        // Act
        var withinLifetime = await harness.Responses.GetLanguagesAsync(SurveyHarness.StudyKey, Audience.Citizen, CancellationToken.None);
        harness.Clock.Advance(LanguagesCache.Lifetime);
        var after = await harness.Responses.GetLanguagesAsync(SurveyHarness.StudyKey, Audience.Citizen, CancellationToken.None);

        // Assert: the study closed meanwhile; the languages of the open study are given until the lifetime ends.
        Assert.NotNull(first);
        Assert.Equal(first, withinLifetime);
        Assert.Null(after);
    }

    [Fact]
    public async Task GetLanguagesAsync_KeepsAnUnknownStudy_AsNull()
    {
        // Arrange
        using var harness = await SurveyHarness.CreateAsync();

        // Act
        var unknown = await harness.Responses.GetLanguagesAsync("no-such-study", Audience.Citizen, CancellationToken.None);
        var professional = await harness.Responses.GetLanguagesAsync(SurveyHarness.StudyKey, Audience.Professional, CancellationToken.None);
        var citizen = await harness.Responses.GetLanguagesAsync(SurveyHarness.StudyKey, Audience.Citizen, CancellationToken.None);

        // Assert: an audience without a questionnaire is not the study's other audience.
        Assert.Null(unknown);
        Assert.Null(professional);
        Assert.NotNull(citizen);
    }

    [Fact]
    public void Set_StartsAgainEmpty_WhenFull()
    {
        // Arrange: study keys come from addresses anyone can type.
        var cache = new LanguagesCache();
        var now = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < LanguagesCache.MaxEntries; i++)
        {
            cache.Set($"study-{i}", Audience.Citizen, null, now);
        }

        // Act
        cache.Set("one-more", Audience.Citizen, ["en"], now);

        // Assert
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("one-more", Audience.Citizen, now, out var languages));
        Assert.Equal(["en"], languages);
        Assert.False(cache.TryGet("study-0", Audience.Citizen, now, out _));
    }

    [Fact]
    public void TryGet_Misses_OnceTheLifetimeHasPassed()
    {
        // Arrange
        var cache = new LanguagesCache();
        var now = DateTimeOffset.UnixEpoch;
        cache.Set("study", Audience.Citizen, ["en", "nl"], now);

        // Act
        var justBefore = cache.TryGet("study", Audience.Citizen, now + LanguagesCache.Lifetime - TimeSpan.FromTicks(1), out _);
        var atTheEnd = cache.TryGet("study", Audience.Citizen, now + LanguagesCache.Lifetime, out _);

        // Assert
        Assert.True(justBefore);
        Assert.False(atTheEnd);
    }
}
