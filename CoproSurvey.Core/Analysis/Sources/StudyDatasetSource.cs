using System.Globalization;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis.Sources;

/// <summary>
/// A study's wide dataset (<see cref="StudyDataset"/>), streamed row by row with only the requested variables kept.
/// The layout declares what is categorical: the response's audience, country, policy field, service unit and the other
/// text metadata, and single-choice items; items, option columns, scale scores and numeric metadata are numeric. A
/// missing value, whatever its reason (don't know, not asked, not reached, not answered, not applicable), is missing.
/// </summary>
/// <param name="dataset">The study datasets.</param>
/// <param name="studyKey">The study.</param>
/// <param name="filter">Which responses (audience, countries, policy fields, partial ones, dates).</param>
public sealed class StudyDatasetSource(StudyDataset dataset, string studyKey, DatasetFilter filter) : IAnalysisSource
{
    private static readonly IReadOnlyDictionary<string, Func<DatasetRow, string?>> TextMetadata = new Dictionary<string, Func<DatasetRow, string?>>(StringComparer.Ordinal)
    {
        ["audience"] = r => r.Audience.ToString().ToLowerInvariant(),
        ["country"] = r => r.Country,
        ["policy_field"] = r => r.PolicyField,
        ["service_unit"] = r => r.ServiceUnit,
        ["language"] = r => r.Language,
        ["instrument_key"] = r => r.InstrumentKey,
        ["instrument_sha256"] = r => r.InstrumentSha256,
        ["status"] = r => r.Status.ToString().ToLowerInvariant(),
    };

    private static readonly IReadOnlyDictionary<string, Func<DatasetRow, double?>> NumericMetadata = new Dictionary<string, Func<DatasetRow, double?>>(StringComparer.Ordinal)
    {
        ["response_id"] = r => r.ResponseId,
        ["duration_seconds"] = r => r.DurationSeconds,
    };

    private int[] responseIds = [];

    /// <summary>The study as messages name it.</summary>
    public string Name { get; } = $"study {studyKey}";

    /// <inheritdoc />
    public async Task<AnalysisData> ReadAsync(IReadOnlyList<ColumnRequest> columns, CancellationToken cancellationToken)
    {
        var layout = await dataset.GetLayoutAsync(studyKey, filter.Audience, cancellationToken)
            ?? throw new AnalysisInputException(Name, "no such study.");
        var readers = columns.DistinctBy(c => c.Name).Select(c => Reader(layout, c)).ToList();
        var ids = new List<int>();
        await foreach (var row in dataset.ReadRowsAsync(layout, filter, cancellationToken))
        {
            ids.Add(row.ResponseId);
            foreach (var reader in readers)
            {
                reader.Add(row);
            }
        }

        responseIds = [.. ids];
        return readers.Aggregate(new AnalysisData(), (data, reader) => data.With(reader.Build()));
    }

    /// <summary>Rows are numbered in response order, 1-based; the message adds the response's id.</summary>
    public AnalysisInputException ValueError(int row, string column, string problem) =>
        new(Name, row < responseIds.Length ? $"{problem} (response {responseIds[row]})" : problem, row + 1, column: column);

    private ColumnReader Reader(DatasetLayout layout, ColumnRequest request)
    {
        if (TextMetadata.TryGetValue(request.Name, out var text))
        {
            return request.Kind == ColumnKind.Numeric
                ? throw new AnalysisInputException(Name, "is categorical (text), not numbers.", column: request.Name)
                : new LevelReader(request.Name, text);
        }

        if (NumericMetadata.TryGetValue(request.Name, out var number))
        {
            return request.Kind == ColumnKind.Categorical ? new LevelReader(request.Name, r => Label(number(r))) : new NumberReader(request, number);
        }

        var index = IndexOf(layout.Values, request.Name);
        if (index < 0)
        {
            var problem = layout.Texts.Any(t => t.Name == request.Name) || layout.Metadata.Any(m => m.Name == request.Name)
                ? "is not a numeric or categorical variable (an open answer or a time)."
                : $"no variable \"{request.Name}\"; the variables are: {string.Join(", ", TextMetadata.Keys.Concat(NumericMetadata.Keys).Concat(layout.Values.Select(v => v.Name)))}.";
            throw new AnalysisInputException(Name, problem, column: request.Name);
        }

        var categorical = request.Kind == ColumnKind.Categorical
            || (request.Kind == ColumnKind.Declared && layout.Values[index].Kind == DatasetVariableKind.SingleChoice);
        Func<DatasetRow, double?> cell = r => r.Cells[index].Value;
        return categorical ? new LevelReader(request.Name, r => Label(cell(r))) : new NumberReader(request, cell);
    }

    private static int IndexOf(IReadOnlyList<DatasetVariable> variables, string name)
    {
        for (var i = 0; i < variables.Count; i++)
        {
            if (variables[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A number as a level: its shortest round-trip text, as a CSV file of the dataset writes it.</summary>
    private static string? Label(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private abstract class ColumnReader
    {
        public abstract void Add(DatasetRow row);

        public abstract DataColumn Build();
    }

    private sealed class NumberReader(ColumnRequest request, Func<DatasetRow, double?> cell) : ColumnReader
    {
        private readonly List<double> values = [];

        public override void Add(DatasetRow row) => values.Add(cell(row) ?? double.NaN);

        public override DataColumn Build()
        {
            var array = values.ToArray();
            return new NumericColumn(request.Name, array, request.Centred ? Centre(array) : null);
        }

        /// <summary>
        /// Centred on the first value, subtracted in decimal from each value's shortest round-trip text: the offsets a
        /// CSV file of the same rows gives.
        /// </summary>
        private static CentredValues Centre(double[] values)
        {
            var first = Array.FindIndex(values, v => !double.IsNaN(v));
            var exactOrigin = first < 0 ? 0m : Exact(values[first]);
            var offsets = new double[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                offsets[i] = double.IsNaN(values[i]) ? double.NaN : ExactDifference(values[i], exactOrigin);
            }

            return new CentredValues((double)exactOrigin, exactOrigin, offsets);
        }

        private static double ExactDifference(double value, decimal origin)
        {
            try
            {
                return (double)(Exact(value) - origin);
            }
            catch (OverflowException)
            {
                return value - (double)origin;
            }
        }

        private static decimal Exact(double value) =>
            decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal)value;
    }

    private sealed class LevelReader(string name, Func<DatasetRow, string?> label) : ColumnReader
    {
        private readonly Dictionary<string, int> codes = new(StringComparer.Ordinal);
        private readonly List<string> levels = [];
        private readonly List<int> rows = [];

        public override void Add(DatasetRow row)
        {
            var text = label(row);
            if (string.IsNullOrWhiteSpace(text))
            {
                rows.Add(-1);
                return;
            }

            if (!codes.TryGetValue(text, out var code))
            {
                codes[text] = code = levels.Count;
                levels.Add(text);
            }

            rows.Add(code);
        }

        public override DataColumn Build() => new CategoricalColumn(name, [.. rows], levels);
    }
}
