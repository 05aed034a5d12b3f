using System.Net;
using System.Text;
using CoproSurvey.App.Exports;
using CoproSurvey.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App.Research;

/// <summary>A bundle prepared on the export page is downloaded only by the researcher who prepared it, while they may export.</summary>
public sealed class ExportDownloadTests : IAsyncLifetime
{
    private readonly SurveyAppFactory app = new();
    private string analystId = "";

    public async Task InitializeAsync()
    {
        analystId = await app.AddResearcherAsync("analyst@example.org", false, ("coproduction", StudyRole.Analyst));
        await app.AddResearcherAsync("colleague@example.org", false, ("coproduction", StudyRole.Analyst));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task PreparedExport_IsDownloadedByItsResearcher_AndNobodyElse()
    {
        // Arrange
        var study = (await app.Services.GetRequiredService<StudyAccess>().StudyByKeyAsync("coproduction", default))!.Value;
        var prepared = await app.Services.GetRequiredService<PreparedExports>().PrepareAsync(
            analystId, study.Id, "bundle.zip", (stream, ct) => stream.WriteAsync(Encoding.ASCII.GetBytes("PK-bundle"), ct).AsTask(), default);
        var url = $"/research/studies/coproduction/exports/{prepared.Id}";
        using var analyst = app.CreateFormClient();
        using var colleague = app.CreateFormClient();
        await analyst.SignInAsync("analyst@example.org");
        await colleague.SignInAsync("colleague@example.org");

        // Act
        var own = await analyst.GetAsync(url);
        var other = await colleague.GetAsync(url);
        var wrongStudy = await analyst.GetAsync($"/research/studies/other/exports/{prepared.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal("PK-bundle", own.Text);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal(HttpStatusCode.NotFound, wrongStudy.Status);
    }

    [Fact]
    public async Task PrepareAsync_LeavesNothing_WhenTheWriteFails()
    {
        // Arrange
        var exports = app.Services.GetRequiredService<PreparedExports>();

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => exports.PrepareAsync(
            analystId, 1, "bundle.zip", (_, _) => throw new InvalidOperationException("disk full"), default));

        // Assert
        Assert.Empty(Directory.GetFiles(exports.Folder));
    }
}
