using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Core.Dashboards;

/// <summary>A variable the compare view offers: scale scores first, then Likert items.</summary>
public sealed record CompareVariable(string Name, string Label, bool IsScale);

/// <summary>The compare view's data: one variable of the study's dataset, grouped by country or policy field and audience.</summary>
public sealed class CompareQueries(IDbContextFactory<CoproSurveyDbContext> contextFactory, StudyDataset dataset, DashboardDataCache cache, IOptions<DashboardOptions> options)
{
    /// <summary>The variables that can be compared: every scale score and Likert item of the study's instruments.</summary>
    public async Task<IReadOnlyList<CompareVariable>> VariablesAsync(string studyKey, CancellationToken ct)
    {
        var layout = await dataset.GetLayoutAsync(studyKey, null, ct);
        return layout is null
            ? []
            : layout.Values
                .Where(v => v.Kind is DatasetVariableKind.ScaleScore or DatasetVariableKind.Likert)
                .OrderBy(v => v.Kind == DatasetVariableKind.ScaleScore ? 0 : 1)
                .Select(v => new CompareVariable(v.Name, v.Label, v.Kind == DatasetVariableKind.ScaleScore))
                .ToList();
    }

    /// <summary>The compare view of <paramref name="variable"/> for the filter; null when the study has no such variable.</summary>
    public async Task<CompareResult?> CompareAsync(string studyKey, string variable, CompareBy by, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var snapshot = await cache.GetAsync(studyKey, filter.Audiences.Count == 1 ? filter.Audiences[0] : null, ct);
        var variableIndex = snapshot?.Data.IndexOf(variable) ?? -1;
        if (snapshot is null || variableIndex < 0
            || snapshot.Data.Layout.Values[variableIndex] is not { Kind: DatasetVariableKind.ScaleScore or DatasetVariableKind.Likert } found)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleAsync(s => s.Key == studyKey, ct);
        var order = by == CompareBy.Country
            ? study.Countries.Select(c => (c.Code, c.Name)).ToList()
            : study.PolicyFields.Select(f => (f.Code, f.Label)).ToList();
        var data = snapshot.Data;
        var values = data.Rows(ToDatasetFilter(filter))
            .Select(row => new CompareValue(data.Audience(row), by == CompareBy.Country ? data.Country(row) : data.PolicyField(row), data.Value(row, variableIndex)))
            .ToList();

        return CompareCalculator.Compute(found.Name, found.Label, by, values, order, options.Value.RuleFor(study.MinimumCellSize));
    }

    /// <summary>The dashboard filter as the dataset reads it (its dates bound the completion day of completed responses).</summary>
    public static DatasetFilter ToDatasetFilter(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new DatasetFilter(
            filter.Audiences.Count == 1 ? filter.Audiences[0] : null,
            filter.Countries,
            filter.PolicyFields,
            IncludePartial: !filter.CompleteOnly,
            From: filter.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To: filter.To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
    }
}
