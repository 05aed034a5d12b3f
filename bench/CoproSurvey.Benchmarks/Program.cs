using BenchmarkDotNet.Running;

if (args is ["dashboards", .. var rest])
{
    return await CoproSurvey.Benchmarks.DashboardTimings.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(CoproSurvey.Benchmarks.OlsBenchmarks).Assembly).Run(args);
return 0;
