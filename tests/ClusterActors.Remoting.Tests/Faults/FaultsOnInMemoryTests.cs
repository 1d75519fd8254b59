using ClusterActors.Remoting.Tests.InMemory;
using Xunit;

namespace ClusterActors.Remoting.Tests.Faults;

public sealed class FaultsOnInMemoryTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Theory]
    [InlineData(LinkDirection.Send, "", "msg b#1 b->a")]
    [InlineData(LinkDirection.Receive, "msg a#1 a->b", "")]
    [InlineData(LinkDirection.Both, "", "")]
    public void Blackhole_makes_messages_vanish_in_the_direction_given(LinkDirection direction, string arrivesAtB, string arrivesAtA)
    {
        string[] atB = arrivesAtB.Length == 0 ? [] : [arrivesAtB];
        string[] atA = arrivesAtA.Length == 0 ? [] : [arrivesAtA];
        var (net, a, b, c) = ThreeNodes();
        net.Faults!.Blackhole(a.Address, b.Address, direction);

        Assert.True(a.Send(b, "a->b"));
        Assert.True(b.Send(a, "b->a"));
        Assert.True(c.Send(a, "c->a"));
        Assert.True(b.Send(c, "b->c"));
        net.AdvanceMs(1);

        Assert.Equal(atB, b.Events.Lines);
        Assert.Equal([.. atA, "msg c#1 c->a"], a.Events.Lines);
        Assert.Equal(["msg b#1 b->c"], c.Events.Lines);
        Assert.Equal(2 - atA.Length - atB.Length, net.Faults.Counters.Blackholed);
        Assert.Equal(0, a.Counters.DroppedOutbound + b.Counters.DroppedOutbound);
    }

    [Fact]
    public void A_partition_cuts_every_link_across_it_pass_through_restores_one_link_and_heal_restores_all()
    {
        var (net, a, b, c) = ThreeNodes();
        var nodes = new[] { a, b, c };
        net.Faults!.Partition([a.Address, b.Address], [c.Address]);

        void EveryoneSendsTo(string round)
        {
            foreach (var from in nodes)
            {
                foreach (var to in nodes.Where(n => n != from))
                {
                    from.Send(to, round);
                }
            }

            net.AdvanceMs(1);
        }

        EveryoneSendsTo("cut");
        Assert.Equal(["msg b#1 cut"], a.Events.Lines);
        Assert.Equal(["msg a#1 cut"], b.Events.Lines);
        Assert.Empty(c.Events.Lines);
        Assert.Equal(4, net.Faults.Counters.Blackholed);

        net.Faults.PassThrough(c.Address, a.Address);
        EveryoneSendsTo("one link back");
        Assert.Equal(["msg b#1 one link back", "msg c#1 one link back"], a.Events.Lines.Skip(1));
        Assert.Equal(["msg a#1 one link back"], c.Events.Lines);
        Assert.Equal(6, net.Faults.Counters.Blackholed);

        net.Faults.Heal();
        EveryoneSendsTo("healed");
        Assert.Equal(["msg a#1 healed", "msg b#1 healed"], c.Events.Lines.Skip(1));
        Assert.Equal(6, net.Faults.Counters.Blackholed);
    }

    [Fact]
    public void A_delay_adds_to_the_latency_and_keeps_the_order()
    {
        var (net, a, b, _) = ThreeNodes();
        net.Faults!.Delay(a.Address, b.Address, 20 * Ms);

        for (var i = 0; i < 10; i++)
        {
            a.Send(b, $"m{i}");
            net.Advance(Ms / 4);
        }

        net.Advance(21 * Ms - (10 * Ms / 4) - TimeSpan.FromTicks(1));
        Assert.Empty(b.Events.Entries);
        net.AdvanceMs(5);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), b.Events.Texts());
        Assert.All(b.Events.Entries.Select((entry, i) => (entry, i)), x => Assert.Equal(21 * Ms + x.i * (Ms / 4), x.entry.At));
        Assert.Equal(10, net.Faults.Counters.Delayed);
    }

    [Fact]
    public void Duplicates_arrive_twice_and_count_as_two_frames()
    {
        var (net, a, b, _) = ThreeNodes();
        net.Faults!.Duplicate(a.Address, b.Address, 1);

        a.Send(b, "x");
        a.Send(b, "y");
        net.AdvanceMs(1);

        Assert.Equal(["x", "x", "y", "y"], b.Events.Texts());
        Assert.Equal(4, a.Counters.FramesOut);
        Assert.Equal(4, b.Counters.FramesIn);
        Assert.Equal(2, net.Faults.Counters.Duplicated);
    }

    [Fact]
    public void Drops_are_counted_by_the_injector_not_as_transport_losses()
    {
        var (net, a, b, _) = ThreeNodes();
        net.Faults!.Drop(a.Address, b.Address, 1);

        Assert.True(a.Send(b, "lost"));
        net.AdvanceMs(1);

        Assert.Empty(b.Events.Entries);
        Assert.Equal(1, net.Faults.Counters.Dropped);
        Assert.Equal(new RemotingCountersSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0), a.Counters);
    }

    [Fact]
    public void Reordered_messages_are_overtaken_on_the_network_too()
    {
        var (net, a, b, _) = ThreeNodes(seed: 3);
        net.Faults!.Reorder(a.Address, b.Address, 0.5, 10 * Ms);

        for (var i = 0; i < 40; i++)
        {
            a.Send(b, $"{i:00}");
            net.AdvanceMs(1);
        }

        net.AdvanceMs(11);
        var texts = b.Events.Texts();
        Assert.Equal(40, texts.Count);
        Assert.Equal(texts.Order(StringComparer.Ordinal), Enumerable.Range(0, 40).Select(i => $"{i:00}"));
        Assert.NotEqual(texts.Order(StringComparer.Ordinal), texts);
        Assert.True(net.Faults.Counters.Reordered > 0);
    }

    [Fact]
    public void A_run_with_every_fault_replays_exactly_for_the_same_seed()
    {
        IReadOnlyList<string> Run(int seed)
        {
            var (net, a, b, c) = ThreeNodes(seed);
            net.Faults!.Drop(a.Address, b.Address, 0.2);
            net.Faults.Duplicate(a.Address, b.Address, 0.2);
            net.Faults.Reorder(a.Address, b.Address, 0.3, 3 * Ms);
            net.Faults.Delay(c.Address, b.Address, 2 * Ms);
            net.Faults.Reorder(c.Address, b.Address, 0.3, 3 * Ms);
            for (var i = 0; i < 300; i++)
            {
                a.Send(b, $"a{i}");
                c.Send(b, $"c{i}");
                net.Advance(Ms / 3);
            }

            net.AdvanceMs(10);
            return [.. b.Events.Entries.Select(e => $"{e.At.Ticks} {e.What}"), net.Faults.Counters.Snapshot().ToString()];
        }

        var first = Run(77);

        Assert.Equal(first, Run(77));
        Assert.NotEqual(first, Run(78));
    }

    [Fact]
    public async Task A_shutdown_notice_does_not_cross_a_blackholed_link_and_messages_held_by_the_injector_die_with_their_sender()
    {
        var (net, a, b, c) = ThreeNodes();
        a.Send(b, "hello");
        c.Send(b, "hello");
        net.AdvanceMs(1);
        b.Send(c, "direct");
        net.Faults!.Blackhole(a.Address, b.Address, LinkDirection.Receive);
        net.Faults.Delay(b.Address, c.Address, 5 * Ms);

        b.Send(a, "blackholed");
        b.Send(c, "delayed");
        await b.Transport.ShutdownAsync();
        net.AdvanceMs(10);

        Assert.Empty(a.Events.Entries);
        Assert.Equal(["msg b#1 direct", "gone b#1: shut down"], c.Events.Lines);
        Assert.Equal(1, b.Counters.DroppedOutbound);
        Assert.Equal(1, net.Faults.Counters.Blackholed);
    }

    private static (SimulatedNetwork Net, TestNode A, TestNode B, TestNode C) ThreeNodes(int seed = 1)
    {
        var net = new SimulatedNetwork(latency: Ms, faultSeed: seed);
        return (net, net.Node("a"), net.Node("b"), net.Node("c"));
    }
}
