using System.Collections.Concurrent;
using CoproSurvey.Core;

namespace CoproSurvey.App.Exports;

/// <summary>A file prepared for one researcher's download, kept until <see cref="ExpiresAt"/>.</summary>
public sealed record PreparedExport(string Id, string ResearcherId, int StudyId, string FileName, string Path, long Length, DateTimeOffset ExpiresAt);

/// <summary>
/// Export files prepared on a researcher page and fetched by a plain download request (so a large bundle never
/// travels through the page's circuit). A file belongs to the researcher who prepared it, is written beside its final
/// name and moved there only when complete, and is deleted when it expires or the platform stops.
/// </summary>
public sealed class PreparedExports : IDisposable
{
    /// <summary>Configuration key of the folder for prepared files (default: a folder in the system's temporary directory).</summary>
    public const string DirectoryKey = "Exports:Directory";

    /// <summary>How long a prepared file can be downloaded.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, PreparedExport> files = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly ILogger<PreparedExports> log;
    private readonly bool ownsFolder;

    public PreparedExports(TimeProvider clock, IConfiguration configuration, ILogger<PreparedExports> log)
    {
        this.clock = clock;
        this.log = log;
        Folder = configuration[DirectoryKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetTempPath(), "coprosurvey-exports", Guid.NewGuid().ToString("N"));
        ownsFolder = configuration[DirectoryKey] is not { Length: > 0 };
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>
    /// Writes a file through <paramref name="write"/> and keeps it for <paramref name="researcherId"/>. A write that fails
    /// or is cancelled leaves nothing behind.
    /// </summary>
    public async Task<PreparedExport> PrepareAsync(
        string researcherId, int studyId, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        RemoveExpired();
        var id = SecretTokens.New(16);
        var path = Path.Combine(Folder, id + Path.GetExtension(fileName));
        var partial = path + ".partial";
        try
        {
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(stream, ct);
                await stream.FlushAsync(ct);
            }

            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        var prepared = new PreparedExport(id, researcherId, studyId, fileName, path, new FileInfo(path).Length, clock.GetUtcNow() + Lifetime);
        files[id] = prepared;
        return prepared;
    }

    /// <summary>The file with this id when it was prepared by this researcher for this study and has not expired; else null.</summary>
    public PreparedExport? Find(string id, string researcherId, int studyId)
    {
        RemoveExpired();
        return files.TryGetValue(id, out var prepared) && prepared.ResearcherId == researcherId && prepared.StudyId == studyId
            ? prepared
            : null;
    }

    public void Dispose()
    {
        foreach (var id in files.Keys)
        {
            Remove(id);
        }

        if (ownsFolder && Directory.Exists(Folder) && !Directory.EnumerateFileSystemEntries(Folder).Any())
        {
            Directory.Delete(Folder);
        }
    }

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, prepared) in files)
        {
            if (prepared.ExpiresAt <= now)
            {
                Remove(id);
            }
        }
    }

    private void Remove(string id)
    {
        if (!files.TryRemove(id, out var prepared))
        {
            return;
        }

        try
        {
            File.Delete(prepared.Path);
        }
        catch (IOException e)
        {
            // A download still reading the file keeps it open; the folder is per process and temporary.
            log.LogWarning(e, "Could not delete the expired export {Path}", prepared.Path);
        }
    }
}
