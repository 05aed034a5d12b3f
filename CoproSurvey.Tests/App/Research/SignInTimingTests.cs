using CoproSurvey.App.Accounts;
using CoproSurvey.Core.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.App.Research;

/// <summary>
/// Every failed sign-in costs exactly one password hash verification, whether the address has no account, the account
/// has no password yet, is disabled, locked out, or the password is wrong: the time taken does not tell them apart.
/// Counted rather than timed, so the test does not depend on the machine's load.
/// </summary>
public sealed class SignInTimingTests : IAsyncLifetime
{
    private readonly SurveyAppFactory factory = new();
    private readonly CountingHasher hasher = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app = default!;

    public async Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<Researcher>>(hasher)));
        _ = app.Services;
        var accounts = app.Services.GetRequiredService<ResearcherAccounts>();
        foreach (var email in new[] { "active@example.org", "disabled@example.org", "locked@example.org" })
        {
            var added = await accounts.AddAsync(email, false, Actor.CommandLine, default);
            await accounts.CompleteSetupAsync(added.Link!.Token, null, ResearcherSetup.Password, default);
        }

        await accounts.AddAsync("invited@example.org", false, Actor.CommandLine, default);
        await accounts.SetDisabledAsync((await accounts.FindIdByEmailAsync("disabled@example.org", default))!, true, Actor.CommandLine, default);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Researcher>>();
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@example.org"))!, DateTimeOffset.UtcNow.AddHours(1));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    [Theory]
    [InlineData("nobody@example.org", ResearcherSetup.Password)]
    [InlineData("not an address", ResearcherSetup.Password)]
    [InlineData("invited@example.org", ResearcherSetup.Password)]
    [InlineData("disabled@example.org", ResearcherSetup.Password)]
    [InlineData("locked@example.org", ResearcherSetup.Password)]
    [InlineData("active@example.org", "a wrong password")]
    public async Task FailedSignIn_VerifiesOnePasswordHash(string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<ResearcherSignIn>();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var before = hasher.Verifications;

        var signedIn = await signIn.SignInAsync(email, password, default);

        Assert.False(signedIn);
        Assert.Equal(1, hasher.Verifications - before);
    }

    private sealed class CountingHasher : IPasswordHasher<Researcher>
    {
        private readonly PasswordHasher<Researcher> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(Researcher user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Researcher user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
