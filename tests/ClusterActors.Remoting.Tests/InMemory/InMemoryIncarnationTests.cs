using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.InMemory;

public sealed class InMemoryIncarnationTests
{
    [Fact]
    public void A_restarted_node_is_reported_gone_once_by_a_sender_and_messages_for_its_old_run_never_reach_the_new_one()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b1 = net.Node("b", incarnation: 11);
        a.Send(b1, "hello b1");
        net.AdvanceMs(1);

        a.Send(b1, "in flight to b1", incarnation: 11);
        b1.Transport.Abort();
        var b2 = net.Node("b", incarnation: 22);
        net.AdvanceMs(1);
        Assert.Equal(1, a.Counters.DroppedOutbound);
        Assert.Empty(b2.Events.Entries);

        Assert.False(a.Send(b2, "tagged for b1", incarnation: 11));
        Assert.Equal(2, a.Counters.DroppedOutbound);
        Assert.True(a.Send(b2, "for whoever runs there"));
        Assert.True(a.Send(b2, "tagged for b2", incarnation: 22));
        net.AdvanceMs(1);
        b2.Send(a, "from b2");
        net.AdvanceMs(1);

        Assert.Equal(["gone b#11: restarted as incarnation 22", "msg b#22 from b2"], a.Events.Lines);
        Assert.Equal(["msg a#1 for whoever runs there", "msg a#1 tagged for b2"], b2.Events.Lines);
        Assert.Equal(["msg a#1 hello b1"], b1.Events.Lines);
        Assert.Equal(2, a.Counters.DroppedOutbound);
    }

    [Fact]
    public void A_receiver_learns_of_a_restart_from_the_first_message_of_the_new_run_and_reports_it_before_that_message()
    {
        var net = new SimulatedNetwork();
        var c = net.Node("c");
        var b1 = net.Node("b", incarnation: 11);
        b1.Send(c, "from b1");
        net.AdvanceMs(1);

        b1.Transport.Abort();
        var b2 = net.Node("b", incarnation: 22);
        b2.Send(c, "from b2");
        b2.Send(c, "again from b2");
        net.AdvanceMs(1);

        Assert.Equal(["msg b#11 from b1", "gone b#11: restarted as incarnation 22", "msg b#22 from b2", "msg b#22 again from b2"], c.Events.Lines);
    }

    [Fact]
    public async Task A_graceful_shutdown_is_reported_after_the_messages_sent_before_it_to_every_node_that_knows_the_run()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");
        var c = net.Node("c");
        var d = net.Node("d");
        d.Send(b, "d writes to b");
        net.AdvanceMs(1);

        b.Send(a, "m1");
        b.Send(a, "m2");
        b.Send(a, "m3");
        d.Send(b, "in flight to b");
        await b.Transport.ShutdownAsync();
        Assert.Null(net.Network.IncarnationAt(b.Address));
        net.AdvanceMs(1);

        Assert.Equal(["msg b#1 m1", "msg b#1 m2", "msg b#1 m3", "gone b#1: shut down"], a.Events.Lines);
        Assert.Equal(["gone b#1: shut down"], d.Events.Lines);
        Assert.Empty(c.Events.Entries);
        Assert.Equal(1, d.Counters.DroppedOutbound);
        Assert.False(a.Send(b, "after the goodbye"));
        Assert.Equal(1, a.Counters.DroppedOutbound);
        Assert.Contains(net.Logs.Logger.Lines(LogLevel.Warning), line => line.Contains("no node is running at ca.tcp://cluster@b:2552", StringComparison.Ordinal));
    }

    [Fact]
    public void A_crashed_node_vanishes_silently_and_messages_in_flight_to_it_are_dropped_and_counted()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");
        a.Send(b, "one");
        a.Send(b, "two");
        a.Send(b, "three");
        b.Send(a, "last words");

        b.Transport.Abort();
        net.AdvanceMs(1);

        Assert.Empty(b.Events.Entries);
        Assert.Equal(["msg b#1 last words"], a.Events.Lines);
        Assert.Equal(3, a.Counters.DroppedOutbound);
        Assert.Equal(3, a.Counters.FramesOut);
        Assert.Equal(3, net.Logs.Logger.Lines(LogLevel.Warning).Count(line => line.Contains("went away while the message was in flight", StringComparison.Ordinal)));

        Assert.False(a.Send(b, "four"));
        net.AdvanceMs(10);
        Assert.Equal(4, a.Counters.DroppedOutbound);
        Assert.Equal(["msg b#1 last words"], a.Events.Lines);
    }

    [Fact]
    public async Task Quarantine_raises_gone_once_drops_queued_messages_and_refuses_that_run_both_ways()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b", incarnation: 11);
        a.Send(b, "hello");
        b.Send(a, "hello back");
        net.AdvanceMs(1);

        a.Send(b, "queued for b");
        b.Send(a, "queued for a");
        a.Transport.Quarantine(b.Address, 11, "too many failures");
        Assert.Equal(["msg b#11 hello back", "gone b#11: quarantined: too many failures"], a.Events.Lines);
        a.Transport.Quarantine(b.Address, 11, "again");
        net.AdvanceMs(1);

        Assert.Equal(["msg a#1 hello"], b.Events.Lines);
        Assert.Equal(1, a.Counters.DroppedOutbound);
        Assert.Equal(1, b.Counters.DroppedOutbound);
        Assert.False(a.Send(b, "refused"));
        Assert.False(b.Send(a, "refused too"));
        Assert.Equal(2, a.Counters.DroppedOutbound);
        Assert.Equal(2, b.Counters.DroppedOutbound);

        await b.Transport.ShutdownAsync();
        var b2 = net.Node("b", incarnation: 22);
        Assert.True(a.Send(b2, "hello b2"));
        net.AdvanceMs(1);

        Assert.Equal(["msg a#1 hello b2"], b2.Events.Lines);
        Assert.Equal(["msg b#11 hello back", "gone b#11: quarantined: too many failures"], a.Events.Lines);
    }

    [Fact]
    public void Quarantining_a_run_after_it_was_reported_gone_raises_nothing_more()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b1 = net.Node("b", incarnation: 11);
        a.Send(b1, "hi");
        b1.Transport.Abort();
        var b2 = net.Node("b", incarnation: 22);
        a.Send(b2, "hi again");
        net.AdvanceMs(1);

        a.Transport.Quarantine(b1.Address, 11, "late verdict");

        Assert.Equal(["gone b#11: restarted as incarnation 22"], a.Events.Lines);
    }
}
