using CoproSurvey.Core;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.Core.Accounts;

public sealed class ResearcherAccountsTests : IAsyncLifetime
{
    private readonly AccountServices services = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task Add_CreatesAccountWithoutPassword_AndALinkThatSetsItOnce()
    {
        var added = await services.Accounts.AddAsync(" Ana@Example.ORG ", isAdmin: false, Actor.CommandLine, default);

        Assert.True(added.Success);
        Assert.Equal(services.Clock.GetUtcNow() + TimeSpan.FromHours(24), added.Link!.ExpiresAt);
        Assert.True(added.Link.Token.Length >= 43, "256 random bits in base64url");
        var listed = Assert.Single(await services.Accounts.ListAsync(default));
        Assert.Equal("ana@example.org", listed.Email);
        Assert.False(listed.HasPassword);
        Assert.Equal("ana@example.org", (await services.Accounts.GetInvitationAsync(added.Link.Token, default))!.Email);

        var set = await services.Accounts.CompleteSetupAsync(added.Link.Token, null, AccountServices.Password, default);
        var again = await services.Accounts.CompleteSetupAsync(added.Link.Token, null, "another long passphrase", default);

        Assert.True(set.Success);
        Assert.Equal([ResearcherAccounts.InvalidLinkMessage], again.Errors);
        Assert.Null(await services.Accounts.GetInvitationAsync(added.Link.Token, default));
        Assert.True(Assert.Single(await services.Accounts.ListAsync(default)).HasPassword);
    }

    [Fact]
    public async Task SetupToken_IsStoredOnlyAsItsHash()
    {
        var added = await services.Accounts.AddAsync("ana@example.org", false, Actor.CommandLine, default);

        await using var db = services.CreateContext();
        var stored = await db.SetupTokens.SingleAsync();
        Assert.Equal(SecretTokens.Hash(added.Link!.Token), stored.TokenHash);
        Assert.DoesNotContain(added.Link.Token, stored.TokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupLink_StopsWorking_After24Hours()
    {
        var added = await services.Accounts.AddAsync("ana@example.org", false, Actor.CommandLine, default);

        services.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        Assert.Null(await services.Accounts.GetInvitationAsync(added.Link!.Token, default));
        var result = await services.Accounts.CompleteSetupAsync(added.Link.Token, null, AccountServices.Password, default);
        Assert.False(result.Success);
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("qwertyuiopasdfgh", "most common passwords")]
    [InlineData("Password1234", "most common passwords")]
    public async Task Setup_RefusesPassword_ThatIsTooShortOrCommon(string password, string expected)
    {
        var added = await services.Accounts.AddAsync("ana@example.org", false, Actor.CommandLine, default);

        var result = await services.Accounts.CompleteSetupAsync(added.Link!.Token, null, password, default);

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(await services.Accounts.GetInvitationAsync(added.Link.Token, default)); // the link still works
    }

    [Theory]
    [InlineData("mauvepelican")] // no digit, capital or symbol: composition rules are not required
    [InlineData("glücklich wandern im nebel")]
    [InlineData("            x")]
    public async Task Setup_AcceptsPassword_OfTwelveOrMoreCharactersWithoutCompositionRules(string password)
    {
        var added = await services.Accounts.AddAsync("ana@example.org", false, Actor.CommandLine, default);

        var result = await services.Accounts.CompleteSetupAsync(added.Link!.Token, null, password, default);

        Assert.True(result.Success, string.Join(" ", result.Errors));
    }

    [Fact]
    public void CommonPasswordList_HoldsTheLongCommonPasswords()
    {
        Assert.True(CommonPasswordValidator.Count > 40_000);
        Assert.True(CommonPasswordValidator.IsCommon("1q2w3e4r5t6y"));
        Assert.True(CommonPasswordValidator.IsCommon("QWERTY123456"));
        Assert.False(CommonPasswordValidator.IsCommon("violet tractor sings at dawn"));
    }

    [Fact]
    public async Task Setup_RefusesPassword_LongerThan128Characters()
    {
        var added = await services.Accounts.AddAsync("ana@example.org", false, Actor.CommandLine, default);

        var result = await services.Accounts.CompleteSetupAsync(added.Link!.Token, null, new string('x', 129), default);

        Assert.Contains(result.Errors, e => e.Contains("at most 128", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstAdminLink_IsIssuedOnlyWhileNoResearcherExists_AndCreatesAnAdministrator()
    {
        var first = await services.Accounts.IssueFirstAdminLinkAsync(default);
        var second = await services.Accounts.IssueFirstAdminLinkAsync(default);
        Assert.NotNull(first);
        Assert.True((await services.Accounts.GetInvitationAsync(first.Token, default))!.IsFirstAdmin);

        var missingEmail = await services.Accounts.CompleteSetupAsync(first.Token, "", AccountServices.Password, default);
        var created = await services.Accounts.CompleteSetupAsync(first.Token, "Admin@Example.org", AccountServices.Password, default);

        Assert.False(missingEmail.Success);
        Assert.True(created.Success, string.Join(" ", created.Errors));
        var admin = Assert.Single(await services.Accounts.ListAsync(default));
        Assert.True(admin.IsAdmin);
        Assert.Equal("admin@example.org", admin.Email);
        Assert.Null(await services.Accounts.IssueFirstAdminLinkAsync(default));
        Assert.Null(await services.Accounts.GetInvitationAsync(second!.Token, default)); // the other first-admin link died with it
    }

    [Fact]
    public async Task Add_RefusesAnExistingAddressAndANonAddress()
    {
        await services.Accounts.AddAsync("ana@example.org", false, Actor.CommandLine, default);

        var twice = await services.Accounts.AddAsync("ANA@example.org", false, Actor.CommandLine, default);
        var notAnAddress = await services.Accounts.AddAsync("ana example.org", false, Actor.CommandLine, default);

        Assert.Contains("already exists", twice.Error);
        Assert.Contains("not an e-mail address", notAnAddress.Error);
    }

    [Fact]
    public async Task Disable_ChangesTheSecurityStamp_AndIsLogged()
    {
        var id = await services.AddResearcherAsync("ana@example.org");
        string? before;
        await using (var db = services.CreateContext())
        {
            before = (await db.Users.SingleAsync(u => u.Id == id)).SecurityStamp;
        }

        Assert.True(await services.Accounts.SetDisabledAsync(id, true, new Actor("x", "admin@example.org"), default));

        await using var after = services.CreateContext();
        var researcher = await after.Users.SingleAsync(u => u.Id == id);
        Assert.True(researcher.IsDisabled);
        Assert.NotEqual(before, researcher.SecurityStamp);
        Assert.Contains(await after.AuditEvents.ToListAsync(), e => e.Action == AuditActions.ResearcherDisabled && e.Subject == "ana@example.org" && e.Actor == "admin@example.org");
    }

    [Fact]
    public async Task NewSetupLink_ReplacesAForgottenPassword_AndEndsOtherSessions()
    {
        var id = await services.AddResearcherAsync("ana@example.org");
        string? stamp;
        await using (var db = services.CreateContext())
        {
            stamp = (await db.Users.SingleAsync(u => u.Id == id)).SecurityStamp;
        }

        var link = await services.Accounts.IssueSetupLinkAsync(id, Actor.CommandLine, default);
        var set = await services.Accounts.CompleteSetupAsync(link!.Token, null, "a brand new passphrase", default);

        Assert.True(set.Success, string.Join(" ", set.Errors));
        await using var check = services.CreateContext();
        var researcher = await check.Users.SingleAsync(u => u.Id == id);
        Assert.NotEqual(stamp, researcher.SecurityStamp);
        var hasher = services.Get<IPasswordHasher<Researcher>>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(researcher, researcher.PasswordHash!, "a brand new passphrase"));
    }
}
