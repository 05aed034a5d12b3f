using System.Reflection;
using CoproSurvey.Core.Statistics;

namespace CoproSurvey.Tests.Core.Statistics;

public class StatisticsPurityTests
{
    private static readonly string[] Forbidden =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Microsoft.Extensions.DependencyInjection",
        "System.IO",
        "System.Data",
    ];

    [Fact]
    public void StatisticsTypes_ReferenceNoPersistenceWebOrIoTypes_InTheirSignatures()
    {
        // Arrange
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = typeof(Descriptives).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Descriptives).Namespace)
            .ToList();

        // Act
        var offending = types
            .SelectMany(t => Signature(t, all).SelectMany(Expand).Select(used => (Owner: t, Used: used)))
            .Where(p => p.Used.Namespace is { } ns && Forbidden.Any(f => ns.StartsWith(f, StringComparison.Ordinal)))
            .Select(p => $"{p.Owner.Name} uses {p.Used.FullName}")
            .Distinct()
            .ToList();

        // Assert
        Assert.NotEmpty(types);
        Assert.Empty(offending);
    }

    /// <summary>A type with its element type and generic arguments, so that List&lt;DbContext&gt; is caught too.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        var inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var nested in inner.SelectMany(Expand))
        {
            yield return nested;
        }
    }

    private static IEnumerable<Type> Signature(Type type, BindingFlags flags)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var field in type.GetFields(flags))
        {
            yield return field.FieldType;
        }

        foreach (var method in type.GetMethods(flags).Cast<MethodBase>().Concat(type.GetConstructors(flags)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }
}
