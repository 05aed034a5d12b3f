using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// The one place where requests are rate limited: a global limiter that picks a policy from method and path, so
/// that no endpoint has to remember to opt in. Clients are told apart by their IP address after forwarded headers
/// (IPv6 by /64, the block one subscriber usually holds). Limits come from <c>RateLimits:{policy}:...</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>Configuration section holding one subsection per policy.</summary>
    public const string SectionName = "RateLimits";

    /// <summary><c>POST /s/{study}/{audience}</c>: starting or declining a questionnaire, per client.</summary>
    public const string RespondentStart = "respondent-start";

    /// <summary><c>POST /resume</c> and <c>POST /withdraw</c>: anything that takes a resume code, per client and for all clients together.</summary>
    public const string ResumeCode = "resume-code";

    /// <summary><c>POST /account/sign-in</c>, per client.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Every policy with its default limits.</summary>
    /// <remarks>
    /// resume-code: a code is 10 characters of a 31-letter alphabet, 31^10 ≈ 8.2e14 codes. With 10,000 live
    /// responses a guess hits one with probability 1.2e-11, so finding any one takes 8.2e10 guesses on average;
    /// at the global 120 a minute that is 6.8e8 minutes, about 1,300 years. One client gets 6 tries in 10 minutes,
    /// room for typing mistakes. sign-in: 10 per 5 minutes per client (account lockout works beside it).
    /// respondent-start: 30 a minute per client, enough for an office or school behind one address.
    /// </remarks>
    public static IReadOnlyDictionary<string, RateLimitPolicy> Defaults { get; } = new Dictionary<string, RateLimitPolicy>
    {
        [RespondentStart] = new(30, TimeSpan.FromMinutes(1)),
        [ResumeCode] = new(6, TimeSpan.FromMinutes(10), new RateLimitWindow(120, TimeSpan.FromMinutes(1))),
        [SignIn] = new(10, TimeSpan.FromMinutes(5)),
    };

    /// <summary>The policy a request falls under, or null when it is not limited.</summary>
    public static string? PolicyFor(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            [var first, _, _] when Is(first, "s") => RespondentStart,
            [var only] when Is(only, "resume") || Is(only, "withdraw") => ResumeCode,
            [var first, var second] when Is(first, "account") && Is(second, "sign-in") => SignIn,
            _ => null,
        };

        static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The partition key of a client: its address, IPv4-mapped addresses as IPv4, IPv6 cut to its /64.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    /// <summary>Registers the limiter; limits are read from configuration over <see cref="Defaults"/>.</summary>
    public static IServiceCollection AddCoproSurveyRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimitSettings>().Configure<IConfiguration>((settings, configuration) => settings.Load(configuration));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var policies = settings.Value.Policies;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerClient(policies), Global(policies));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
            {
                var policy = PolicyFor(context.HttpContext.Request);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : policies[policy ?? RespondentStart].Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var minutes = (seconds + 59) / 60;
                return new ValueTask(RejectionPage.WriteAsync(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    "Refused.TooMany.Title",
                    minutes == 1 ? "Refused.TooMany.TextOneMinute" : "Refused.TooMany.Text",
                    cancellationToken,
                    minutes));
            };
        });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> PerClient(IReadOnlyDictionary<string, RateLimitPolicy> policies) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => PolicyFor(context.Request) is { } policy
            ? RateLimitPartition.GetFixedWindowLimiter(
                $"{policy}|{ClientKey(context.Connection.RemoteIpAddress)}",
                _ => policies[policy].Options())
            : RateLimitPartition.GetNoLimiter(""));

    // Only after a client is within its own limit does a request count against everyone's.
    private static PartitionedRateLimiter<HttpContext> Global(IReadOnlyDictionary<string, RateLimitPolicy> policies) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => PolicyFor(context.Request) is { } policy
            && policies[policy].Global is { } global
            ? RateLimitPartition.GetFixedWindowLimiter(policy, _ => global.Options())
            : RateLimitPartition.GetNoLimiter(""));
}

/// <summary>A number of permits per fixed window.</summary>
public sealed record RateLimitWindow(int PermitLimit, TimeSpan Window)
{
    internal FixedWindowRateLimiterOptions Options() => new()
    {
        PermitLimit = PermitLimit,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>Limits of one policy: per client, and optionally for all clients together.</summary>
public sealed record RateLimitPolicy(int PermitLimit, TimeSpan Window, RateLimitWindow? Global = null)
{
    internal FixedWindowRateLimiterOptions Options() => new RateLimitWindow(PermitLimit, Window).Options();
}

/// <summary>The limits in force: <see cref="RateLimits.Defaults"/> overridden by configuration.</summary>
public sealed class RateLimitSettings
{
    public IReadOnlyDictionary<string, RateLimitPolicy> Policies { get; private set; } = RateLimits.Defaults;

    internal void Load(IConfiguration configuration)
    {
        var policies = new Dictionary<string, RateLimitPolicy>();
        foreach (var (name, defaults) in RateLimits.Defaults)
        {
            var section = configuration.GetSection($"{RateLimits.SectionName}:{name}");
            var global = defaults.Global is { } g
                ? new RateLimitWindow(
                    Positive(section, "GlobalPermitLimit", g.PermitLimit),
                    TimeSpan.FromSeconds(Positive(section, "GlobalWindowSeconds", (int)g.Window.TotalSeconds)))
                : null;
            policies[name] = new RateLimitPolicy(
                Positive(section, "PermitLimit", defaults.PermitLimit),
                TimeSpan.FromSeconds(Positive(section, "WindowSeconds", (int)defaults.Window.TotalSeconds)),
                global);
        }

        Policies = policies;
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be a positive whole number, not '{text}'.");
    }
}
