using CoproSurvey.Core.Accounts;

namespace CoproSurvey.App.Accounts;

/// <summary>On a start with no researcher at all, prints a one-time link where the first administrator sets up their account.</summary>
public static class FirstAdministrator
{
    public static void PrintSetupLinkWhenStarted(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var link = app.Services.GetRequiredService<ResearcherAccounts>().IssueFirstAdminLinkAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (link is null)
            {
                return;
            }

            var url = app.Services.GetRequiredService<SetupLinks>().For(link, app.Urls.FirstOrDefault());
            Console.WriteLine();
            Console.WriteLine("No researcher account exists yet. Create the first administrator account (valid for 24 hours, once) at:");
            Console.WriteLine($"  {url}");
            Console.WriteLine();
        });
}
