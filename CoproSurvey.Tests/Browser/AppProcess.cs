using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CoproSurvey.Tests.Support;

namespace CoproSurvey.Tests.Browser;

/// <summary>
/// The built web app running as a separate process (<c>dotnet CoproSurvey.App.dll --urls ...</c>) on a database of
/// the test's choosing, so that a test can kill it and start it again on the same data.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const string ReadyLine = "CoproSurvey is running at";
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app on <paramref name="baseUrl"/> with the given SQLite connection string; returns once it listens.
    /// By default the build output in Development; <paramref name="appDll"/> runs another copy (a publish output);
    /// <paramref name="settings"/> are further configuration values (<c>RateLimits:respondent-start:PermitLimit</c>).
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string baseUrl, string connectionString, string environment = "Development", string? appDll = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = appDll ?? FindAppDll();
        var environmentVariables = new Dictionary<string, string> { ["ConnectionStrings__CoproSurvey"] = connectionString, ["ASPNETCORE_ENVIRONMENT"] = environment };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environmentVariables[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var start = StartInfo(dll, ["--urls", baseUrl], environmentVariables);
        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}."));
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.process.OutputDataReceived += (_, e) => app.Append(e.Data, ready);
        app.process.ErrorDataReceived += (_, e) => app.Append(e.Data, ready);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();

        var exited = app.process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(120)));
        if (first != ready.Task)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not start on {baseUrl}. Output:\n{app.Output}");
        }

        return app;
    }

    /// <summary>Runs a command-line verb of the built app as its own process; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = FindAppDll();
        using var process = Process.Start(StartInfo(dll, args, environment)) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>How to run the app's dll with arguments and environment variables, its output captured.</summary>
    private static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Ends the process at once, as a crash or power cut would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>The process's working set now, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    /// <summary>A free loopback port, as an http base address.</summary>
    public static string FreeLocalUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    private void Append(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    // The app's own build output, in the same configuration and framework folder as the tests.
    private static string FindAppDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var dll = Path.Combine(RepositoryPaths.Root, "CoproSurvey.App", "bin", configuration, framework, "CoproSurvey.App.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the app first: {dll} is missing.", dll);
    }
}
