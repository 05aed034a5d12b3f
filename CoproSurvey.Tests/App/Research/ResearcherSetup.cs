using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App.Research;

/// <summary>Researchers and studies for the researcher-side tests, made through the platform's own services.</summary>
public static class ResearcherSetup
{
    public const string Password = "correct horse battery staple";

    /// <summary>Adds a study straight to the database (a second study beside the shipped one).</summary>
    public static async Task AddStudyAsync(this SurveyAppFactory app, string key, string title, string description = "Description.")
    {
        _ = app.Services; // starts the host, which migrates the database and loads the shipped study
        if (await app.Services.GetRequiredService<StudyAccess>().StudyByKeyAsync(key, default) is not null)
        {
            return;
        }

        await app.QueryAsync(async db =>
        {
            db.Studies.Add(Study.Create(new StudyDefinition(key, title, description, StudyStatus.Open, [], [], new Dictionary<Audience, string>())));
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Gives a study the test instrument with <paramref name="title"/> as its current citizen questionnaire.</summary>
    public static async Task AddCitizenInstrumentAsync(this SurveyAppFactory app, string studyKey, string title)
    {
        var titled = CoproSurvey.Tests.Core.Responses.TestInstrument.Citizen with { Title = title, Sha256 = "" };
        var instrument = titled with { Sha256 = InstrumentCanonicalizer.ComputeSha256(titled) };
        await app.QueryAsync(async db =>
        {
            var study = db.Studies.Single(s => s.Key == studyKey);
            db.InstrumentVersions.Add(InstrumentVersion.Create(study, instrument, InstrumentCanonicalizer.ToCanonicalJson(instrument), DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>A researcher with <see cref="Password"/>, set through their one-time link, with roles in studies.</summary>
    public static async Task<string> AddResearcherAsync(this SurveyAppFactory app, string email, bool isAdmin = false, params (string Study, StudyRole Role)[] roles)
    {
        var accounts = app.Services.GetRequiredService<ResearcherAccounts>();
        var access = app.Services.GetRequiredService<StudyAccess>();
        var added = await accounts.AddAsync(email, isAdmin, Actor.CommandLine, default);
        Assert.True(added.Success, added.Error);
        var set = await accounts.CompleteSetupAsync(added.Link!.Token, null, Password, default);
        Assert.True(set.Success, string.Join(" ", set.Errors));
        foreach (var (study, role) in roles)
        {
            var found = (await access.StudyByKeyAsync(study, default))!.Value;
            var result = await access.SetMemberAsync(new StudyGrant(found.Id, found.Key, found.Title, StudyRole.Owner, true), email, role, Actor.CommandLine, default);
            Assert.True(result.Success, result.Error);
        }

        return (await accounts.FindIdByEmailAsync(email, default))!;
    }

    /// <summary>Signs in through the sign-in form; returns the page after the redirect.</summary>
    public static async Task<HtmlPage> SignInAsync(this HtmlFormClient client, string email, string password = Password, string? returnUrl = null)
    {
        var page = await client.GetAsync("/account/sign-in" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        return await client.SubmitAsync(page, "sign-in", [new("email", email), new("password", password)]);
    }
}
