using System.Text.Json;
using CoproSurvey.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// Healthy when the database answers a query and no migration is pending. The result carries only the words
/// <c>reachable</c>/<c>unreachable</c> and <c>applied</c>/<c>pending</c>: never an exception message, which could
/// name the connection string or a file path.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<CoproSurveyDbContext> contextFactory) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending;
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            // For a SQLite file CanConnect only looks for the file (without creating it, as opening would); the
            // migration history is then the query that proves the file is a database that answers. A missing file
            // would otherwise read as an empty history: "every migration pending" instead of "unreachable".
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return Unreachable();
            }

            pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Unreachable();
        }

        return pending.Count == 0
            ? HealthCheckResult.Healthy("database reachable, migrations applied", Words(database: "reachable", migrations: "applied"))
            : HealthCheckResult.Unhealthy("migrations pending", data: Words(database: "reachable", migrations: "pending"));
    }

    private static HealthCheckResult Unreachable() =>
        HealthCheckResult.Unhealthy("database unreachable", data: Words(database: "unreachable"));

    private static Dictionary<string, object> Words(string database, string? migrations = null)
    {
        var data = new Dictionary<string, object> { ["database"] = database };
        if (migrations is not null)
        {
            data["migrations"] = migrations;
        }

        return data;
    }
}

/// <summary><c>GET /health</c> for load balancers and monitors: 200 when healthy, otherwise 503; anonymous and never rate limited.</summary>
public static class DatabaseHealth
{
    public const string Path = "/health";

    public static IServiceCollection AddCoproSurveyHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name);
        return services;
    }

    public static WebApplication MapCoproSurveyHealth(this WebApplication app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync })
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }

    /// <summary><c>{"status":"ok","database":"reachable","migrations":"applied"}</c>, or <c>"status":"unavailable"</c> with the reason.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object> { ["status"] = report.Status == HealthStatus.Healthy ? "ok" : "unavailable" };
        foreach (var entry in report.Entries.Values)
        {
            foreach (var (key, value) in entry.Data)
            {
                body[key] = value;
            }
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
