using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Core.Persistence;

/// <summary>
/// The platform's database: studies, instrument versions, responses with their answers and paradata, researcher
/// accounts (ASP.NET Core Identity users) with their study memberships, the audit log and the Data Protection keys
/// that sign cookies and antiforgery tokens (kept here so that they survive restarts and are shared by instances).
/// </summary>
/// <remarks>
/// Add a migration from the repository root with
/// <c>dotnet ef migrations add NAME --project CoproSurvey.Core --startup-project CoproSurvey.App --output-dir Persistence/Migrations</c>.
/// Migrations are applied by <see cref="DatabaseInitializer"/> at start-up and by the <c>migrate</c> verb.
/// </remarks>
public sealed class CoproSurveyDbContext(DbContextOptions<CoproSurveyDbContext> options) : IdentityUserContext<Researcher>(options), IDataProtectionKeyContext
{
    public DbSet<Study> Studies => Set<Study>();

    public DbSet<InstrumentVersion> InstrumentVersions => Set<InstrumentVersion>();

    public DbSet<TranslationVersion> TranslationVersions => Set<TranslationVersion>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<PageEvent> PageEvents => Set<PageEvent>();

    public DbSet<ResponseAccessToken> ResponseAccessTokens => Set<ResponseAccessToken>();

    public DbSet<ConsentDecline> ConsentDeclines => Set<ConsentDecline>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<StudyMembership> StudyMemberships => Set<StudyMembership>();

    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The collation of every text column on PostgreSQL: byte order, as SQLite's default <c>BINARY</c>.</summary>
    public const string PostgresCollation = "C";

    /// <summary>
    /// SQLite: every DateTimeOffset column, Identity's <c>LockoutEnd</c> included, is stored as UTC text that SQLite
    /// orders (see <see cref="UtcDateTimeOffsetConverter"/>). PostgreSQL: <c>timestamptz</c>, which is an instant
    /// already (written as UTC, the only offset Npgsql accepts for it), and every text column in the <c>C</c> collation,
    /// so keys, codes and e-mail addresses compare and sort byte by byte as they do on SQLite, whatever locale the
    /// database was created with.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
            configurationBuilder.Properties<string>().UseCollation(PostgresCollation);
            return;
        }

        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoproSurveyDbContext).Assembly);
    }
}
