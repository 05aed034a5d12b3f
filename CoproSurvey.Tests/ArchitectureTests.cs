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

    [GeneratedRegex(@"\bHttpContext\b|^\s*using\s+Microsoft\.AspNetCore\.(Http|Components|Mvc|Routing|Builder|Hosting|Antiforgery)\b")]
    private static partial Regex WebTypes();

    [GeneratedRegex(@"^\s*using\s+(Microsoft\.EntityFrameworkCore|Microsoft\.AspNetCore|Microsoft\.Extensions\.DependencyInjection|System\.IO|CoproSurvey\.Core\.Persistence)|\b(File|Directory|Console)\.\w+\(")]
    private static partial Regex Forbidden();
}
