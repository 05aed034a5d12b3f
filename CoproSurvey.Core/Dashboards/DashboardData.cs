using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Core.Dashboards;

/// <summary>
/// A study's dataset held in memory for the dashboards, column by column: the response facts the filters need and
/// one array of doubles per numeric variable of the layout (NaN where the cell is missing, whatever the reason).
/// Every view of every filter is computed from it, so a change of filter or view never reads the database again.
/// </summary>
/// <remarks>Immutable once built; shared by every circuit that views the study.</remarks>
public sealed class DashboardData
{
    private readonly int[] responseIds;
    private readonly Audience[] audiences;
    private readonly string?[] countries;
    private readonly string?[] policyFields;
    private readonly string?[] serviceUnits;
    private readonly string[] languages;
    private readonly string[] instrumentKeys;
    private readonly string[] instrumentVersions;
    private readonly string?[] translationVersions;
    private readonly DateTimeOffset[] startedAt;
    private readonly DateTimeOffset?[] completedAt;
    private readonly int[] lastPages;
    private readonly double[][] values;
    private readonly Dictionary<string, int> index;

    private DashboardData(DatasetLayout layout, Builder builder, DateTimeOffset loadedAt)
    {
        Layout = layout;
        LoadedAt = loadedAt;
        Count = builder.Count;
        responseIds = [.. builder.ResponseIds];
        audiences = [.. builder.Audiences];
        countries = [.. builder.Countries];
        policyFields = [.. builder.PolicyFields];
        serviceUnits = [.. builder.ServiceUnits];
        languages = [.. builder.Languages];
        instrumentKeys = [.. builder.InstrumentKeys];
        instrumentVersions = [.. builder.InstrumentVersions];
        translationVersions = [.. builder.TranslationVersions];
        startedAt = [.. builder.StartedAt];
        completedAt = [.. builder.CompletedAt];
        lastPages = [.. builder.LastPages];
        values = builder.Values.Select(v => v.ToArray()).ToArray();
        index = layout.Values.Select((v, i) => (v.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The variables, as the export names them.</summary>
    public DatasetLayout Layout { get; }

    /// <summary>When the responses were read: the figures are as of this time.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>The number of responses held (complete and partial, every country and field of the layout's audience).</summary>
    public int Count { get; }

    /// <summary>Approximate bytes held, for the cache's budget.</summary>
    public long SizeInBytes => (long)Count * ((values.Length * sizeof(double)) + 104);

    public int ResponseId(int row) => responseIds[row];

    public Audience Audience(int row) => audiences[row];

    public string? Country(int row) => countries[row];

    public string? PolicyField(int row) => policyFields[row];

    public string? ServiceUnit(int row) => serviceUnits[row];

    public DateTimeOffset StartedAt(int row) => startedAt[row];

    public DateTimeOffset? CompletedAt(int row) => completedAt[row];

    /// <summary>The furthest page the response submitted.</summary>
    public int LastPage(int row) => lastPages[row];

    /// <summary>
    /// A row as the dataset gives it, for code written against <see cref="DatasetRow"/>: its cells are read from these
    /// columns when asked for (a missing cell's reason is not kept: it reads as not answered); no open answers and no
    /// stored answers.
    /// </summary>
    public DatasetRow Row(int row) => new(
        responseIds[row], audiences[row], countries[row], policyFields[row], serviceUnits[row], languages[row], instrumentKeys[row],
        instrumentVersions[row], completedAt[row] is null ? DatasetStatus.Partial : DatasetStatus.Complete, startedAt[row], completedAt[row],
        new RowCells(this, row), [], [], lastPages[row])
    {
        TranslationSha256 = translationVersions[row],
    };

    /// <summary>The position of a variable of <see cref="DatasetLayout.Values"/>, or -1.</summary>
    public int IndexOf(string variable) => index.GetValueOrDefault(variable, -1);

    /// <summary>A variable's value in a row, or null when the cell is missing.</summary>
    public double? Value(int row, int variable)
    {
        var x = values[variable][row];
        return double.IsNaN(x) ? null : x;
    }

    /// <summary>A variable's values in <paramref name="rows"/>, in their order, as a new array (NaN where missing).</summary>
    public double[] Gather(int variable, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var column = values[variable];
        var gathered = new double[rows.Count];
        for (var i = 0; i < gathered.Length; i++)
        {
            gathered[i] = column[rows[i]];
        }

        return gathered;
    }

    /// <summary>A variable's column: NaN where missing.</summary>
    public ReadOnlySpan<double> Column(int variable) => values[variable];

    /// <summary>
    /// The rows the filter selects, in response order, by the same rule as <see cref="StudyDataset"/>'s query: the
    /// dates bound a completed response's completion time and a partial response's start.
    /// </summary>
    public IEnumerable<int> Rows(DatasetFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var countrySet = filter.Countries is { Count: > 0 } c ? new HashSet<string>(c, StringComparer.Ordinal) : null;
        var fieldSet = filter.PolicyFields is { Count: > 0 } f ? new HashSet<string>(f, StringComparer.Ordinal) : null;
        for (var row = 0; row < Count; row++)
        {
            if (filter.Audience is { } audience && audiences[row] != audience)
            {
                continue;
            }

            if (countrySet is not null && (countries[row] is not { } country || !countrySet.Contains(country)))
            {
                continue;
            }

            if (fieldSet is not null && (policyFields[row] is not { } field || !fieldSet.Contains(field)))
            {
                continue;
            }

            if (!filter.IncludePartial && completedAt[row] is null)
            {
                continue;
            }

            var date = completedAt[row] ?? startedAt[row];
            if ((filter.From is { } from && date < from) || (filter.To is { } to && date >= to))
            {
                continue;
            }

            yield return row;
        }
    }

    private sealed class RowCells(DashboardData data, int row) : IReadOnlyList<DatasetCell>
    {
        public int Count => data.values.Length;

        public DatasetCell this[int index] =>
            data.Value(row, index) is { } value ? DatasetCell.Of(value) : DatasetCell.MissingBecause(MissingReason.NotAnswered);

        public IEnumerator<DatasetCell> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Builds the data from dataset rows read in response order.</summary>
    public static async Task<DashboardData> BuildAsync(
        DatasetLayout layout, IAsyncEnumerable<DatasetRow> rows, DateTimeOffset loadedAt, Action<int>? rowsRead, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new Builder(layout.Values.Count);
        await foreach (var row in rows.WithCancellation(ct))
        {
            builder.Add(row);
            if (builder.Count % 1000 == 0)
            {
                rowsRead?.Invoke(builder.Count);
            }
        }

        rowsRead?.Invoke(builder.Count);
        return new DashboardData(layout, builder, loadedAt);
    }

    private sealed class Builder(int variables)
    {
        public int Count => ResponseIds.Count;

        public List<int> ResponseIds { get; } = [];

        public List<Audience> Audiences { get; } = [];

        public List<string?> Countries { get; } = [];

        public List<string?> PolicyFields { get; } = [];

        public List<string?> ServiceUnits { get; } = [];

        public List<string> Languages { get; } = [];

        public List<string> InstrumentKeys { get; } = [];

        public List<string> InstrumentVersions { get; } = [];

        public List<string?> TranslationVersions { get; } = [];

        public List<DateTimeOffset> StartedAt { get; } = [];

        public List<DateTimeOffset?> CompletedAt { get; } = [];

        public List<int> LastPages { get; } = [];

        public List<double>[] Values { get; } = Enumerable.Range(0, variables).Select(_ => new List<double>()).ToArray();

        // Country, field and unit codes repeat in every row: one string instance each keeps the columns small.
        private readonly Dictionary<string, string> codes = new(StringComparer.Ordinal);

        public void Add(DatasetRow row)
        {
            ResponseIds.Add(row.ResponseId);
            Audiences.Add(row.Audience);
            Countries.Add(Intern(row.Country));
            PolicyFields.Add(Intern(row.PolicyField));
            ServiceUnits.Add(Intern(row.ServiceUnit));
            Languages.Add(Intern(row.Language)!);
            InstrumentKeys.Add(Intern(row.InstrumentKey)!);
            InstrumentVersions.Add(Intern(row.InstrumentSha256)!);
            TranslationVersions.Add(Intern(row.TranslationSha256));
            StartedAt.Add(row.StartedAt);
            CompletedAt.Add(row.CompletedAt);
            LastPages.Add(row.LastPage);
            for (var i = 0; i < Values.Length; i++)
            {
                Values[i].Add(row.Cells[i].Value ?? double.NaN);
            }
        }

        private string? Intern(string? code)
        {
            if (code is null)
            {
                return null;
            }

            if (!codes.TryGetValue(code, out var shared))
            {
                codes[code] = shared = code;
            }

            return shared;
        }
    }
}
