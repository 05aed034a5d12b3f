using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoproSurvey.Core;

/// <summary>Where the platform keeps its database and reads its study and instrument files.</summary>
public sealed class CoproSurveyOptions
{
    /// <summary>SQLite connection string, e.g. <c>Data Source=coprosurvey.db</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=coprosurvey.db";

    /// <summary>Folder holding <c>studies/</c> and <c>instruments/</c>.</summary>
    public string DataDirectory { get; set; } = "data";
}

public static class DependencyInjection
{
    /// <summary>Registers persistence (a DbContext factory on SQLite), the initialiser and the response flow services.</summary>
    public static IServiceCollection AddCoproSurveyCore(this IServiceCollection services, CoproSurveyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddDbContextFactory<CoproSurveyDbContext>(o => o.UseSqlite(options.ConnectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<StudyQueries>();
        services.AddSingleton<ResponseService>();
        services.AddSingleton<ResponseImporter>();
        return services;
    }
}
