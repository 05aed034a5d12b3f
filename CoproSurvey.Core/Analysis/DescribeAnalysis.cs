using System.Text.Json.Serialization;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis;

/// <summary>What to describe: numeric variables, optionally per level of a grouping variable.</summary>
/// <param name="Columns">The numeric variables.</param>
/// <param name="By">A categorical variable whose levels form the groups, or null.</param>
public sealed record DescribeRequest(IReadOnlyList<string> Columns, string? By = null);

/// <summary>One variable, or one variable in one group, as described.</summary>
/// <param name="Name">The variable.</param>
/// <param name="Group">The group's level, null without groups.</param>
/// <param name="N">Values present.</param>
/// <param name="Missing">Values missing (in the group, when grouped).</param>
/// <param name="Mean">Mean; null where there is no value.</param>
/// <param name="Sd">Standard deviation (n - 1); null below two values.</param>
/// <param name="Se">Standard error of the mean.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Q1">First quartile (R's quantile type 7).</param>
/// <param name="Median">Median.</param>
/// <param name="Q3">Third quartile.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Skewness">Skewness G1 (SPSS, e1071 type 2).</param>
/// <param name="Kurtosis">Excess kurtosis G2.</param>
public sealed record DescribeRow(
    string Name, string? Group, int N, int Missing, double? Mean, double? Sd, double? Se, double? Min, double? Q1, double? Median,
    double? Q3, double? Max, double? Skewness, double? Kurtosis);

/// <summary>The description of each variable (per group in the levels' order when grouped; rows without a group left out).</summary>
/// <param name="By">The grouping variable, or null.</param>
/// <param name="Variables">One row per variable, or per variable and group.</param>
public sealed record DescribeReport([property: JsonIgnore] string? By, IReadOnlyList<DescribeRow> Variables);

/// <summary>Descriptive statistics of numeric variables, read centred so that data with many constant leading digits keep their digits.</summary>
public static class DescribeAnalysis
{
    public static async Task<DescribeReport> RunAsync(IAnalysisSource source, DescribeRequest request, CancellationToken cancellationToken)
    {
        var requests = request.Columns.Select(c => new ColumnRequest(c, ColumnKind.Numeric, Centred: true)).ToList();
        if (request.By is not null)
        {
            requests.Add(new ColumnRequest(request.By, ColumnKind.Categorical));
        }

        var data = await source.ReadAsync(requests, cancellationToken);
        var rows = new List<DescribeRow>();
        foreach (var name in request.Columns)
        {
            var column = data.Numeric(name);
            if (request.By is null)
            {
                rows.Add(Row(name, null, Descriptives.Compute(column.Offsets, column.Origin), column.MissingCount));
                continue;
            }

            var grouped = Descriptives.ByGroup(column.Offsets, data.Categorical(request.By), column.Origin);
            foreach (var level in LevelOrder.Sort(grouped.Groups.Select(g => g.Group)))
            {
                var group = grouped.Groups.First(g => g.Group == level);
                rows.Add(Row(name, level, group.Statistics, group.Missing));
            }
        }

        return new DescribeReport(request.By, rows);
    }

    private static DescribeRow Row(string name, string? group, DescriptiveStatistics? s, int missing) =>
        new(name, group, s?.N ?? 0, missing, s?.Mean, s?.StandardDeviation, s?.StandardError, s?.Minimum, s?.FirstQuartile, s?.Median,
            s?.ThirdQuartile, s?.Maximum, s?.Skewness, s?.ExcessKurtosis);
}
