using ClusterActors.Remoting.Tests.InMemory;
using ClusterActors.Remoting.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.Distress;

public sealed class InMemoryDistressTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public void S6_a_distress_is_delivered_in_order_with_the_messages_on_its_link()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");
        var frame = DistressFrame.Build(a.Transport.LocalIdentity);

        Assert.True(a.Send(b, "before"));
        Assert.True(a.Transport.WriteDistress(b.Address, frame.Fill("network-down", "NIC reset"), Timeout));
        Assert.True(a.Send(b, "after"));
        net.AdvanceMs(1);

        Assert.Equal(["msg a#1 before", "distress a#1 network-down: NIC reset", "msg a#1 after"], b.Events.Lines);
        Assert.Equal(new DistressNotice("a", 1, "network-down", "NIC reset"), Assert.Single(b.Events.Distress));
        Assert.Equal(a.Transport.LocalIdentity, b.Events.Entries[1].Peer);
        Assert.Equal((3, 3), (a.Counters.FramesOut, b.Counters.FramesIn));
    }

    [Fact]
    public void The_bytes_are_copied_when_written_so_a_later_fill_does_not_change_a_distress_in_flight()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");
        var frame = DistressFrame.Build(a.Transport.LocalIdentity);

        Assert.True(a.Transport.WriteDistress(b.Address, frame.Fill("first", "one"), Timeout));
        frame.Fill("second", "two");
        net.AdvanceMs(1);

        Assert.Equal(["distress a#1 first: one"], b.Events.Lines);
    }

    [Fact]
    public void S6_a_distress_does_not_cross_a_partition_and_the_write_says_so()
    {
        var net = new SimulatedNetwork(faultSeed: 1);
        var a = net.Node("a");
        var b = net.Node("b");
        net.Faults!.Partition([a.Address], [b.Address]);

        Assert.False(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Transport.LocalIdentity).Fill("k", "r"), Timeout));
        net.AdvanceMs(10);

        Assert.Empty(b.Events.Entries);
        Assert.Equal(1, a.Counters.DistressWriteFailures);
        Assert.Contains(net.Logs.Logger.Lines(LogLevel.Warning), line => line.Contains("Could not send a distress signal to " + b.Address, StringComparison.Ordinal) && line.Contains("blackholes", StringComparison.Ordinal));

        net.Faults.Heal();
        Assert.True(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Transport.LocalIdentity).Fill("k", "healed"), Timeout));
        net.AdvanceMs(1);
        Assert.Equal(["distress a#1 k: healed"], b.Events.Lines);
    }

    [Fact]
    public void A_distress_to_a_node_that_crashed_is_not_written_and_counted()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");
        b.Transport.Abort();

        Assert.False(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Transport.LocalIdentity).Fill("k", "r"), Timeout));

        Assert.Equal(1, a.Counters.DistressWriteFailures);
        Assert.Contains(net.Logs.Logger.Lines(LogLevel.Warning), line => line.Contains("no node is running at " + b.Address, StringComparison.Ordinal));
    }

    [Fact]
    public void A_distress_lost_in_flight_because_its_target_crashed_is_counted_by_the_sender()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");

        Assert.True(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Transport.LocalIdentity).Fill("k", "r"), Timeout));
        b.Transport.Abort();
        net.AdvanceMs(1);

        Assert.Empty(b.Events.Entries);
        Assert.Equal(1, a.Counters.DistressWriteFailures);
        Assert.Contains(net.Logs.Logger.Lines(LogLevel.Warning), line => line.Contains("written but lost on its way", StringComparison.Ordinal) && line.Contains("the distress signal was in flight", StringComparison.Ordinal));
    }

    [Fact]
    public void S6_a_distress_claiming_another_node_is_counted_and_ignored()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");

        Assert.True(a.Transport.WriteDistress(b.Address, DistressFrame.Build(TestNodes.Node("c", 2553, incarnation: 1)).Fill("k", "in c's name"), Timeout));
        Assert.True(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Transport.LocalIdentity).Fill("k", "genuine"), Timeout));
        net.AdvanceMs(1);

        Assert.Equal(["distress a#1 k: genuine"], b.Events.Lines);
        Assert.Equal(1, b.Counters.ForgedDistressFrames);
        Assert.Contains(net.Logs.Logger.Lines(LogLevel.Warning), line => line.Contains("claims to come from node c", StringComparison.Ordinal));
    }

    [Fact]
    public void A_distress_with_a_malformed_body_is_counted_as_malformed_by_the_receiver_and_not_raised()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");
        var bytes = DistressFrame.Build(a.Transport.LocalIdentity).Fill("k", "r").ToArray();
        bytes[5] = 7;

        Assert.True(a.Transport.WriteDistress(b.Address, bytes, Timeout));
        Assert.True(a.Send(b, "still delivered"));
        net.AdvanceMs(1);

        Assert.Equal(["msg a#1 still delivered"], b.Events.Lines);
        Assert.Equal(1, b.Counters.MalformedFrames);
    }

    [Fact]
    public void A_distress_that_reaches_a_node_not_yet_started_waits_in_its_inbox_in_order()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b", start: false);

        Assert.True(a.Send(b, "first"));
        Assert.True(a.Transport.WriteDistress(b.Address, DistressFrame.Build(a.Transport.LocalIdentity).Fill("k", "second"), Timeout));
        net.AdvanceMs(1);
        b.Start();
        net.AdvanceMs(0);

        Assert.Equal(["msg a#1 first", "distress a#1 k: second"], b.Events.Lines);
    }

    [Fact]
    public void EnsureConnected_is_nothing_to_do_in_memory_and_writing_to_itself_is_refused()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");

        a.Transport.EnsureConnected(SimulatedNetwork.AddressOf("nobody"));

        Assert.False(a.Transport.WriteDistress(a.Address, DistressFrame.Build(a.Transport.LocalIdentity).Fill("k", "r"), Timeout));
        Assert.Equal(1, a.Counters.DistressWriteFailures);
        Assert.Throws<ArgumentException>(() => a.Transport.WriteDistress(a.Address, new byte[] { 0, 0, 0, 1, 6 }.AsSpan(0, 4), Timeout));
    }
}
