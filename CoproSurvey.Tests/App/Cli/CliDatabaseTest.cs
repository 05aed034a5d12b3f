using CoproSurvey.App.Cli;
using CoproSurvey.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Cli;

/// <summary>Verbs run in process on a database file of the test's own, with what they print captured.</summary>
public abstract class CliDatabaseTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("coprosurvey-cli-").FullName;

    protected StringWriter Output { get; } = new();

    protected StringWriter Error { get; } = new();

    protected string DatabasePath => Path.Combine(folder, "cli.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the verb line as given (the test names the database where it wants one).</summary>
    protected Task<int> RunAsync(params string[] args) =>
        CliApp.RunAsync(args, new CliConsole(Output, Error), CancellationToken.None);

    protected CoproSurveyDbContext Context() =>
        new(new DbContextOptionsBuilder<CoproSurveyDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False").Options);
}
