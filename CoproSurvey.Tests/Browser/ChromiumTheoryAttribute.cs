namespace CoproSurvey.Tests.Browser;

/// <summary>A theory that needs Debian's Chromium; skipped with a message where it is not installed.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            Skip = $"Chromium not installed at {ChromiumFactAttribute.ChromiumPath} (apt-get install chromium)";
        }
    }
}
