using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.App.Research;

/// <summary>The study's overview page as its researchers see it, prerendered on the server.</summary>
public sealed class StudyHomeTests(SurveyAppFactory app) : IClassFixture<SurveyAppFactory>
{
    [Fact]
    public async Task StudyHome_ShowsTheConsentVersionAndEthicsReference_OfTheStudyFile()
    {
        var consent = StudyLoader.LoadFile(Path.Combine(RepositoryPaths.Data, "studies", "coproduction.json")).Study!.Consent!;
        await app.AddResearcherAsync("home-viewer@example.org", false, ("coproduction", StudyRole.Viewer));
        using var client = app.CreateFormClient();
        await client.SignInAsync("home-viewer@example.org");

        var page = await client.GetAsync("/research/studies/coproduction");

        Assert.Equal(consent.Version, page.Document.QuerySelector("[data-consent-version]")?.TextContent.Trim());
        Assert.Equal(consent.EthicsReference, page.Document.QuerySelector("[data-ethics-reference]")?.TextContent.Trim());
    }
}
