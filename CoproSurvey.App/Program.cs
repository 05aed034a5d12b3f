using CoproSurvey.App;
using CoproSurvey.App.Accounts;
using CoproSurvey.App.Cli;
using CoproSurvey.Core;
using CoproSurvey.Core.Persistence;

// The same executable serves the command-line verbs; they never start the web server.
if (CliApp.IsCommandLine(args))
{
    return await CliApp.RunAsync(args, CliConsole.System);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCoproSurveyCore(builder.GetCoproSurveyOptions());
builder.Services.AddAppServices();

var app = builder.Build();

var report = await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
foreach (var message in report.Messages)
{
    app.Logger.LogInformation("{Message}", message);
}

app.MapAppEndpoints();
app.PrintUrlsWhenStarted();
app.PrintSetupLinkWhenStarted();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
