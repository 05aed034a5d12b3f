using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Dashboards;

/// <summary>An item of a scale as the measurement view reads it: its response scale's range and whether the scale reverse-keys it.</summary>
/// <param name="Name">The dataset column (the item code).</param>
/// <param name="Min">The lowest point of the item's response scale.</param>
/// <param name="Max">The highest point.</param>
public sealed record MeasurementItem(string Name, string Label, bool Reversed, double Min, double Max)
{
    /// <summary>The value scored in the scale's direction: <c>min + max - value</c> for a reverse-keyed item, as the scale score has it (NaN, missing, stays NaN).</summary>
    public double Keyed(double value) => Reversed ? Min + Max - value : value;
}

/// <summary>A scale of the study (the definition of the newest instrument version that has it) and the audiences whose questionnaires hold it.</summary>
public sealed record MeasurementScale(string Code, string Name, IReadOnlyList<Audience> Audiences, IReadOnlyList<MeasurementItem> Items);

/// <summary>One respondent's answers to the items of every scale, in the order of the calculator's item columns (null where missing).</summary>
public readonly record struct MeasurementRow(Audience Audience, string? Country, IReadOnlyList<double?> Values);

/// <summary>The respondents' answers held column by column: per respondent its audience and country, per item column one value per respondent (NaN where missing).</summary>
public sealed record MeasurementData(IReadOnlyList<Audience> Audiences, IReadOnlyList<string?> Countries, IReadOnlyList<double[]> Values);

/// <summary>
/// The reliability of one scale in one group: an audience in one country, or in every country of the filter
/// (<see cref="Country"/> null). <see cref="N"/> counts the complete cases (every item answered); every statistic is
/// null when the group is suppressed (n below the minimum) or cannot be computed (<see cref="Note"/> says why).
/// </summary>
/// <param name="Alpha">Cronbach's alpha of the keyed items.</param>
/// <param name="Omega">McDonald's omega total (one-factor ML); null for scales of two items.</param>
public sealed record ReliabilityGroup(
    string Scale, string ScaleName, Audience Audience, string? Country, string CountryLabel, int? N, bool Suppressed, double? Alpha, double? Omega, string? Note)
{
    public bool AlphaBelowThreshold => Alpha < MeasurementCalculator.AcceptableReliability;

    public bool OmegaBelowThreshold => Omega < MeasurementCalculator.AcceptableReliability;
}

/// <summary>One item's statistics within its scale over the complete cases of an audience (keyed: a reversed item's values are recoded).</summary>
/// <param name="CorrectedItemTotal">Correlation of the item with the sum of the scale's other items.</param>
/// <param name="AlphaIfDeleted">Alpha of the scale without the item; null for a scale of two items.</param>
public sealed record ItemStatisticsRow(string Item, string Label, bool Reversed, double? Mean, double? StandardDeviation, double? CorrectedItemTotal, double? AlphaIfDeleted)
{
    public bool AlphaIfDeletedHigher(double? alpha) => AlphaIfDeleted > alpha;
}

/// <summary>The item statistics of the chosen scale for one audience (every country of the filter).</summary>
public sealed record ItemStatisticsGroup(Audience Audience, int? N, bool Suppressed, double? Alpha, IReadOnlyList<ItemStatisticsRow> Items, string? Note);

/// <summary>The measurement view: reliability per scale, audience and country, and the item statistics of one scale.</summary>
/// <param name="Scales">Every scale of the study's instruments (the choices).</param>
/// <param name="Groups">Per scale, per audience: every country, then each country in the study's order.</param>
/// <param name="Scale">The scale whose items are shown, or null when the study has none.</param>
public sealed record MeasurementResult(
    int MinimumCellSize,
    IReadOnlyList<MeasurementScale> Scales,
    IReadOnlyList<ReliabilityGroup> Groups,
    MeasurementScale? Scale,
    IReadOnlyList<ItemStatisticsGroup> ItemGroups)
{
    public bool IsEmpty => Groups.Count == 0;

    /// <summary>Values the small-cell rule hides on the page.</summary>
    public int SuppressedGroups => Groups.Count(g => g.Suppressed) + ItemGroups.Count(g => g.Suppressed);
}

/// <summary>The measurement view's statistics: pure, through the same <see cref="ReliabilityAnalysis"/> the <c>analyze alpha</c> verb runs.</summary>
public static class MeasurementCalculator
{
    /// <summary>Reliability below this is flagged (the customary floor for research scales).</summary>
    public const double AcceptableReliability = 0.70;

    /// <param name="scales">The scales, in the order to show.</param>
    /// <param name="columns">The item columns the rows' values follow.</param>
    /// <param name="rows">The filtered respondents.</param>
    /// <param name="countries">The study's countries (code, name), in the order to show.</param>
    /// <param name="chosen">The scale whose item statistics to compute; null or unknown: the first.</param>
    public static MeasurementResult Compute(
        IReadOnlyList<MeasurementScale> scales,
        IReadOnlyList<string> columns,
        IReadOnlyList<MeasurementRow> rows,
        IReadOnlyList<(string Code, string Name)> countries,
        string? chosen,
        CellRule rule)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var values = columns.Select((_, c) => rows.Select(r => r.Values[c] ?? double.NaN).ToArray()).ToList();
        return Compute(scales, columns, new MeasurementData([.. rows.Select(r => r.Audience)], [.. rows.Select(r => r.Country)], values), countries, chosen, rule);
    }

    /// <summary>The same from the respondents' values held column by column.</summary>
    public static MeasurementResult Compute(
        IReadOnlyList<MeasurementScale> scales,
        IReadOnlyList<string> columns,
        MeasurementData data,
        IReadOnlyList<(string Code, string Name)> countries,
        string? chosen,
        CellRule rule)
    {
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(countries);
        var index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var names = countries.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        var order = countries.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var byAudience = data.Audiences.Select((a, row) => (a, row)).GroupBy(x => x.a).ToDictionary(g => g.Key, g => g.Select(x => x.row).ToArray());
        var tasks = scales.SelectMany(scale => scale.Audiences.Order().Select(audience => (Scale: scale, Audience: audience))).ToList();

        // Each scale and audience is independent of the others: a large study's table is computed on every core.
        var results = new (List<ReliabilityGroup> Groups, Analysis? Pooled)[tasks.Count];
        Parallel.For(0, tasks.Count, t =>
        {
            var (scale, audience) = tasks[t];
            var group = new ScaleGroup(scale, index, data, byAudience.GetValueOrDefault(audience, []));
            var (pooled, countryGroups) = group.Countries(order, rule);
            var all = group.Analyse(pooled, rule);
            var groups = new List<ReliabilityGroup>();
            if (all is not null)
            {
                groups.Add(Group(scale, audience, null, "All countries", all));
            }

            groups.AddRange(countryGroups.Select(c => Group(scale, audience, c.Country, names.GetValueOrDefault(c.Country, c.Country), c.Analysis)));
            results[t] = (groups, all);
        });

        var selected = scales.FirstOrDefault(s => s.Code == chosen) ?? scales.FirstOrDefault();
        var items = new List<ItemStatisticsGroup>();
        for (var t = 0; t < tasks.Count; t++)
        {
            if (tasks[t].Scale != selected || results[t].Pooled is not { } a)
            {
                continue;
            }

            var audience = tasks[t].Audience;
            items.Add(a.Report is { } report
                ? new ItemStatisticsGroup(audience, a.N, false, report.Alpha, selected.Items.Zip(report.Items, (item, s) => new ItemStatisticsRow(
                    item.Name, item.Label, item.Reversed, s.Mean, s.Sd, s.CorrectedItemTotal, s.AlphaIfDeleted)).ToList(), null)
                : new ItemStatisticsGroup(audience, a.N, a.Suppressed, null, [], a.Note));
        }

        return new MeasurementResult(rule.MinimumCellSize, scales, [.. results.SelectMany(r => r.Groups)], selected, items);
    }

    private sealed record Analysis(int? N, bool Suppressed, ReliabilityReport? Report, string? Note);

    /// <summary>
    /// One scale over one audience's rows: its items scored in the scale's direction, read once for every country.
    /// Only the complete cases (every item answered) are kept: they are the rows every statistic of the scale is
    /// computed from, so a country's or the pooled analysis sees exactly the rows it would see among all of them.
    /// </summary>
    private sealed class ScaleGroup
    {
        private readonly MeasurementScale scale;
        private readonly string?[] countries;
        private readonly double[][] keyed;

        public ScaleGroup(MeasurementScale scale, Dictionary<string, int> index, MeasurementData data, int[] rows)
        {
            this.scale = scale;
            var columns = scale.Items.Select(item => data.Values[index[item.Name]]).ToArray();
            var complete = Array.FindAll(rows, r => Array.TrueForAll(columns, column => !double.IsNaN(column[r])));
            countries = Array.ConvertAll(complete, r => data.Countries[r]);
            keyed = scale.Items.Select((item, i) => Array.ConvertAll(complete, r => item.Keyed(columns[i][r]))).ToArray();
        }

        /// <summary>
        /// Each country's analysis, and the rows every country together may pool: those of the countries not suppressed
        /// (and of respondents without a country, when not too few), so that a suppressed country cannot be recovered by
        /// subtracting a country's figures from the pooled ones.
        /// </summary>
        public (int[] Pooled, List<(string Country, Analysis Analysis)> Countries) Countries(Dictionary<string, int> order, CellRule rule)
        {
            var hidden = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<(string, Analysis)>();
            foreach (var group in Enumerable.Range(0, countries.Length).GroupBy(r => countries[r] ?? "")
                .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                var analysis = Analyse([.. group], rule);
                if (analysis is { Suppressed: true })
                {
                    hidden.Add(group.Key);
                }

                // Suppressed countries are listed too (dashed), so the reader sees they exist.
                if (analysis is not null && group.Key.Length > 0)
                {
                    result.Add((group.Key, analysis));
                }
            }

            // In the rows' own order, so the pooled statistics are those of the same rows read from a file.
            return ([.. Enumerable.Range(0, countries.Length).Where(r => !hidden.Contains(countries[r] ?? ""))], result);
        }

        /// <summary>The scale's reliability over some of the complete cases; null when there are none (nothing to report, nobody to hide).</summary>
        public Analysis? Analyse(int[] rows, CellRule rule)
        {
            if (rows.Length == 0)
            {
                return null;
            }

            if (rule.Suppresses(rows.Length))
            {
                return new Analysis(null, true, null, null);
            }

            var data = new AnalysisData();
            var all = rows.Length == countries.Length;
            for (var i = 0; i < keyed.Length; i++)
            {
                var item = keyed[i];
                data = data.With(new NumericColumn(scale.Items[i].Name, all ? item : Array.ConvertAll(rows, r => item[r])));
            }

            try
            {
                return new Analysis(rows.Length, false, ReliabilityAnalysis.Run(data, [.. scale.Items.Select(i => i.Name)]), null);
            }
            catch (StatisticsException e)
            {
                // Constant items or too few cases: the group is reported with its n and the reason, not as an error.
                return new Analysis(rows.Length, false, null, e.Message);
            }
        }
    }

    private static ReliabilityGroup Group(MeasurementScale scale, Audience audience, string? country, string label, Analysis a) =>
        new(scale.Code, scale.Name, audience, country, label, a.N, a.Suppressed, a.Report?.Alpha, a.Report?.Omega, a.Note ?? a.Report?.OmegaNote);
}

/// <summary>The measurement view's tables as they are downloaded.</summary>
public static class MeasurementTables
{
    public const string Reliability = "reliability";
    public const string Items = "items";

    public static DashboardTable ReliabilityTable(MeasurementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DashboardTable(
            Reliability,
            ["scale", "audience", "country", "n", "alpha", "omega", "alpha_below_70", "omega_below_70", "suppressed"],
            result.Groups.Select(g => (IReadOnlyList<string>)[
                g.Scale, Code(g.Audience), g.Country ?? "all", DashboardTable.Cell(g.N), DashboardTable.Cell(g.Alpha), DashboardTable.Cell(g.Omega),
                Below(g.Alpha), Below(g.Omega), DashboardTable.Flag(g.Suppressed)]).ToList());
    }

    public static DashboardTable ItemTable(MeasurementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in result.ItemGroups)
        {
            var items = group.Items.Count > 0
                ? group.Items
                : result.Scale!.Items.Select(i => new ItemStatisticsRow(i.Name, i.Label, i.Reversed, null, null, null, null)).ToList();
            rows.AddRange(items.Select(i => (IReadOnlyList<string>)[
                result.Scale!.Code, Code(group.Audience), i.Item, i.Reversed ? "1" : "0", DashboardTable.Cell(group.N), DashboardTable.Cell(i.Mean),
                DashboardTable.Cell(i.StandardDeviation), DashboardTable.Cell(i.CorrectedItemTotal), DashboardTable.Cell(i.AlphaIfDeleted), DashboardTable.Flag(group.Suppressed)]));
        }

        return new DashboardTable(
            Items, ["scale", "audience", "item", "reversed", "n", "mean", "sd", "corrected_item_total_r", "alpha_if_deleted", "suppressed"], rows);
    }

    private static string Code(Audience audience) => audience.ToString().ToLowerInvariant();

    private static string Below(double? value) => value is { } v ? (v < MeasurementCalculator.AcceptableReliability ? "1" : "0") : "";
}
