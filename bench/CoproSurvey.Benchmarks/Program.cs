using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CoproSurvey.Benchmarks.OlsBenchmarks).Assembly).Run(args);
