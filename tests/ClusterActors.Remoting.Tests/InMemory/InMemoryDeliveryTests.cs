using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.InMemory;

public sealed class InMemoryDeliveryTests
{
    [Fact]
    public void A_message_arrives_after_the_latency_and_not_before()
    {
        var net = new SimulatedNetwork(latency: TimeSpan.FromMilliseconds(5));
        var a = net.Node("a");
        var b = net.Node("b");

        Assert.True(a.Send(b, "hello"));
        net.Advance(TimeSpan.FromMilliseconds(5) - TimeSpan.FromTicks(1));
        Assert.Empty(b.Events.Entries);

        net.Advance(TimeSpan.FromTicks(1));
        var arrived = Assert.Single(b.Events.Entries);
        Assert.Equal(TimeSpan.FromMilliseconds(5), arrived.At);
        Assert.Equal("msg a#1 hello", arrived.What);
        Assert.Equal(a.Transport.LocalIdentity, arrived.Peer);
        Assert.Equal(a.Envelope(b.Address, "hello").Recipient, arrived.Message!.Recipient);
        Assert.Equal($"{a.Address}/user/outbox", arrived.Message.Sender);
        Assert.Equal("test.text", arrived.Message.TypeId);
        Assert.Equal(a.Address.ToString(), arrived.Diagnostics!.Peer);
        Assert.Same(b.Transport.Counters, arrived.Diagnostics.Counters);
        Assert.Equal(new RemotingCountersSnapshot(0, 1, 0, 0, 0, 0, 0, 0, 0), a.Counters);
        Assert.Equal(new RemotingCountersSnapshot(1, 0, 0, 0, 0, 0, 0, 0, 0), b.Counters);
        Assert.Empty(a.Events.Entries);
    }

    [Fact]
    public void A_zero_latency_delivery_is_still_a_timer_never_a_call_inside_send()
    {
        var net = new SimulatedNetwork(latency: TimeSpan.Zero);
        var a = net.Node("a");
        var b = net.Node("b");

        a.Send(b, "now");
        Assert.Empty(b.Events.Entries);

        net.Advance(TimeSpan.Zero);
        Assert.Equal(["msg a#1 now"], b.Events.Lines);
    }

    [Fact]
    public void Messages_of_one_pair_arrive_in_the_order_sent_over_1000_messages()
    {
        var net = new SimulatedNetwork(latency: TimeSpan.FromMilliseconds(2));
        var a = net.Node("a");
        var b = net.Node("b");
        var c = net.Node("c");
        var expectedFromA = new List<string>();
        var expectedFromC = new List<string>();

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(a.Send(b, $"a{i}"));
            expectedFromA.Add($"a{i}");
            if (i % 3 == 0)
            {
                Assert.True(c.Send(b, $"c{i}"));
                expectedFromC.Add($"c{i}");
            }

            // Sends spread over time, some deliveries happening in between.
            net.Advance(TimeSpan.FromTicks(i % 7 * 1_000));
        }

        net.AdvanceMs(2);
        Assert.Equal(expectedFromA, b.Events.Texts("a"));
        Assert.Equal(expectedFromC, b.Events.Texts("c"));
        Assert.Equal(1334, b.Events.Entries.Count);
        Assert.Equal(1334, b.Counters.FramesIn);
    }

    [Fact]
    public void Messages_for_a_bound_node_wait_until_it_starts_then_arrive_in_order()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b", start: false);

        a.Send(b, "m1");
        a.Send(b, "m2");
        net.AdvanceMs(5);
        Assert.Empty(b.Events.Entries);
        Assert.Equal(0, b.Counters.FramesIn);

        b.Start();
        Assert.Empty(b.Events.Entries);
        a.Send(b, "m3");
        net.Advance(TimeSpan.Zero);
        Assert.Equal(["msg a#1 m1", "msg a#1 m2"], b.Events.Lines);

        net.AdvanceMs(1);
        Assert.Equal(["msg a#1 m1", "msg a#1 m2", "msg a#1 m3"], b.Events.Lines);
        Assert.Equal(0, a.Counters.DroppedOutbound);
    }

    [Fact]
    public void Messages_waiting_in_the_inbox_of_a_node_that_stops_before_starting_are_counted_as_lost()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b", start: false);

        a.Send(b, "m1");
        a.Send(b, "m2");
        net.AdvanceMs(1);
        b.Transport.Abort();

        Assert.Equal(2, a.Counters.DroppedOutbound);
        Assert.Empty(b.Events.Entries);
    }

    [Fact]
    public void Send_and_quarantine_before_start_are_refused_naming_the_fix()
    {
        var net = new SimulatedNetwork();
        var b = net.Node("b");
        var a = net.Node("a", start: false);

        var send = Assert.Throws<InvalidOperationException>(() => a.Send(b, "early"));
        var quarantine = Assert.Throws<InvalidOperationException>(() => a.Transport.Quarantine(b.Address, 1, "why"));

        Assert.Contains("Start", send.Message, StringComparison.Ordinal);
        Assert.Contains("Start", quarantine.Message, StringComparison.Ordinal);
        Assert.Equal(0, a.Counters.DroppedOutbound);
    }

    [Fact]
    public void A_handler_that_throws_is_logged_and_delivery_goes_on()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b", throwOn: "boom");

        a.Send(b, "before");
        a.Send(b, "boom");
        a.Send(b, "after");
        net.AdvanceMs(1);

        Assert.Equal(["before", "boom", "after"], b.Events.Texts());
        var error = Assert.Single(net.Logs.Logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(a.Address.ToString(), error.Text, StringComparison.Ordinal);
    }
}
