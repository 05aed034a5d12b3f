using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproSurvey.Core.Persistence.Configurations;

/// <summary>Stores a small read-only list as a JSON text column, compared by content.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<IReadOnlyList<T>> HasJsonConversion<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property
            .HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>(),
                new ValueComparer<IReadOnlyList<T>>(
                    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                    v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
                    v => v.ToList()))
            .HasColumnType("TEXT");

    /// <summary>Stores a small immutable record (or null) as a JSON text column, compared by the record's equality.</summary>
    public static PropertyBuilder<T?> HasJsonObjectConversion<T>(this PropertyBuilder<T?> property)
        where T : class, IEquatable<T> =>
        property
            .HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, Options),
                v => v == null ? null : JsonSerializer.Deserialize<T>(v, Options),
                new ValueComparer<T?>(
                    (a, b) => a == null ? b == null : a.Equals(b),
                    v => v == null ? 0 : v.GetHashCode(),
                    v => v))
            .HasColumnType("TEXT");
}
