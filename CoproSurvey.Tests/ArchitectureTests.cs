using System.Reflection;
using System.Text.RegularExpressions;
using CoproSurvey.Core;
using CoproSurvey.Tests.Core.Instruments;

namespace CoproSurvey.Tests;

/// <summary>Keeps the layers apart: Core knows nothing of ASP.NET, Statistics nothing of EF, I/O or DI.</summary>
public partial class ArchitectureTests
{
    private static readonly Assembly Core = typeof(CoproSurveyOptions).Assembly;

    [Fact]
    public void Core_DoesNotReferenceAspNetCore()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
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
    public void Statistics_TypesExposeNoPersistenceOrWebTypes()
    {
        var statisticsTypes = Core.GetTypes().Where(t => t.Namespace?.StartsWith("CoproSurvey.Core.Statistics", StringComparison.Ordinal) == true).ToList();

        Assert.NotEmpty(statisticsTypes);
        var exposed = statisticsTypes
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(SignatureTypes)
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || ns.StartsWith("CoproSurvey.Core.Persistence", StringComparison.Ordinal)
                || ns == "System.IO"))
            .Select(t => t.FullName)
            .Distinct()
            .ToList();
        Assert.Empty(exposed);
    }

    private static IEnumerable<Type> SignatureTypes(MemberInfo member) => member switch
    {
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        _ => [],
    };

    [GeneratedRegex(@"^\s*using\s+(Microsoft\.EntityFrameworkCore|Microsoft\.AspNetCore|Microsoft\.Extensions\.DependencyInjection|System\.IO|CoproSurvey\.Core\.Persistence)|\b(File|Directory|Console)\.\w+\(")]
    private static partial Regex Forbidden();
}
