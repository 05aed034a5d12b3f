using System.Diagnostics;
using System.Globalization;
using CoproSurvey.Core;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Benchmarks;

/// <summary>
/// Times every dashboard view of a study in a database, as the web app computes them: the first read of the study into
/// the dashboards' memory, then each view again and again from there (what a researcher waits for after the first load).
/// Usage: <c>dashboards DATABASE [STUDY] [RUNS] [VIEW]</c> (VIEW: time only the views whose name contains it). Wall-clock figures of a whole view, not micro-benchmarks, so a
/// plain stopwatch over repeated runs (median and maximum) serves.
/// </summary>
internal static class DashboardTimings
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: dashboards DATABASE [STUDY] [RUNS] [VIEW]");
            return 2;
        }

        var study = args.Length > 1 ? args[1] : "coproduction";
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var only = args.Length > 3 ? args[3] : "";
        var services = new ServiceCollection()
            .AddLogging()
            .AddCoproSurveyCore(new CoproSurveyOptions { ConnectionString = $"Data Source={args[0]}" })
            .BuildServiceProvider();
        var cache = services.GetRequiredService<DashboardDataCache>();
        int studyId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<CoproSurveyDbContext>>().CreateDbContextAsync())
        {
            studyId = await db.Studies.Where(s => s.Key == study).Select(s => s.Id).SingleAsync();
            Console.WriteLine($"study {study}: {await db.Responses.CountAsync(r => r.StudyId == studyId)} responses, {await db.Answers.CountAsync()} answers");
        }

        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var both = await cache.GetAsync(study, null, CancellationToken.None);
        await cache.GetAsync(study, Audience.Citizen, CancellationToken.None);
        await cache.GetAsync(study, Audience.Professional, CancellationToken.None);
        Console.WriteLine(FormattableString.Invariant(
            $"first load (both audiences, then each audience): {watch.Elapsed.TotalSeconds:0.0} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s CPU, {both!.Data.Layout.Values.Count} variables"));
        GC.Collect();
        Console.WriteLine(FormattableString.Invariant($"managed memory after the first load: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} MiB"));

        var overview = services.GetRequiredService<OverviewQueries>();
        using var scope = services.CreateScope();
        var compare = scope.ServiceProvider.GetRequiredService<CompareQueries>();
        var gap = scope.ServiceProvider.GetRequiredService<GapQueries>();
        var measurement = scope.ServiceProvider.GetRequiredService<MeasurementQueries>();
        var relations = scope.ServiceProvider.GetRequiredService<RelationsQueries>();
        var model = scope.ServiceProvider.GetRequiredService<ModelQueries>();
        var scale = (await compare.VariablesAsync(study, CancellationToken.None)).First(v => v.IsScale).Name;
        var citizens = DashboardFilter.All with { Audiences = [Audience.Citizen] };
        var someCountries = DashboardFilter.All with { Countries = ["BE", "NL"], CompleteOnly = true };
        var views = new (string Name, Func<Task> Run)[]
        {
            ("overview", () => overview.OverviewAsync(studyId, DashboardFilter.All, CancellationToken.None)),
            ("overview, BE and NL, complete", () => overview.OverviewAsync(studyId, someCountries, CancellationToken.None)),
            ($"compare {scale} by country", () => compare.CompareAsync(study, scale, CompareBy.Country, DashboardFilter.All, CancellationToken.None)),
            ($"compare {scale} by field, citizens", () => compare.CompareAsync(study, scale, CompareBy.PolicyField, citizens, CancellationToken.None)),
            ($"compare {scale}, BE and NL, complete", () => compare.CompareAsync(study, scale, CompareBy.Country, someCountries, CancellationToken.None)),
            ("citizens vs professionals by country", () => gap.GapAsync(study, GapBy.Country, DashboardFilter.All, CancellationToken.None)),
            ("citizens vs professionals by service unit", () => gap.GapAsync(study, GapBy.ServiceUnit, DashboardFilter.All, CancellationToken.None)),
            ("measurement", () => measurement.MeasureAsync(study, null, DashboardFilter.All, CancellationToken.None)),
            ("measurement, citizens", () => measurement.MeasureAsync(study, null, citizens, CancellationToken.None)),
            ("relations, Pearson", () => relations.RelationsAsync(study, CorrelationMethod.Pearson, DashboardFilter.All, CancellationToken.None)),
            ("relations, Spearman, citizens", () => relations.RelationsAsync(study, CorrelationMethod.Spearman, citizens, CancellationToken.None)),
            ("model mirror_will ~ mirror_comp + mirror_value + country, HC3", () => model.FitAsync(
                study, new ModelChoice("mirror_will", ["mirror_comp", "mirror_value", "country"], ModelStandardErrors.HC3), DashboardFilter.All, CancellationToken.None)),
            ("model, clustered by country", () => model.FitAsync(
                study, new ModelChoice("mirror_will", ["mirror_comp", "mirror_value", "policy_field"], ModelStandardErrors.ClusterCountry), DashboardFilter.All, CancellationToken.None)),
        };

        // CPU time beside wall time: the views compute on every core, and CPU time says what a view costs on a busy machine.
        Console.WriteLine($"| view | median (ms) | max (ms) | median CPU (ms) | runs |");
        Console.WriteLine($"|---|---:|---:|---:|---:|");
        foreach (var (name, run) in views.Where(v => v.Name.Contains(only, StringComparison.Ordinal)))
        {
            await run();
            var times = new List<double>();
            var cpus = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                watch.Restart();
                await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            }

            times.Sort();
            cpus.Sort();
            Console.WriteLine(FormattableString.Invariant($"| {name} | {times[times.Count / 2]:0} | {times[^1]:0} | {cpus[cpus.Count / 2]:0} | {runs} |"));
        }

        return 0;
    }
}
