using CoproSurvey.Core;
using CoproSurvey.Core.Persistence;
using Microsoft.Extensions.Configuration;

namespace CoproSurvey.App.Cli;

/// <summary>
/// The Core services for a command-line verb, configured exactly like the web platform (appsettings.json,
/// environment variables) so that a verb and <c>dotnet run</c> work on the same database and data folder.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? databasePath = null, string? dataDirectory = null)
    {
        var contentRoot = Directory.GetCurrentDirectory();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetCoproSurveyOptions(contentRoot);
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
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCoproSurveyCore(options);
        return services.BuildServiceProvider();
    }
}
