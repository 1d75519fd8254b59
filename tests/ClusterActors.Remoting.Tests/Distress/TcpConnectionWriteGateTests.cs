using System.Net;
using System.Net.Sockets;
using ClusterActors.Remoting.Tests.Support;
using Xunit;

namespace ClusterActors.Remoting.Tests.Distress;

/// <summary>The synchronous distress write on one real loopback connection: the write gate it shares with the writer loop, and its failures.</summary>
public sealed class TcpConnectionWriteGateTests : IDisposable
{
    private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket client = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket server;
    private readonly TestPeer peer = new("tcp test connection");
    private readonly TcpConnection connection;
    private readonly DistressFrame frame = DistressFrame.Build(TestNodes.Node("node-1", 2551, incarnation: 5));

    public TcpConnectionWriteGateTests()
    {
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        client.Connect(listener.LocalEndPoint!);
        server = listener.Accept();
        connection = new TcpConnection(client, isInbound: false, "tcp test", peer.Diagnostics);
    }

    [Fact]
    public async Task While_the_writer_loop_holds_the_gate_a_distress_write_does_not_touch_the_socket_and_gives_up_at_its_timeout()
    {
        await connection.EnterWriteGateAsync();
        var failure = connection.TryWriteNow(frame.Fill("k", "first"), TimeSpan.FromMilliseconds(50), TimeProvider.System);
        connection.ExitWriteGate();
        var success = connection.TryWriteNow(frame.Fill("k", "second"), TimeSpan.FromSeconds(5), TimeProvider.System);

        Assert.Contains("stayed busy", failure, StringComparison.Ordinal);
        Assert.Null(success);
        Assert.Equal("second", DistressFrameTests.Decode(ReceiveFrame()).Reason);
        Assert.Equal(1, peer.Counters.FramesOut);
    }

    [Fact]
    public void A_distress_write_after_the_send_side_was_shut_fails_without_writing_or_throwing()
    {
        connection.ShutdownSend();

        Assert.Equal("the connection has closed.", connection.TryWriteNow(frame.Fill("k", "r"), TimeSpan.FromSeconds(5), TimeProvider.System));
        Assert.Equal(0, peer.Counters.FramesOut);
    }

    [Fact]
    public void A_distress_write_on_a_closed_connection_fails_without_throwing()
    {
        connection.Close("test");

        Assert.Equal("the connection has closed.", connection.TryWriteNow(frame.Fill("k", "r"), TimeSpan.FromSeconds(5), TimeProvider.System));
    }

    public void Dispose()
    {
        connection.Dispose();
        server.Dispose();
        client.Dispose();
        listener.Dispose();
    }

    private byte[] ReceiveFrame()
    {
        var bytes = new byte[frame.Buffer.Length];
        server.ReceiveTimeout = 10_000;
        for (var read = 0; read < bytes.Length;)
        {
            var got = server.Receive(bytes.AsSpan(read));
            Assert.True(got > 0, "the connection closed before a whole frame arrived");
            read += got;
        }

        return bytes;
    }
}
