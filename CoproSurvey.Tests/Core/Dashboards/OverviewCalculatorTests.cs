using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;

namespace CoproSurvey.Tests.Core.Dashboards;

public class OverviewCalculatorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Country[] Countries = [new("BE", "Belgium"), new("DE", "Germany")];
    private static readonly PolicyField[] Fields = [new("health", "Health")];

    private static OverviewRow Row(Audience audience, string country, int minutes, int lastPage, bool completed = true, int day = 0) =>
        new(audience, country, "health", Monday.AddDays(day), completed ? Monday.AddDays(day).AddMinutes(minutes) : null, lastPage);

    [Fact]
    public void Compute_CountsStatusesGroupsAndMedian_AsComputedByHand()
    {
        // Arrange: six Belgian citizens (five completed in 10, 12, 14, 20 and 30 minutes, one stopped after page 1) and
        // two German professionals; three declines of citizens.
        var rows = new List<OverviewRow>
        {
            Row(Audience.Citizen, "BE", 10, 3), Row(Audience.Citizen, "BE", 12, 3), Row(Audience.Citizen, "BE", 14, 3),
            Row(Audience.Citizen, "BE", 20, 3), Row(Audience.Citizen, "BE", 30, 3), Row(Audience.Citizen, "BE", 0, 1, completed: false),
            Row(Audience.Professional, "DE", 5, 2), Row(Audience.Professional, "DE", 6, 2),
        };

        // Act
        var overview = OverviewCalculator.Compute(rows, [new DeclineCount(Audience.Citizen, 3)], [Audience.Citizen, Audience.Professional], Countries, Fields, new CellRule(5));

        // Assert
        Assert.Equal(8, overview.Responses);
        Assert.Equal(
            [
                new StatusCount(Audience.Citizen, ResponseStatus.Completed, 5),
                new StatusCount(Audience.Citizen, ResponseStatus.InProgress, null), // 1 < 5
                new StatusCount(Audience.Citizen, ResponseStatus.DeclinedConsent, null), // 3 < 5
                new StatusCount(Audience.Professional, ResponseStatus.Completed, null), // 2 < 5
                new StatusCount(Audience.Professional, ResponseStatus.InProgress, 0), // nobody: nothing to hide
                new StatusCount(Audience.Professional, ResponseStatus.DeclinedConsent, 0),
            ],
            overview.Statuses);
        Assert.Equal(
            [
                new GroupCount("BE", "Belgium", "health", "Health", Audience.Citizen, 6),
                new GroupCount("DE", "Germany", "health", "Health", Audience.Professional, null),
            ],
            overview.Groups);
        // The median of 10, 12, 14, 20, 30 is 14; the professionals' two times are not shown.
        Assert.Equal(new CompletionTime(Audience.Citizen, 5, 14), overview.CompletionTimes[0]);
        Assert.Equal(new CompletionTime(Audience.Professional, null, null), overview.CompletionTimes[1]);
        Assert.Equal(1 + 2 + 1 + 1, overview.Statuses.Count(s => s.N is null) + overview.Groups.Count(g => g.N is null) + overview.CompletionTimes.Count(c => c.N is null));
    }

    [Fact]
    public void Compute_BuildsTheFunnel_FromTheLastPageSubmitted()
    {
        // Arrange: 10 started; 8 submitted page 1, 7 page 2, 6 page 3 and completed.
        var rows = Enumerable.Range(0, 10)
            .Select(i => Row(Audience.Citizen, "BE", 10, lastPage: i switch { < 2 => 0, 2 => 1, 3 => 2, _ => 3 }, completed: i >= 4))
            .ToList();

        // Act
        var overview = OverviewCalculator.Compute(rows, [], [Audience.Citizen], Countries, Fields, new CellRule(5));

        // Assert
        Assert.Equal(
            [("Started", (int?)10), ("Page 1", 8), ("Page 2", 7), ("Page 3", 6), ("Completed", 6)],
            overview.Funnel.Select(f => (f.Label, f.N)));
        Assert.Equal([0, 1, 2, 3, 4], overview.Funnel.Select(f => f.Step));
    }

    [Fact]
    public void Compute_CountsOverTimeByDay_AndSuppressesSmallDays()
    {
        // Arrange: 6 responses on the first day, 2 on the third, none on the second.
        var rows = Enumerable.Range(0, 6).Select(_ => Row(Audience.Citizen, "BE", 10, 3))
            .Concat(Enumerable.Range(0, 2).Select(_ => Row(Audience.Citizen, "BE", 10, 3, day: 2)))
            .ToList();

        // Act
        var overview = OverviewCalculator.Compute(rows, [], [Audience.Citizen], Countries, Fields, new CellRule(5));

        // Assert
        Assert.Equal(OverviewPeriod.Day, overview.Period);
        Assert.Equal(
            [
                new PeriodCount(new DateOnly(2026, 3, 2), Audience.Citizen, 6, 6),
                new PeriodCount(new DateOnly(2026, 3, 3), Audience.Citizen, 0, 0),
                new PeriodCount(new DateOnly(2026, 3, 4), Audience.Citizen, null, null),
            ],
            overview.OverTime);
    }

    [Fact]
    public void Compute_CountsOverTimeByWeekFromMonday_WhenTheFieldworkIsLongerThanAMonth()
    {
        // Arrange: a Wednesday and, 40 days later, a Saturday.
        var rows = new List<OverviewRow> { Row(Audience.Citizen, "BE", 10, 3, day: 2), Row(Audience.Citizen, "BE", 10, 3, day: 42) };

        // Act
        var overview = OverviewCalculator.Compute(rows, [], [Audience.Citizen], Countries, Fields, new CellRule(1));

        // Assert
        Assert.Equal(OverviewPeriod.Week, overview.Period);
        Assert.Equal(7, overview.OverTime.Count); // 2 March to 13 April, Mondays
        Assert.Equal(new PeriodCount(new DateOnly(2026, 3, 2), Audience.Citizen, 1, 1), overview.OverTime[0]);
        Assert.Equal(new PeriodCount(new DateOnly(2026, 4, 13), Audience.Citizen, 1, 1), overview.OverTime[^1]);
    }

    [Fact]
    public void Compute_GivesAnEmptyOverview_ForNoResponses()
    {
        // Act
        var overview = OverviewCalculator.Compute([], [], [Audience.Citizen], Countries, Fields, new CellRule(5));

        // Assert
        Assert.True(overview.IsEmpty);
        Assert.Empty(overview.Groups);
        Assert.Empty(overview.OverTime);
        Assert.Equal(new CompletionTime(Audience.Citizen, 0, null), Assert.Single(overview.CompletionTimes));
    }

    [Fact]
    public void Table_WritesSuppressedCountsAsEmptyCells_FlaggedInTheSuppressedColumn()
    {
        // Arrange
        var rows = Enumerable.Range(0, 5).Select(_ => Row(Audience.Citizen, "BE", 10, 3)).Append(Row(Audience.Citizen, "DE", 10, 3)).ToList();
        var overview = OverviewCalculator.Compute(rows, [], [Audience.Citizen], Countries, Fields, new CellRule(5));

        // Act
        var table = OverviewTables.Table(overview, OverviewTables.Groups)!;

        // Assert
        Assert.Equal(["country", "policy_field", "audience", "n", "suppressed"], table.Columns);
        Assert.Equal([["BE", "health", "citizen", "5", "0"], ["DE", "health", "citizen", "", "1"]], table.Rows);
        Assert.Null(OverviewTables.Table(overview, "nonsense"));
    }
}
