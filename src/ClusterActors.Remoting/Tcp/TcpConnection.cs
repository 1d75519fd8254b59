using System.IO.Pipelines;
using System.Net.Sockets;

namespace ClusterActors.Remoting;

/// <summary>One TCP connection, either direction: its socket, its pipes, and who is on the other end once the handshake says so.</summary>
/// <remarks>
/// The reading loop owns <see cref="Reader"/>. Writes go either through one writer loop (an outbound
/// connection after its handshake) or through <see cref="SendAsync"/>/<see cref="SendCloseAsync"/>,
/// which take the write gate (handshake frames, and the Close frames of inbound connections). Bytes
/// reach the socket only under the write gate: the writer loop takes it around each flush, and
/// <see cref="TryWriteNow"/> (a distress frame, written synchronously by a caller's thread) takes it
/// around its blocking send, so frames never interleave.
/// <see cref="Close"/> may be called from any thread, any number of times.
/// </remarks>
internal sealed class TcpConnection : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket socket;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int closed;
    private bool writerCompleted;
    private volatile bool sendShutDown;

    public TcpConnection(Socket socket, bool isInbound, string endpoint, PeerDiagnostics diagnostics)
    {
        this.socket = socket;
        IsInbound = isInbound;
        Endpoint = endpoint;
        Diagnostics = diagnostics;
        var stream = new NetworkStream(socket, ownsSocket: false);
        Reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: BufferSize, minimumReadSize: 4096, leaveOpen: true));
        Writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: BufferSize, leaveOpen: true));
    }

    /// <summary>The remote endpoint as text, e.g. <c>tcp 127.0.0.1:40312 (inbound)</c>.</summary>
    public string Endpoint { get; }

    public bool IsInbound { get; }

    public string Direction => IsInbound ? "Inbound" : "Outbound";

    public PipeReader Reader { get; }

    public PipeWriter Writer { get; }

    /// <summary>Names the endpoint until the handshake completes, then the peer's address.</summary>
    public PeerDiagnostics Diagnostics { get; private set; }

    /// <summary>The authenticated peer, once the handshake completed.</summary>
    public NodeIdentity? Peer { get; private set; }

    public bool IsClosed => Volatile.Read(ref closed) != 0;

    /// <summary>Why the connection closed, first reason wins.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>Completes when the loop that owns the connection has finished with it.</summary>
    public Task Finished => finished.Task;

    public void Authenticated(NodeIdentity peer)
    {
        Peer = peer;
        Diagnostics = Diagnostics.ForPeer($"{peer.Address} ({Endpoint})");
    }

    /// <summary>Closes the socket at once (no Close frame); pending reads and writes fail.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref closed, 1) != 0)
        {
            return;
        }

        CloseReason = reason;
        socket.Dispose();
    }

    /// <summary>Takes the write gate; the writer loop holds it while it flushes, so a synchronous distress write cannot land inside a frame.</summary>
    public Task EnterWriteGateAsync() => writeGate.WaitAsync();

    /// <summary>Releases the write gate taken by <see cref="EnterWriteGateAsync"/>.</summary>
    public void ExitWriteGate() => writeGate.Release();

    /// <summary>
    /// Writes one whole frame on the calling thread with a blocking send, under the write gate, within
    /// <paramref name="timeout"/> (measured on <paramref name="clock"/>; the waits themselves are the
    /// OS's, since a blocked thread cannot wait on a virtual clock). Null once the bytes were handed to
    /// the socket, otherwise why not. A send that fails or times out may have left part of the frame
    /// behind, so it closes the connection.
    /// </summary>
    public string? TryWriteNow(ReadOnlySpan<byte> frame, TimeSpan timeout, TimeProvider clock)
    {
        var started = clock.GetTimestamp();
        try
        {
            if (!writeGate.Wait(timeout))
            {
                return $"the connection's writer stayed busy for the whole timeout of {timeout}.";
            }
        }
        catch (ObjectDisposedException)
        {
            return "the connection has closed.";
        }

        try
        {
            if (writerCompleted || sendShutDown || IsClosed)
            {
                return "the connection has closed.";
            }

            var left = timeout - clock.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return $"the timeout of {timeout} passed while waiting for the connection's writer.";
            }

            socket.SendTimeout = (int)Math.Min(int.MaxValue, Math.Ceiling(left.TotalMilliseconds));
            var sent = socket.Send(frame, SocketFlags.None);
            if (sent != frame.Length)
            {
                Close($"a distress write sent only {sent} of {frame.Length} bytes.");
                return $"only {sent} of the {frame.Length} bytes were sent.";
            }

            Diagnostics.CountFrameOut();
            return null;
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            var why = error is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock }
                ? $"the send did not complete within the timeout of {timeout}."
                : $"the send failed: {error.Message}";
            Close($"a distress write failed: {why}");
            return why;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Writes and flushes raw frame bytes under the write gate.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> frames, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (!writerCompleted)
            {
                await Writer.WriteAsync(frames, cancellationToken);
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Writes a Close frame under the write gate, then half-closes so the peer reads it and then end of stream.</summary>
    public async Task SendCloseAsync(CloseCode code, string reason, int maxFrameSize, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (!writerCompleted && !IsClosed)
            {
                new FrameEncoder(maxFrameSize, Diagnostics).WriteClose(Writer, code, reason);
                await Writer.FlushAsync(cancellationToken);
                ShutdownSend();
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Sends FIN after what was written; the connection stays readable.</summary>
    public void ShutdownSend()
    {
        sendShutDown = true;
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already gone: the peer learns from the reset instead.
        }
    }

    /// <summary>Called once by the owning loop when it is done: closes the socket, returns the pipes' buffers, completes <see cref="Finished"/>.</summary>
    public async Task FinishAsync(string reason)
    {
        Close(reason);
        await CompleteQuietlyAsync(Reader.CompleteAsync);
        await writeGate.WaitAsync();
        try
        {
            writerCompleted = true;
            await CompleteQuietlyAsync(Writer.CompleteAsync);
        }
        finally
        {
            writeGate.Release();
        }

        finished.TrySetResult();
    }

    /// <summary>Frees the write gate; call after <see cref="FinishAsync"/>. Late writers get <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Close("disposed.");
        writeGate.Dispose();
    }

    private static async Task CompleteQuietlyAsync(Func<Exception?, ValueTask> complete)
    {
        try
        {
            // Completing a pipe over a closed socket may try to flush into it; that data is lost anyway.
            await complete(null);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    public override string ToString() => Diagnostics.Peer;
}
