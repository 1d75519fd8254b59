using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ClusterActors.Actors;
using ClusterActors.Remoting.Tests.Support;
using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

/// <summary>A bare socket speaking (or not speaking) the wire protocol to a transport: for garbage, oversized frames and forged handshakes.</summary>
public sealed class RawTcpPeer : IDisposable
{
    private readonly Socket socket;
    private readonly List<byte> received = [];

    private RawTcpPeer(Socket socket) => this.socket = socket;

    /// <summary>The peer's side of the connection, as the transport names it in its log.</summary>
    public string LocalEndpoint => socket.LocalEndPoint!.ToString()!;

    public TestPeer Diagnostics { get; } = new("raw test peer");

    public static async Task<RawTcpPeer> ConnectAsync(Address address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(address.Host!), address.Port!.Value));
        return new RawTcpPeer(socket);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> bytes) => await socket.SendAsync(bytes);

    /// <summary>Writes frames built by <paramref name="write"/> with an encoder of the default maximum size.</summary>
    public Task SendFramesAsync(Action<FrameEncoder, IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(Diagnostics.Encoder(), output);
        return SendAsync(output.WrittenMemory);
    }

    /// <summary>Runs a real initiator handshake as <paramref name="self"/> with the transport at <paramref name="expected"/>.</summary>
    public async Task<HandshakeOutcome> HandshakeAsync(NodeIdentity self, ClusterSecret secret, Address expected)
    {
        var initiator = new HandshakeInitiator(self, secret, new SeededRandomSource(7), Diagnostics.Diagnostics, expected);
        var output = new ArrayBufferWriter<byte>();
        initiator.Start(output);
        await SendAsync(output.WrittenMemory.ToArray());
        output.Clear();
        var decoder = new FrameDecoder(FrameLimits.HandshakeMaxFrameSize, Diagnostics.Diagnostics);
        var pending = Array.Empty<byte>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var chunk = new byte[4096];
        while (!initiator.IsCompleted)
        {
            var read = await socket.ReceiveAsync(chunk, deadline.Token);
            Assert.True(read > 0, "The transport closed the connection during the handshake.");
            pending = [.. pending, .. chunk.AsSpan(0, read)];
            var buffer = new ReadOnlySequence<byte>(pending);
            while (!initiator.IsCompleted && decoder.TryReadFrame(ref buffer, out var frame))
            {
                initiator.Receive(frame, output);
            }

            pending = buffer.ToArray();
        }

        await SendAsync(output.WrittenMemory.ToArray());
        return initiator.Outcome;
    }

    /// <summary>Reads until the transport closes the connection (end of stream or reset); returns every byte received. Fails after 10 s.</summary>
    public async Task<byte[]> ReadUntilClosedAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(chunk, deadline.Token);
                if (read == 0)
                {
                    break;
                }

                received.AddRange(chunk.AsSpan(0, read));
            }
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionReset)
        {
            // A reset is a close too.
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("The transport did not close the connection within 10 s.");
        }

        return [.. received];
    }

    /// <summary>The frame kinds in <paramref name="stream"/> (whole frames only).</summary>
    public static List<FrameKind> Kinds(byte[] stream) =>
        [.. HandshakePump.SplitFrames(stream).Select(frame => (FrameKind)frame[4])];

    public void Dispose() => socket.Dispose();
}
