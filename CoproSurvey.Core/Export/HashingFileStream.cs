using System.Security.Cryptography;

namespace CoproSurvey.Core.Export;

/// <summary>
/// A new file, written once from start to end, whose SHA-256 and length are computed from the bytes as they are
/// written: the manifest needs them, and reading a large data file back only to hash it cost as much as writing it.
/// </summary>
internal sealed class HashingFileStream : Stream
{
    private readonly FileStream file;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long length;
    private string? sha256;

    /// <summary>Creates (or overwrites) the file. Writes are not buffered here: the writer on top has a buffer of its own.</summary>
    public HashingFileStream(string path)
    {
        file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    /// <summary>The lowercase hex SHA-256 of everything written; the stream takes no more writes once it has been asked (or disposed).</summary>
    public string Sha256 => sha256 ??= Convert.ToHexStringLower(hash.GetHashAndReset());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(sha256 is not null, this);
        hash.AppendData(buffer);
        file.Write(buffer);
        length += buffer.Length;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(sha256 is not null, this);
        hash.AppendData(buffer.Span);
        await file.WriteAsync(buffer, cancellationToken);
        length += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
            _ = Sha256;
            hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
