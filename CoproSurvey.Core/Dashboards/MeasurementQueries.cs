using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Core.Dashboards;

/// <summary>The measurement view's data: the scales of the study's instruments and their items' answers, filtered.</summary>
public sealed class MeasurementQueries(IDbContextFactory<CoproSurveyDbContext> contextFactory, DashboardDataCache cache, IOptions<DashboardOptions> options)
{
    /// <summary>Reliability of every scale for the filter, and the item statistics of <paramref name="scale"/> (the first scale when null or unknown); null for an unknown study.</summary>
    public async Task<MeasurementResult?> MeasureAsync(string studyKey, string? scale, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (data, rows) = await cache.SelectAsync(studyKey, filter.Audiences.Count == 1 ? filter.Audiences[0] : null, CompareQueries.ToDatasetFilter(filter), ct);
        if (data is null)
        {
            return null;
        }

        var scales = Scales(data.Layout);
        var columns = scales.SelectMany(s => s.Items).Select(i => i.Name).Distinct(StringComparer.Ordinal).ToList();
        var values = new MeasurementData(
            Array.ConvertAll(rows, data.Audience), Array.ConvertAll(rows, data.Country), columns.Select(c => data.Gather(data.IndexOf(c), rows)).ToList());

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleAsync(s => s.Key == studyKey, ct);
        return MeasurementCalculator.Compute(scales, columns, values, study.Countries.Select(c => (c.Code, c.Name)).ToList(), scale, options.Value.RuleFor(study.MinimumCellSize));
    }

    /// <summary>
    /// Every scale of the layout, defined as the newest instrument version that has it defines it (items, reverse keys,
    /// the items' point ranges), in the layout's order of scale scores.
    /// </summary>
    public static IReadOnlyList<MeasurementScale> Scales(DatasetLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var scales = new List<MeasurementScale>();
        foreach (var score in layout.Values.Where(v => v.Kind == DatasetVariableKind.ScaleScore))
        {
            var holders = layout.Versions.Reverse().Where(v => v.FindScale(score.ScaleCode!) is not null).ToList();
            var newest = holders[0];
            var definition = newest.FindScale(score.ScaleCode!)!;
            var items = definition.Items.Select(code =>
            {
                var variable = layout.Values.First(v => v.ItemCode == code && v.Kind == DatasetVariableKind.Likert);
                var (min, max) = ScaleScorer.PointRange(newest, code);
                return new MeasurementItem(variable.Name, variable.Label, definition.Reversed.Contains(code, StringComparer.Ordinal), min, max);
            }).ToList();
            scales.Add(new MeasurementScale(definition.Code, definition.Name, holders.Select(h => h.Audience).Distinct().Order().ToList(), items));
        }

        return scales;
    }
}
