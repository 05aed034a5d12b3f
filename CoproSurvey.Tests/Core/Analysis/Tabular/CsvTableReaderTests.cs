using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Analysis.Tabular;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Core.Analysis.Tabular;

public class CsvTableReaderTests
{
    [Fact]
    public void Read_ReturnsOnlyRequestedColumns_InRequestedOrder()
    {
        using var csv = new TempCsv("id,age,name,score\n1,30,Ann,2.5\n2,41,Bob,3.5\n");

        var table = CsvTableReader.Read(csv.FilePath, [new("score"), new("age")]);

        Assert.Equal(2, table.RowCount);
        Assert.Equal(["score", "age"], table.Columns.Select(c => c.Name));
        Assert.Equal([2.5, 3.5], table.Numeric("score").Values);
        Assert.Equal([30.0, 41.0], table.Numeric("age").Values);
    }

    [Fact]
    public void Read_TreatsEmptyAndNaCellsAsMissing()
    {
        using var csv = new TempCsv("a,g\n1.5,x\n,\nNA,NA\n-2e3,y\n");

        var table = CsvTableReader.Read(csv.FilePath, [new("a"), new("g", ColumnKind.Categorical)]);

        var a = table.Numeric("a");
        Assert.Equal([1.5, null, null, -2000.0], a);
        Assert.Equal(2, a.MissingCount);
        var g = table.Categorical("g");
        Assert.Equal(["x", "y"], g.Levels);
        Assert.Equal([0, -1, -1, 1], g.Codes);
        Assert.Null(g[1]);
    }

    [Fact]
    public void Read_UnquotesRfc4180Fields_WithSeparatorsQuotesAndLineBreaks()
    {
        using var csv = new TempCsv("name,v\n\"Smith, \"\"Jo\"\"\",1\n\"two\nlines\",\"2.25\"\n");

        var table = CsvTableReader.Read(csv.FilePath, [new("name", ColumnKind.Categorical), new("v")]);

        Assert.Equal(["Smith, \"Jo\"", "two\nlines"], table.Categorical("name").Levels);
        Assert.Equal([1.0, 2.25], table.Numeric("v").Values);
    }

    [Fact]
    public void Read_HandlesByteOrderMarkAndCrLfLineEnds()
    {
        using var csv = new TempCsv("\uFEFFa,b\r\n1.5,x\r\n2.5,y\r\n");

        var table = CsvTableReader.Read(csv.FilePath, [new("a"), new("b", ColumnKind.Categorical)]);

        Assert.Equal([1.5, 2.5], table.Numeric("a").Values);
        Assert.Equal(["x", "y"], table.Categorical("b").Levels);
    }

    [Fact]
    public void Read_Throws_WhenANumericColumnHoldsOneTextCell_InsteadOfReadingItAsLevels()
    {
        var text = new StringBuilder("x,n\n");
        for (var i = 1; i <= 100; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i == 57 ? "4..5" : (i * 0.5).ToString(CultureInfo.InvariantCulture))},{i}\n");
        }

        using var csv = new TempCsv(text.ToString());

        var e = Assert.Throws<CsvDataException>(() => CsvTableReader.Read(csv.FilePath, [new("n"), new("x")]));

        Assert.Equal($"{csv.FilePath}: row 57 (line 58), column \"x\": \"4..5\" is not a number.", e.Message);
        Assert.Equal("\"4..5\" is not a number.", e.Problem);
        Assert.Equal(("x", 57L, 58L, "4..5"), (e.Column, e.Row, e.Line, e.Text));
    }

    [Fact]
    public void Read_KeepsNumberLikeCellsAsText_InACategoricalColumn()
    {
        using var csv = new TempCsv("g,n\n1,1\n2,2\nthree,3\n1,4\n");

        var table = CsvTableReader.Read(csv.FilePath, [new("g", ColumnKind.Categorical), new("n")]);

        Assert.Equal(["1", "2", "three"], table.Categorical("g").Levels);
        Assert.Equal([0, 1, 2, 0], table.Categorical("g").Codes);
        Assert.Equal([1.0, 2, 3, 4], table.Numeric("n").Values);
    }

    [Fact]
    public void Read_CentredValues_KeepDigitsOfLargeConstantLeadingPart()
    {
        using var csv = new TempCsv("i,x\n1,1000000000000.4\n2,1000000000000.3\n3,1000000000000.5\n4,\n5,1.0000000000002e12\n");

        var column = CsvTableReader.Read(csv.FilePath, [new("x", Centred: true)]).Numeric("x");

        var centred = column.Centred!;
        Assert.Equal(1000000000000.4m, centred.ExactOrigin);
        Precision.AssertDigits(1000000000000.4, centred.Origin, 15, "origin");
        Assert.Equal(0.0, centred.Offsets[0]);
        Precision.AssertDigits(-0.1, centred.Offsets[1], 15, "offset 2");
        Precision.AssertDigits(0.1, centred.Offsets[2], 15, "offset 3");
        Assert.True(double.IsNaN(centred.Offsets[3]));
        Precision.AssertDigits(-0.2, centred.Offsets[4], 3, "offset of an exponent value");
    }

    [Fact]
    public void Read_Throws_WhenFileIsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "data.csv");

        var e = Assert.Throws<CsvDataException>(() => CsvTableReader.Read(path, [new("a")]));

        Assert.Equal($"{path}: file not found.", e.Message);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void Read_Throws_ListingAvailableColumns_WhenColumnIsUnknown()
    {
        using var csv = new TempCsv("id,age,name\n1,2,x\n");

        var e = Assert.Throws<CsvDataException>(() => CsvTableReader.Read(csv.FilePath, [new("agee")]));

        Assert.Equal($"{csv.FilePath}, column \"agee\": no column \"agee\"; the columns are: id, age, name.", e.Message);
        Assert.Equal("agee", e.Column);
    }

    [Fact]
    public void Read_Throws_NamingRowLineColumnAndText_WhenCellIsNotANumber()
    {
        var text = new StringBuilder("id,age\n");
        for (var i = 1; i <= 16; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{20 + i}\n");
        }

        text.Append("17,abc\n18,40\n");
        using var csv = new TempCsv(text.ToString());

        var e = Assert.Throws<CsvDataException>(() => CsvTableReader.Read(csv.FilePath, [new("id"), new("age")]));

        Assert.Equal($"{csv.FilePath}: row 17 (line 18), column \"age\": \"abc\" is not a number.", e.Message);
        Assert.Equal((17L, 18L, "age", "abc"), (e.Row!.Value, e.Line!.Value, e.Column!, e.Text!));
    }

    [Fact]
    public void Read_CountsFileLinesInsideQuotedFields_WhenNamingTheLine()
    {
        using var csv = new TempCsv("note,v\n\"a\nb\",1\nc,NaN\n");

        var e = Assert.Throws<CsvDataException>(() => CsvTableReader.Read(csv.FilePath, [new("v")]));

        Assert.Equal($"{csv.FilePath}: row 2 (line 4), column \"v\": \"NaN\" is not a number.", e.Message);
    }

    [Fact]
    public void Read_Throws_WhenRowHasTheWrongNumberOfFields()
    {
        using var csv = new TempCsv("a,b\n1,2\n3\n");

        var e = Assert.Throws<CsvDataException>(() => CsvTableReader.Read(csv.FilePath, [new("a")]));

        Assert.StartsWith($"{csv.FilePath}: row 2 (line 3): malformed CSV", e.Message);
    }

    [Fact]
    public void Read_ReadsEveryValue_OfTwoHundredThousandRowsOfTwentyOneColumns()
    {
        // Speed is measured by bench/ols-vs-r (docs/benchmarks.md), not here; this checks the large-file path is exact.
        var columns = Enumerable.Range(0, 21).Select(k => $"c{k}").ToArray();
        var text = new StringBuilder(string.Join(',', columns)).Append('\n');
        var random = new Random(7);
        var sums = new decimal[21];
        for (var r = 0; r < 200_000; r++)
        {
            for (var k = 0; k < 21; k++)
            {
                var cell = (random.NextDouble() * 100).ToString("F4", CultureInfo.InvariantCulture);
                sums[k] += decimal.Parse(cell, CultureInfo.InvariantCulture);
                text.Append(k == 0 ? "" : ",").Append(cell);
            }

            text.Append('\n');
        }

        using var csv = new TempCsv(text.ToString());
        var requests = columns.Select(c => new ColumnRequest(c)).ToArray();

        var table = CsvTableReader.Read(csv.FilePath, requests);

        Assert.Equal(200_000, table.RowCount);
        for (var k = 0; k < 21; k++)
        {
            var sum = table.Numeric(columns[k]).Values.Sum(v => (decimal)v);
            Assert.Equal(sums[k], sum);
        }
    }
}
