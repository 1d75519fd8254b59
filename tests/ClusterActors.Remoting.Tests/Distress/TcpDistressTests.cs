using ClusterActors.Remoting.Tests.Support;
using ClusterActors.Remoting.Tests.Tcp;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.Distress;

public sealed class TcpDistressTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task S6_a_distress_from_an_authenticated_peer_is_raised_with_its_kind_and_reason()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        var frame = DistressFrame.Build(a.Identity);
        Connect(a, b);

        Assert.True(a.Transport.WriteDistress(b.Address, frame.Fill("imminent-crash", "kernel panic: \u00e9t\u00e9"), Timeout));

        b.Events.WaitUntil(e => e.Distress.Count == 1, "B to raise A's distress");
        var received = Assert.Single(b.Events.Distress);
        Assert.Equal(a.Identity, received.Peer);
        Assert.Equal(new DistressNotice("a", a.Identity.Incarnation, "imminent-crash", "kernel panic: \u00e9t\u00e9"), received.Notice);
        Assert.Contains(b.Log.Lines(LogLevel.Warning), line => line.Contains("Distress signal from", StringComparison.Ordinal) && line.Contains(a.Address.ToString(), StringComparison.Ordinal));
        Assert.Equal(0, a.Counters.DistressWriteFailures);
        Assert.Equal(0, b.Counters.ForgedDistressFrames + b.Counters.MalformedFrames);
    }

    [Fact]
    public async Task S3_a_synchronous_distress_write_on_an_open_connection_allocates_nothing()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        var frame = DistressFrame.Build(a.Identity);
        var target = b.Address;
        Connect(a, b);
        Assert.True(a.Transport.WriteDistress(target, frame.Fill("k", "warm-up"), Timeout));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var written = a.Transport.WriteDistress(target, frame.Fill("imminent-crash", "measured"), Timeout);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(written);
        Assert.Equal(0, allocated);
        b.Events.WaitUntil(e => e.Distress.Count == 2, "both distress signals");
    }

    [Fact]
    public async Task S6_a_distress_claiming_another_node_is_counted_and_ignored()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        var otherNode = DistressFrame.Build(TestNodes.Node("c", 2553, incarnation: a.Identity.Incarnation));
        var otherRunOfA = DistressFrame.Build(new NodeIdentity("a", a.Address, a.Identity.Incarnation + 1, "0.1.0", WireProtocol.SupportedVersions));
        var genuine = DistressFrame.Build(a.Identity);
        Connect(a, b);

        Assert.True(a.Transport.WriteDistress(b.Address, otherNode.Fill("forged", "in c's name"), Timeout));
        Assert.True(a.Transport.WriteDistress(b.Address, otherRunOfA.Fill("forged", "in another run's name"), Timeout));
        Assert.True(a.Transport.WriteDistress(b.Address, genuine.Fill("genuine", "mine"), Timeout));

        // The genuine one was written last on the same connection, so the forged ones were read before it.
        b.Events.WaitUntil(e => e.Distress.Count == 1, "B to raise the genuine distress");
        Assert.Equal("genuine", Assert.Single(b.Events.Distress).Notice.Kind);
        Assert.Equal(2, b.Counters.ForgedDistressFrames);
        Assert.Equal(2, b.Log.Lines(LogLevel.Warning).Count(line => line.Contains("claims to come from node", StringComparison.Ordinal) && line.Contains(a.Address.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task S3_without_an_open_connection_a_distress_is_not_written_and_the_failure_is_counted_and_logged()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        var frame = DistressFrame.Build(a.Identity);

        Assert.False(a.Transport.WriteDistress(b.Address, frame.Fill("hardware-fault", "no connection yet"), Timeout));

        Assert.Equal(1, a.Counters.DistressWriteFailures);
        Assert.Contains(a.Log.Lines(LogLevel.Warning), line => line.Contains("Could not send a distress signal", StringComparison.Ordinal) && line.Contains(b.Address.ToString(), StringComparison.Ordinal) && line.Contains("EnsureConnected", StringComparison.Ordinal));
        Assert.False(a.Transport.HasOutboundConnection(b.Address), "a failed distress write does not dial");
    }

    [Fact]
    public async Task EnsureConnected_dials_with_nothing_queued_and_keeps_the_connection_when_the_peer_crashes_and_comes_back()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        var crashed = await TcpTestNode.CreateAsync("b");
        var port = crashed.Address.Port!.Value;

        a.Transport.EnsureConnected(crashed.Address);
        Eventually.That(() => a.Transport.HasOutboundConnection(crashed.Address), "A to dial B with nothing queued");
        crashed.Transport.Abort();
        Eventually.That(() => !a.Transport.HasOutboundConnection(crashed.Address), "A to see B's connection break");
        await using var b = await TcpTestNode.CreateAsync("b", s => s with { Port = port });

        // Nothing was sent and EnsureConnected was not called again: the association redials by itself.
        Eventually.That(() => a.Transport.HasOutboundConnection(b.Address), "A to dial B's new run");
        Assert.True(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Identity).Fill("k", "after a redial"), Timeout));
        b.Events.WaitUntil(e => e.Distress.Count == 1, "B's new run to raise the distress");
        Assert.Empty(a.Events.Messages);
    }

    [Fact]
    public async Task A_peer_that_shut_down_is_not_kept_connected()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        var b = await TcpTestNode.CreateAsync("b");
        Connect(a, b);

        // A message through makes sure B has admitted the connection, so its goodbye goes over it.
        Assert.True(a.Transport.Send(a.To(b, 1)));
        b.WaitFor(1);
        await b.Transport.ShutdownAsync();
        a.Events.WaitUntil(e => e.Gone.Count == 1, "A to learn B shut down");
        Eventually.That(() => !a.Transport.HasOutboundConnection(b.Address), "A's connection to B to end");

        Assert.False(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Identity).Fill("k", "r"), Timeout));
        Assert.Equal(1, a.Counters.DistressWriteFailures);
    }

    [Fact]
    public async Task S3_a_distress_to_a_node_that_crashed_is_not_written_and_counted()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        var b = await TcpTestNode.CreateAsync("b");
        Connect(a, b);

        b.Transport.Abort();
        Eventually.That(() => !a.Transport.HasOutboundConnection(b.Address), "A to see the connection to B break");

        Assert.False(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Identity).Fill("k", "r"), Timeout));
        Assert.Equal(1, a.Counters.DistressWriteFailures);
    }

    [Fact]
    public async Task Distress_frames_written_while_messages_stream_arrive_intact_and_leave_the_messages_intact_and_in_order()
    {
        const int Messages = 3_000;
        const int Signals = 40;
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        var frame = DistressFrame.Build(a.Identity);
        Connect(a, b);

        var writer = Task.Run(() =>
        {
            var written = 0;
            for (var i = 0; i < Signals; i++)
            {
                written += a.Transport.WriteDistress(b.Address, frame.Fill("k", $"signal {i}"), Timeout) ? 1 : 0;
            }

            return written;
        });
        for (var i = 0; i < Messages; i++)
        {
            Assert.True(a.Transport.Send(a.To(b, i)));
        }

        Assert.Equal(Signals, await writer);
        b.Events.WaitForMessages(Messages);
        b.Events.WaitUntil(e => e.Distress.Count == Signals, "every distress signal");
        Assert.Equal(Enumerable.Range(0, Messages), b.Received());
        Assert.Equal(Enumerable.Range(0, Signals).Select(i => $"signal {i}"), b.Events.Distress.Select(d => d.Notice.Reason));
        Assert.Equal(0, b.Counters.MalformedFrames + a.Counters.DistressWriteFailures);
    }

    [Fact]
    public async Task A_distress_with_a_malformed_body_is_counted_and_closes_only_that_connection()
    {
        await using var b = await TcpTestNode.CreateAsync("b");
        using var raw = await RawTcpPeer.ConnectAsync(b.Address);
        var forged = TestNodes.Node("raw", 1, incarnation: 42);
        Assert.IsType<HandshakeAccepted>(await raw.HandshakeAsync(forged, TestNodes.Secret, b.Address));
        var bytes = DistressFrame.Build(forged).Fill("kind", "why").ToArray();
        bytes[5] = 9;

        await raw.SendAsync(bytes);
        var answer = await raw.ReadUntilClosedAsync();

        Assert.Equal(1, b.Counters.MalformedFrames);
        Assert.Contains(FrameKind.Close, RawTcpPeer.Kinds(answer));
        Assert.Contains(b.Log.Lines(LogLevel.Warning), line => line.Contains("distress format version 9", StringComparison.Ordinal) && line.Contains(raw.LocalEndpoint, StringComparison.Ordinal));
        Assert.Empty(b.Events.Distress);
    }

    [Fact]
    public async Task S6_a_distress_from_an_authenticated_raw_peer_in_its_own_name_is_raised_and_one_in_another_name_is_not()
    {
        await using var b = await TcpTestNode.CreateAsync("b");
        using var raw = await RawTcpPeer.ConnectAsync(b.Address);
        var self = TestNodes.Node("raw", 1, incarnation: 42);
        Assert.IsType<HandshakeAccepted>(await raw.HandshakeAsync(self, TestNodes.Secret, b.Address));

        await raw.SendAsync(DistressFrame.Build(b.Identity).Fill("forged", "b is dying, says raw").ToArray());
        await raw.SendAsync(DistressFrame.Build(self).Fill("power-loss", "on battery").ToArray());

        b.Events.WaitUntil(e => e.Distress.Count == 1, "B to raise raw's own distress");
        Assert.Equal(new DistressNotice("raw", 42, "power-loss", "on battery"), Assert.Single(b.Events.Distress).Notice);
        Assert.Equal(1, b.Counters.ForgedDistressFrames);
    }

    [Fact]
    public async Task A_blackholed_link_refuses_a_distress()
    {
        var faults = new FaultInjector(TimeProvider.System, seed: 1);
        await using var a = await TcpTestNode.CreateAsync("a", s => s with { Faults = faults });
        await using var b = await TcpTestNode.CreateAsync("b", s => s with { Faults = faults });
        Connect(a, b);
        faults.Partition([a.Address], [b.Address]);

        Assert.False(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Identity).Fill("k", "r"), Timeout));

        Assert.Equal(1, a.Counters.DistressWriteFailures);
        Assert.Contains(a.Log.Lines(LogLevel.Warning), line => line.Contains("blackholes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteDistress_refuses_bytes_that_are_not_one_whole_distress_frame_and_a_timeout_that_is_not_positive()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        var frame = DistressFrame.Build(a.Identity).Fill("k", "r").ToArray();
        var message = frame.ToArray();
        message[4] = (byte)FrameKind.Message;

        Assert.Throws<ArgumentException>(() => a.Transport.WriteDistress(a.Address, frame.AsSpan(0, frame.Length - 1), Timeout));
        Assert.Throws<ArgumentException>(() => a.Transport.WriteDistress(a.Address, message, Timeout));
        Assert.Throws<ArgumentException>(() => a.Transport.WriteDistress(a.Address, ReadOnlySpan<byte>.Empty, Timeout));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Transport.WriteDistress(a.Address, frame, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Transport.WriteDistress(a.Address, frame, System.Threading.Timeout.InfiniteTimeSpan));
        Assert.False(a.Transport.WriteDistress(a.Address, frame, Timeout));
        Assert.Equal(1, a.Counters.DistressWriteFailures);
    }

    [Fact]
    public async Task Before_start_distress_and_connecting_are_refused_like_sends()
    {
        await using var a = await TcpTestNode.CreateAsync("a", start: false);
        var frame = DistressFrame.Build(a.Identity).Fill("k", "r").ToArray();

        Assert.Throws<InvalidOperationException>(() => a.Transport.WriteDistress(a.Address, frame, Timeout));
        Assert.Throws<InvalidOperationException>(() => a.Transport.EnsureConnected(a.Address));
    }

    private static void Connect(TcpTestNode from, TcpTestNode to)
    {
        from.Transport.EnsureConnected(to.Address);
        Eventually.That(() => from.Transport.HasOutboundConnection(to.Address), $"{from.Identity.NodeId} to connect to {to.Identity.NodeId}");
    }
}
