using CoproSurvey.Core;
using CoproSurvey.Core.Persistence;
using Microsoft.Extensions.Configuration;

namespace CoproSurvey.App.Cli;

/// <summary>
/// The Core services for a command-line verb, configured exactly like the web platform so that a verb and
/// <c>dotnet run</c> work on the same database and data folder.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? databasePath = null, string? dataDirectory = null)
    {
        // The web host's own builder, never built or run: the same content root, and the same configuration sources in
        // the same order (appsettings.json, appsettings.{Environment}.json, user secrets in Development, environment
        // variables), so no verb can read a setting the platform does not.
        var host = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        var options = host.GetCoproSurveyOptions();
        if (databasePath is not null)
        {
            // --database names a SQLite file whatever the configured provider.
            options.Provider = DatabaseProvider.Sqlite;
            options.ConnectionString = $"Data Source={Path.GetFullPath(databasePath)}";
        }

        if (dataDirectory is not null)
        {
            options.DataDirectory = Path.GetFullPath(dataDirectory);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(host.Configuration);
        services.AddCoproSurveyCore(options);
        return services.BuildServiceProvider();
    }
}
