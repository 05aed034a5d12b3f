using System.Text.Json;

namespace CoproSurvey.App.Load;

/// <summary>
/// One page post the platform acknowledged (answered with a redirect onwards): which response (its access token),
/// which page, the values posted for each item (an item left empty is absent), and where the platform sent the
/// respondent next.
/// </summary>
public sealed record AcknowledgedPagePost(
    string Token, string Audience, int Page, IReadOnlyDictionary<string, IReadOnlyList<string>> Items, string Next, DateTimeOffset At);

/// <summary>
/// The <c>--log</c> file of <c>loadtest</c>: one JSON object per line, one line per acknowledged page post, written
/// as soon as the acknowledgement arrives, so that a checker can compare every line with the database.
/// </summary>
public sealed class PagePostLog : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly StreamWriter writer;
    private readonly SemaphoreSlim gate = new(1, 1);

    private PagePostLog(StreamWriter writer) => this.writer = writer;

    /// <summary>Creates (or empties) the log file.</summary>
    public static PagePostLog Create(string path) =>
        new(new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true });

    public async Task WriteAsync(AcknowledgedPagePost post)
    {
        var line = JsonSerializer.Serialize(post, Json);
        await gate.WaitAsync();
        try
        {
            await writer.WriteLineAsync(line);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every post in a log file, in the order written.</summary>
    public static IReadOnlyList<AcknowledgedPagePost> Read(string path) =>
        File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<AcknowledgedPagePost>(l, Json)
                ?? throw new InvalidDataException($"{path}: a line is not a page post."))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        gate.Dispose();
    }
}
