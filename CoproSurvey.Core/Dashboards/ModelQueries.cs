using System.Globalization;
using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Analysis.Sources;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// The model view: a linear or logistic regression of the filtered responses through <see cref="RegressionAnalysis"/>,
/// the code the <c>analyze ols</c> and <c>analyze logit</c> verbs run, on the same rows read into memory.
/// </summary>
public sealed class ModelQueries(IDbContextFactory<CoproSurveyDbContext> contextFactory, StudyDataset dataset, DashboardDataCache cache, IOptions<DashboardOptions> options)
{
    /// <summary>The fixed effects, by dataset column.</summary>
    public static IReadOnlyList<(string Name, string Label)> FixedEffects { get; } =
        [("country", "Country"), ("policy_field", "Policy field"), ("audience", "Audience")];


    /// <summary>The variables of the study (of one audience, when the filter names one) that can enter a model.</summary>
    public async Task<IReadOnlyList<ModelVariable>> VariablesAsync(string studyKey, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var layout = await dataset.GetLayoutAsync(studyKey, Audience(filter), ct);
        return layout is null ? [] : Variables(layout, filter);
    }

    /// <summary>Fits the chosen model on the filtered responses; null for an unknown study.</summary>
    public async Task<ModelResult?> FitAsync(string studyKey, ModelChoice choice, DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(filter);
        var (layout, rows) = await cache.RowsAsync(studyKey, Audience(filter), CompareQueries.ToDatasetFilter(filter), ct);
        if (layout is null)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleAsync(s => s.Key == studyKey, ct);
        var rule = options.Value.RuleFor(study.MinimumCellSize);

        var variables = Variables(layout, filter).ToDictionary(v => v.Name, StringComparer.Ordinal);
        if (!variables.TryGetValue(choice.Outcome, out var outcome) || !outcome.IsOutcome)
        {
            return Refused(choice, rule, $"\"{choice.Outcome}\" is not a variable of this study that can be an outcome.");
        }

        var unknown = choice.Predictors.FirstOrDefault(p => !variables.TryGetValue(p, out var v) || !v.IsPredictor);
        if (unknown is not null)
        {
            return Refused(choice, rule, $"\"{unknown}\" is not a variable of this study that can be a predictor.");
        }

        if (choice.Predictors.Contains(choice.Outcome))
        {
            return Refused(choice, rule, $"The outcome \"{choice.Outcome}\" cannot also be a predictor.");
        }

        var source = new DatasetRowsSource($"study {studyKey}", layout, rows);
        var levels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["country"] = study.Countries.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal),
            ["policy_field"] = study.PolicyFields.ToDictionary(f => f.Code, f => f.Label, StringComparer.Ordinal),
        };
        foreach (var v in layout.Values.Where(v => v.Kind == DatasetVariableKind.SingleChoice))
        {
            levels[v.Name] = v.ValueLabels.ToDictionary(l => l.Value.ToString(CultureInfo.InvariantCulture), l => l.Label, StringComparer.Ordinal);
        }

        return await FitAsync(source, layout, outcome, choice, variables, levels, rule, ct);
    }

    /// <summary>
    /// The request the model view sends to <see cref="RegressionAnalysis"/>: every predictor a main effect, the fixed
    /// effects and categorical items named as factors (as <c>analyze ols --factor</c> names them), with an intercept.
    /// </summary>
    public static RegressionRequest Request(ModelChoice choice, IReadOnlyDictionary<string, ModelVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(variables);
        var factors = choice.Predictors.Where(p => variables[p].IsFactor).ToList();
        return new RegressionRequest(new ModelSpecification(choice.Outcome, [.. choice.Predictors.Select(p => new ModelTerm(p))]), factors);
    }

    /// <summary>The cluster variable of the standard errors, or null.</summary>
    public static string? ClusterVariable(ModelStandardErrors errors) => errors switch
    {
        ModelStandardErrors.ClusterCountry => "country",
        ModelStandardErrors.ClusterServiceUnit => "service_unit",
        _ => null,
    };

    private static Audience? Audience(DashboardFilter filter) => filter.Audiences.Count == 1 ? filter.Audiences[0] : null;

    private static async Task<ModelResult> FitAsync(
        IAnalysisSource source,
        DatasetLayout layout,
        ModelVariable outcome,
        ModelChoice choice,
        Dictionary<string, ModelVariable> variables,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> levelNames,
        CellRule rule,
        CancellationToken ct)
    {
        var request = Request(choice, variables);
        var notes = new List<string>();
        try
        {
            if (outcome.Kind == ModelVariableKind.Binary)
            {
                var (binary, label) = BinarySource(source, layout, outcome.Name);
                if (choice.StandardErrors != ModelStandardErrors.Classical)
                {
                    notes.Add("Logistic regression is shown with its model-based (classical) standard errors; HC3 and clustered errors apply to linear models here.");
                }

                var logit = await RegressionAnalysis.LogitAsync(binary, request, ct);
                var logitLevels = await FactorLevelsAsync(binary, request, null, ct);
                if (SmallGroup(logitLevels, logit.N, rule) is { } small)
                {
                    return Refused(choice, rule, small, logistic: true);
                }

                notes.AddRange(logit.Warnings);
                notes.AddRange(Collinear(logit.Dropped));
                return new ModelResult(choice, rule.MinimumCellSize, true, label, null, logit, null, notes)
                {
                    TermLabels = TermLabels(logit.Coefficients, logit.Dropped, logitLevels, variables, levelNames),
                };
            }

            var cluster = ClusterVariable(choice.StandardErrors);
            var covariance = choice.StandardErrors switch
            {
                ModelStandardErrors.HC3 => CovarianceType.HC3,
                ModelStandardErrors.Classical => CovarianceType.Classical,
                _ => CovarianceType.Cluster,
            };
            var ols = await RegressionAnalysis.OlsAsync(source, request, covariance, cluster, ct);
            var levels = await FactorLevelsAsync(source, request, cluster, ct);
            if (SmallGroup(levels, ols.N, rule) is { } tooSmall)
            {
                return Refused(choice, rule, tooSmall);
            }

            notes.AddRange(ols.Warnings);
            notes.AddRange(Collinear(ols.Dropped));
            return new ModelResult(choice, rule.MinimumCellSize, false, null, ols, null, null, notes)
            {
                TermLabels = TermLabels(ols.Coefficients, ols.Dropped, levels, variables, levelNames),
            };
        }
        catch (Exception e) when (e is StatisticsException or AnalysisInputException or ArgumentException)
        {
            // What the statistics refuse (a constant outcome, too few cases, separation, a model they cannot build from
            // these columns, as analyze reports with exit 2 or 3) is said, not thrown at the page.
            return Refused(choice, rule, e.Message, outcome.Kind == ModelVariableKind.Binary);
        }
    }

    private static ModelResult Refused(ModelChoice choice, CellRule rule, string problem, bool logistic = false) =>
        new(choice, rule.MinimumCellSize, logistic, null, null, null, problem, []);

    private static IEnumerable<string> Collinear(IReadOnlyList<string> dropped) =>
        dropped.Count == 0 ? [] : [$"Left out as collinear with the terms before them (no estimate, as R gives NA): {string.Join(", ", dropped)}."];

    /// <summary>
    /// The small-cell rule on a model: fewer complete cases than the minimum, or a level of a factor (a fixed effect's
    /// country, a category) held by fewer, would let a coefficient describe a handful of people.
    /// </summary>
    private static string? SmallGroup(IReadOnlyDictionary<string, IReadOnlyList<(string Level, int Count)>> levels, int n, CellRule rule)
    {
        if (rule.Suppresses(n))
        {
            return $"Only {n} complete cases: fewer than {rule.MinimumCellSize}, so the model is not shown.";
        }

        foreach (var (factor, counts) in levels)
        {
            if (counts.FirstOrDefault(c => rule.Suppresses(c.Count)) is { Level: not null } small)
            {
                return $"\"{factor}\" = {small.Level} has fewer than {rule.MinimumCellSize} complete cases, so the model is not shown. Filter it out, or leave {factor} out of the model.";
            }
        }

        return null;
    }

    /// <summary>Each factor's levels among the model's complete cases, in the factor's level order, with their counts.</summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<(string Level, int Count)>>> FactorLevelsAsync(
        IAnalysisSource source, RegressionRequest request, string? cluster, CancellationToken ct)
    {
        var factors = request.Factors ?? [];
        if (factors.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<(string, int)>>();
        }

        var names = request.Model.Terms.SelectMany(t => t.Variables).Append(request.Model.Response).Append(cluster).OfType<string>().Distinct().ToList();
        var data = await source.ReadAsync([.. names.Select(v => new ColumnRequest(v, factors.Contains(v) || v == cluster ? ColumnKind.Categorical : ColumnKind.Numeric))], ct);
        var complete = Enumerable.Range(0, data.RowCount).Where(r => names.All(v => !data[v].IsMissing(r))).ToList();
        return factors.ToDictionary(
            f => f,
            f =>
            {
                var column = data.Categorical(f);
                return (IReadOnlyList<(string, int)>)[.. complete.GroupBy(r => column.Codes[r]).OrderBy(g => g.Key).Select(g => (column.Levels[g.Key], g.Count()))];
            },
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Each term in words: a factor's term (R names it the factor followed by the level) as the level's name against the
    /// factor's reference level, the level among the complete cases that has no term; a variable's term as its label.
    /// </summary>
    private static Dictionary<string, TermLabel> TermLabels(
        IReadOnlyList<CoefficientReport> coefficients,
        IReadOnlyList<string> dropped,
        IReadOnlyDictionary<string, IReadOnlyList<(string Level, int Count)>> levels,
        Dictionary<string, ModelVariable> variables,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> levelNames)
    {
        var terms = coefficients.Select(c => c.Term).Concat(dropped).ToHashSet(StringComparer.Ordinal);
        var labels = new Dictionary<string, TermLabel>(StringComparer.Ordinal);
        foreach (var (factor, counts) in levels)
        {
            string Name(string level) => levelNames.GetValueOrDefault(factor)?.GetValueOrDefault(level) ?? level;
            var reference = counts.Where(c => !terms.Contains(factor + c.Level)).Select(c => c.Level).ToList();
            var against = reference.Count == 1 ? $" (vs {Name(reference[0])})" : "";
            var label = variables.TryGetValue(factor, out var v) ? v.Label : factor;
            foreach (var (level, _) in counts.Where(c => terms.Contains(factor + c.Level)))
            {
                labels[factor + level] = new TermLabel($"{factor} = {Name(level)}", $"{label}: {Name(level)}{against}");
            }
        }

        foreach (var term in terms.Where(t => !labels.ContainsKey(t) && variables.ContainsKey(t)))
        {
            labels[term] = new TermLabel(term, variables[term].Label);
        }

        return labels;
    }

    /// <summary>
    /// A binary outcome as logistic regression needs it, 0/1: a 0/1 column as it is; an item with two values coded 1
    /// for its higher value (R's glm on a factor models its second level).
    /// </summary>
    private static (IAnalysisSource Source, string Event) BinarySource(IAnalysisSource source, DatasetLayout layout, string outcome)
    {
        var variable = layout.Values.First(v => v.Name == outcome);
        if (variable.Kind == DatasetVariableKind.MultipleChoiceOption)
        {
            return (source, $"{outcome} = 1 ({variable.Label})");
        }

        var labels = variable.ValueLabels.OrderBy(l => l.Value).ToList();
        var high = labels[^1];
        return (new RecodedSource(source, outcome, v => v == high.Value ? 1 : v == labels[0].Value ? 0 : double.NaN),
            $"{outcome} = {high.Value.ToString(CultureInfo.InvariantCulture)} (\"{high.Label}\") rather than {labels[0].Value.ToString(CultureInfo.InvariantCulture)} (\"{labels[0].Label}\")");
    }

    /// <summary>The variables a model can use, from the layout: scales, items, categorical items, option columns, fixed effects.</summary>
    private static List<ModelVariable> Variables(DatasetLayout layout, DashboardFilter filter)
    {
        var variables = new List<ModelVariable>();
        foreach (var v in layout.Values)
        {
            var twoValued = v.Kind is DatasetVariableKind.SingleChoice or DatasetVariableKind.Likert && v.ValueLabels.Count == 2;
            var choice = v.Kind == DatasetVariableKind.SingleChoice;
            var added = v.Kind switch
            {
                DatasetVariableKind.ScaleScore => new ModelVariable(v.Name, v.Label, ModelVariableKind.Scale, true, true),
                _ when twoValued => new ModelVariable(v.Name, v.Label, ModelVariableKind.Binary, true, true, IsFactor: choice),
                DatasetVariableKind.MultipleChoiceOption => new ModelVariable(v.Name, v.Label, ModelVariableKind.Binary, true, true),
                DatasetVariableKind.Likert or DatasetVariableKind.Numeric => new ModelVariable(v.Name, v.Label, ModelVariableKind.Item, true, true),
                DatasetVariableKind.SingleChoice => new ModelVariable(v.Name, v.Label, ModelVariableKind.Categorical, false, true, IsFactor: true),
                _ => null,
            };
            if (added is not null)
            {
                variables.Add(added);
            }
        }

        variables.AddRange(FixedEffects
            .Where(f => f.Name != "audience" || Audience(filter) is null)
            .Select(f => new ModelVariable(f.Name, f.Label, ModelVariableKind.FixedEffect, false, true, IsFactor: true)));
        return variables;
    }

    /// <summary>A source whose one numeric variable is recoded (the binary outcome), every other read as the inner source reads it.</summary>
    private sealed class RecodedSource(IAnalysisSource inner, string column, Func<double, double> recode) : IAnalysisSource
    {
        public string Name => inner.Name;

        public async Task<AnalysisData> ReadAsync(IReadOnlyList<ColumnRequest> columns, CancellationToken cancellationToken)
        {
            var data = await inner.ReadAsync(columns, cancellationToken);
            var result = new AnalysisData();
            foreach (var c in data.Columns)
            {
                result = result.With(c.Name == column && c is NumericColumn n
                    ? new NumericColumn(c.Name, Array.ConvertAll(n.Values.ToArray(), v => double.IsNaN(v) ? v : recode(v)))
                    : c);
            }

            return result;
        }

        public AnalysisInputException ValueError(int row, string column, string problem) => inner.ValueError(row, column, problem);
    }
}
