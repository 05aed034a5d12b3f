namespace CoproSurvey.Tests.Support;

/// <summary>The instant fake clocks start at, so that stored times can be asserted exactly.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A clock that stands still at <see cref="Start"/> until the test advances it.</summary>
    public static FakeTimeProvider New() => new(Start);
}
