using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Datasets;
using CoproSurvey.Core.Export;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoproSurvey.Core;

/// <summary>Where the platform keeps its database and reads its study and instrument files.</summary>
public sealed class CoproSurveyOptions
{
    /// <summary>The database engine (<c>Database:Provider</c>): SQLite unless PostgreSQL is asked for.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string for <see cref="Provider"/>, e.g. <c>Data Source=coprosurvey.db</c> or <c>Host=db;Database=coprosurvey;Username=coprosurvey</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=coprosurvey.db";

    /// <summary>Folder holding <c>studies/</c> and <c>instruments/</c>.</summary>
    public string DataDirectory { get; set; } = "data";
}

public static class DependencyInjection
{
    /// <summary>
    /// Registers persistence (a pooled DbContext factory on SQLite or PostgreSQL, which also serves scoped contexts), the initialiser, the
    /// response flow services, researcher accounts (Identity users with the platform's password rules), study access
    /// the audit log, the study dataset (<see cref="StudyDataset"/>), the dashboards' data cache and queries, and the export bundle writer (<see cref="ExportBundleWriter"/>, scoped). The web app adds sign-in and cookies on top.
    /// </summary>
    public static IServiceCollection AddCoproSurveyCore(this IServiceCollection services, CoproSurveyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        // Pooled: a respondent's page post opens several contexts, and building each one's services anew was a tenth of the
        // allocations of a page post. A context returned to the pool is reset (tracked entities, savepoint and
        // transaction settings, command timeout).
        services.AddPooledDbContextFactory<CoproSurveyDbContext>(o => o.UseCoproSurveyDatabase(options.Provider, options.ConnectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<StudyQueries>();
        services.AddSingleton<ResponseService>();
        services.AddSingleton<ResponseImporter>();
        services.AddIdentityCore<Researcher>(ConfigureIdentity)
            .AddEntityFrameworkStores<CoproSurveyDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<MaximumLengthPasswordValidator>();
        services.AddSingleton<ResearcherAccounts>();
        services.AddSingleton<StudyAccess>();
        services.AddSingleton<AuditLog>();
        services.AddOptions<DashboardOptions>();
        services.AddSingleton<DashboardDataCache>();
        services.AddSingleton<OverviewQueries>();
        services.AddScoped<CompareQueries>();
        services.AddScoped<GapQueries>();
        services.AddScoped<RelationsQueries>();
        services.AddScoped<MeasurementQueries>();
        services.AddScoped<ModelQueries>();
        services.AddSingleton<StudyDataset>();
        services.AddScoped<ExportBundleWriter>();
        services.AddScoped<Import.DatasetImporter>();
        return services;
    }

    /// <summary>Account rules: OWASP ASVS 5 passwords, lockout after repeated failures, unique e-mail addresses.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        PasswordRules.Apply(options.Password);
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
