namespace CoproSurvey.Tests.Browser;

/// <summary>A fact that needs Debian's Chromium; skipped with a message where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"Chromium not installed at {ChromiumPath} (apt-get install chromium)";
        }
    }
}
