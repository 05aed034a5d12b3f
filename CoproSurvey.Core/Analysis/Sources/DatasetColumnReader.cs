using System.Globalization;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Core.Analysis.Sources;

/// <summary>
/// The requested variables of a study's dataset, gathered row by row, as the study sources declare them: the
/// response's audience, country, policy field, service unit and the other text metadata, and single-choice items are
/// categorical; items, option columns, scale scores and numeric metadata are numeric. A missing value, whatever its
/// reason, is missing. Shared by <see cref="StudyDatasetSource"/> (rows streamed from the database) and
/// <see cref="DatasetRowsSource"/> (rows already read), so both read a variable the same way.
/// </summary>
internal sealed class DatasetColumnReader
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
        ["translation_sha256"] = r => r.TranslationSha256,
        ["status"] = r => r.Status.ToString().ToLowerInvariant(),
    };

    private static readonly IReadOnlyDictionary<string, Func<DatasetRow, double?>> NumericMetadata = new Dictionary<string, Func<DatasetRow, double?>>(StringComparer.Ordinal)
    {
        ["response_id"] = r => r.ResponseId,
        ["duration_seconds"] = r => r.DurationSeconds,
    };


    private readonly string sourceName;
    private readonly List<ColumnReader> readers;

    /// <exception cref="AnalysisInputException">A variable is unknown, or cannot be read as asked.</exception>
    public DatasetColumnReader(string sourceName, DatasetLayout layout, IReadOnlyList<ColumnRequest> columns)
    {
        this.sourceName = sourceName;
        readers = columns.DistinctBy(c => c.Name).Select(c => Reader(layout, c)).ToList();
    }

    public void Add(DatasetRow row)
    {
        foreach (var reader in readers)
        {
            reader.Add(row);
        }
    }

    public AnalysisData Build() => readers.Aggregate(new AnalysisData(), (data, reader) => data.With(reader.Build()));

    private ColumnReader Reader(DatasetLayout layout, ColumnRequest request)
    {
        if (TextMetadata.TryGetValue(request.Name, out var text))
        {
            return request.Kind == ColumnKind.Numeric
                ? throw new AnalysisInputException(sourceName, "is categorical (text), not numbers.", column: request.Name)
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
            throw new AnalysisInputException(sourceName, problem, column: request.Name);
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
