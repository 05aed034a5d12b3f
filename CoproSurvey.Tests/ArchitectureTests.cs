using System.Reflection;
using System.Text.RegularExpressions;
using CoproSurvey.Core;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests;

/// <summary>Keeps the layers apart: Core knows nothing of ASP.NET, Statistics nothing of EF, I/O or DI (its signatures: StatisticsPurityTests).</summary>
public partial class ArchitectureTests
{
    private static readonly Assembly Core = typeof(CoproSurveyOptions).Assembly;

    [Fact]
    public void Core_DoesNotReferenceTheWebHostOrComponents()
    {
        // Identity's EF stores and Data Protection's EF key store are libraries without a web host; HTTP, routing,
        // components, MVC and the server are not.
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        string[] allowed = ["Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.AspNetCore.DataProtection", "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore", "Microsoft.AspNetCore.DataProtection.Abstractions", "Microsoft.AspNetCore.Cryptography.KeyDerivation", "Microsoft.AspNetCore.Cryptography.Internal"];

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !allowed.Contains(name));
    }

    [Fact]
    public void Core_UsesNoHttpContextOrComponents()
    {
        var offences = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "CoproSurvey.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => WebTypes().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "Core must not use the web host:" + Environment.NewLine + string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void Statistics_UsesNeitherPersistenceNorInputOutput()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "CoproSurvey.Core", "Statistics");
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(files);
        var offences = files
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => Forbidden().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, "Statistics must stay pure:" + Environment.NewLine + string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void Analysis_KnowsNothingOfTheConsoleOrTheCommandLine()
    {
        var offences = Offences(Path.Combine("CoproSurvey.Core", "Analysis"), ConsoleTypes());

        Assert.True(offences.Count == 0, "Core/Analysis serves the dashboards too; it must not write to a console:" + Environment.NewLine + string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void CommandLine_ComputesNoStatisticsAndWritesNoJsonByHand()
    {
        var offences = Offences(Path.Combine("CoproSurvey.App", "Cli"), StatisticsCalls());

        Assert.True(offences.Count == 0, "The verbs parse options and render Core/Analysis reports:" + Environment.NewLine + string.Join(Environment.NewLine, offences));
    }

    private static List<string> Offences(string folder, Regex forbidden) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

    [GeneratedRegex(@"\bConsole\.\w+|^\s*using\s+(CoproSurvey\.App|System\.CommandLine)\b")]
    private static partial Regex ConsoleTypes();

    [GeneratedRegex(@"\b(DesignMatrix|Ols\.Fit|LogisticRegression\.Fit|Descriptives\.|Correlation\.Matrix|Reliability\.Analyze|TTest\.TwoSample|Anova\.OneWay|ChiSquare\.Independence|CsvTableReader|WriteStartObject|WriteStartArray|WritePropertyName)\b")]
    private static partial Regex StatisticsCalls();

    [GeneratedRegex(@"\bHttpContext\b|^\s*using\s+Microsoft\.AspNetCore\.(Http|Components|Mvc|Routing|Builder|Hosting|Antiforgery)\b")]
    private static partial Regex WebTypes();

    [GeneratedRegex(@"^\s*using\s+(Microsoft\.EntityFrameworkCore|Microsoft\.AspNetCore|Microsoft\.Extensions\.DependencyInjection|System\.IO|CoproSurvey\.Core\.Persistence)|\b(File|Directory|Console)\.\w+\(")]
    private static partial Regex Forbidden();
}
