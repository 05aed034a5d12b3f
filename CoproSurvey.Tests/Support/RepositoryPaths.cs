namespace CoproSurvey.Tests.Support;

/// <summary>Locates the checked-out repository (the folder holding CoproSurvey.sln) from the test output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoproSurvey.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CoproSurvey.sln not found above {AppContext.BaseDirectory}.");
    }
}
