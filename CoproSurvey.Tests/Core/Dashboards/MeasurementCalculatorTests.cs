using System.Globalization;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Tests.Core.Export;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>
/// The measurement view's statistics against R (TestData/R/dashboards: measurement.csv, the script measurement.R and what
/// psych::alpha and factanal found): a scale of four items on 1-5 whose third item is reverse-keyed.
/// </summary>
public class MeasurementCalculatorTests
{
    private static readonly string Reference = Path.Combine(AppContext.BaseDirectory, "TestData", "R", "dashboards");
    private static readonly (string, string)[] Countries = [("BE", "Belgium"), ("EE", "Estonia")];
    private static readonly string[] Columns = ["x1", "x2", "x3", "x4"];

    private static MeasurementScale Scale(bool reverseThird = true) => new(
        "s", "Scale", [Audience.Citizen],
        [.. Columns.Select((c, i) => new MeasurementItem(c, $"Item {i + 1}", reverseThird && c == "x3", 1, 5))]);

    private static List<MeasurementRow> Rows() =>
        BundleFiles.ReadRecords(Path.Combine(Reference, "measurement.csv"))
            .Select(r => new MeasurementRow(
                Audience.Citizen,
                r["country"],
                Columns.Select(c => r[c].Length == 0 ? (double?)null : double.Parse(r[c], CultureInfo.InvariantCulture)).ToArray()))
            .ToList();

    private static double R(string group, string statistic, string item = "") =>
        double.Parse(
            BundleFiles.ReadRecords(Path.Combine(Reference, "measurement_reference.csv"))
                .Single(r => r["group"] == group && r["statistic"] == statistic && r["item"] == item)["value"],
            CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("BE")]
    [InlineData("all")]
    public void Compute_GivesAlphaOmegaAndItemStatistics_AsRComputesThem_WithTheReversedItemRecoded(string group)
    {
        // Act: at a minimum of 3 no country is suppressed, so every country pools all 11 complete cases.
        var result = MeasurementCalculator.Compute([Scale()], Columns, Rows(), Countries, null, new CellRule(3));

        // Assert
        var reliability = result.Groups.Single(g => (g.Country ?? "all") == group);
        Assert.Equal((int)R(group, "n"), reliability.N);
        Precision.AssertDigits(R(group, "alpha"), reliability.Alpha!.Value, 12, "alpha");
        Precision.AssertDigits(R(group, "omega"), reliability.Omega!.Value, 5, "omega");
        Assert.False(reliability.AlphaBelowThreshold);
        if (group == "all")
        {
            var items = Assert.Single(result.ItemGroups);
            Assert.Equal((int)R(group, "n"), items.N);
            foreach (var item in items.Items)
            {
                Precision.AssertDigits(R(group, "mean", item.Item), item.Mean!.Value, 12, $"mean {item.Item}");
                Precision.AssertDigits(R(group, "sd", item.Item), item.StandardDeviation!.Value, 12, $"sd {item.Item}");
                Precision.AssertDigits(R(group, "r_drop", item.Item), item.CorrectedItemTotal!.Value, 12, $"r.drop {item.Item}");
                Precision.AssertDigits(R(group, "alpha_if_deleted", item.Item), item.AlphaIfDeleted!.Value, 12, $"alpha if deleted {item.Item}");
            }

            Assert.Equal([false, false, true, false], items.Items.Select(i => i.Reversed));
        }
    }

    [Fact]
    public void Compute_SuppressesACountryWithFewerCompleteCasesThanTheMinimum_AndLeavesItOutOfEveryCountry()
    {
        // Act: Estonia has 3 complete cases.
        var result = MeasurementCalculator.Compute([Scale()], Columns, Rows(), Countries, null, new CellRule(5));

        // Assert: every country is Belgium alone, else Estonia's n and alpha could be had by subtraction.
        Assert.Equal([null, "BE", "EE"], result.Groups.Select(g => g.Country));
        var all = result.Groups.Single(g => g.Country is null);
        var belgium = result.Groups.Single(g => g.Country == "BE");
        Assert.Equal((8, belgium.Alpha), (all.N!.Value, all.Alpha));
        Assert.Equal(8, Assert.Single(result.ItemGroups).N);
        var estonia = result.Groups.Single(g => g.Country == "EE");
        Assert.Equal(("Estonia", (int?)null, true, (double?)null, (double?)null), (estonia.CountryLabel, estonia.N, estonia.Suppressed, estonia.Alpha, estonia.Omega));
        Assert.Equal(1, result.SuppressedGroups);
        var csv = MeasurementTables.ReliabilityTable(result).Rows.Single(r => r[2] == "EE");
        Assert.Equal(["s", "citizen", "EE", "", "", "", "", "", "1"], csv);
    }

    [Fact]
    public void Compute_FlagsAlphaBelowThreshold_WhenTheReverseKeyedItemIsNotRecoded()
    {
        // Act: the same answers with x3 taken as keyed like the others, which it is not.
        var result = MeasurementCalculator.Compute([Scale(reverseThird: false)], Columns, Rows(), Countries, null, new CellRule(5));

        // Assert: x3 correlates negatively with the rest, so alpha falls far below .70.
        var all = result.Groups.Single(g => g.Country is null);
        Assert.True(all.Alpha < 0.70, $"alpha {all.Alpha}");
        Assert.True(all.AlphaBelowThreshold);
        Assert.Equal("1", MeasurementTables.ReliabilityTable(result).Rows[0][6]);
    }

    [Fact]
    public void Compute_ReportsAConstantItemAsANote_NotAnError()
    {
        // Arrange: x2 is 3 in every row.
        var rows = Rows().Select(r => r with { Values = [r.Values[0], 3.0, r.Values[2], r.Values[3]] }).ToList();

        // Act
        var result = MeasurementCalculator.Compute([Scale()], Columns, rows, Countries, null, new CellRule(5));

        // Assert: Estonia (3) is suppressed, so every country is Belgium's 9 complete cases.
        var all = result.Groups.Single(g => g.Country is null);
        Assert.Equal((9, (double?)null), (all.N!.Value, all.Alpha));
        Assert.Contains("'x2' is constant", all.Note);
        Assert.Contains("'x2' is constant", Assert.Single(result.ItemGroups).Note);
    }

    [Fact]
    public void Compute_LeavesOutGroupsWithoutACompleteCase_AndShowsTheChosenScale()
    {
        // Arrange: a second scale whose items nobody answered.
        var other = new MeasurementScale("t", "Other", [Audience.Citizen], [new("y1", "Y1", false, 1, 5), new("y2", "Y2", false, 1, 5)]);
        var rows = Rows().Select(r => r with { Values = [.. r.Values, null, null] }).ToList();

        // Act
        var result = MeasurementCalculator.Compute([Scale(), other], [.. Columns, "y1", "y2"], rows, Countries, "t", new CellRule(5));

        // Assert
        Assert.DoesNotContain(result.Groups, g => g.Scale == "t");
        Assert.Equal("t", result.Scale!.Code);
        Assert.Empty(result.ItemGroups);
    }
}
