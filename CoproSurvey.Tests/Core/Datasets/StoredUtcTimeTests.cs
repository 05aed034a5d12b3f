using System.Globalization;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;

namespace CoproSurvey.Tests.Core.Datasets;

public class StoredUtcTimeTests
{
    [Theory]
    [InlineData("2026-10-09 13:13:33.6549154")]
    [InlineData("2026-10-09 13:13:33.65")]
    [InlineData("2026-10-09 13:13:33.1")]
    [InlineData("2026-10-09 13:13:33")]
    [InlineData("2024-02-29 00:00:00")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31 23:59:59.9999999")]
    public void FormatIso_WritesWhatExportFormatWrites_ForTextInTheStoredForm(string stored)
    {
        var instant = new DateTimeOffset(DateTime.SpecifyKind(DateTime.Parse(stored, CultureInfo.InvariantCulture), DateTimeKind.Utc));

        var time = StoredUtcTime.FromStoredText(stored);

        Assert.NotNull(time);
        Span<char> iso = stackalloc char[StoredUtcTime.MaxIsoLength];
        Assert.Equal(ExportFormat.Time(instant), iso[..time.Value.FormatIso(iso)].ToString());
        Assert.Equal(instant, time.Value.Instant);
    }

    [Theory]
    [InlineData("2026-10-09 13:13:33.6549150")]
    [InlineData("2026-10-09 13:13:33.")]
    [InlineData("2026-10-09 13:13:33.65491541")]
    [InlineData("2026-10-09T13:13:33.6549154")]
    [InlineData("2026-10-09 13:13:33.6549154+00:00")]
    [InlineData("2026-10-09 13:13:33Z")]
    [InlineData("2026-13-09 13:13:33")]
    [InlineData("2026-02-29 13:13:33")]
    [InlineData("2026-10-09 24:00:00")]
    [InlineData("2026-10-09 13:60:00")]
    [InlineData("0000-10-09 13:13:33")]
    [InlineData("2026-1-09 13:13:33.5")]
    [InlineData("2026-10-09 13:13:3a")]
    [InlineData("")]
    public void FromStoredText_IsNull_ForTextNotInTheStoredForm(string text)
    {
        Assert.Null(StoredUtcTime.FromStoredText(text));
    }

    [Fact]
    public void FormatIso_WritesWhatExportFormatWrites_ForAnInstant()
    {
        var instant = new DateTimeOffset(2026, 3, 1, 23, 30, 5, TimeSpan.FromHours(2)).AddTicks(1230);
        Span<char> iso = stackalloc char[StoredUtcTime.MaxIsoLength];

        var length = StoredUtcTime.Of(instant).FormatIso(iso);

        Assert.Equal("2026-03-01T21:30:05.000123Z", iso[..length].ToString());
        Assert.Equal(ExportFormat.Time(instant), iso[..length].ToString());
    }
}
