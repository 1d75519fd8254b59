using Xunit;
using static ClusterActors.Remoting.Tests.Faults.RouteBench;

namespace ClusterActors.Remoting.Tests.Faults;

public sealed class FaultInjectorRouteTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void A_link_without_faults_forwards_at_once_on_the_callers_thread_and_allocates_nothing()
    {
        var injector = new FaultInjector(new ClusterActors.Actors.VirtualTimeProvider(), seed: 1);
        var envelope = Message(B, 1);
        var forwarded = 0;
        void Forward(OutboundEnvelope _) => forwarded++;
        Action<OutboundEnvelope> forward = Forward;

        // No clock moves here: every forward counted happened inside Route.
        long AllocatedRouting1000()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                injector.Route(A, envelope, forward);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        AllocatedRouting1000();
        Assert.Equal(0, AllocatedRouting1000());
        Assert.Equal(2000, forwarded);

        // Faults elsewhere, and this link faulted then healed: still the fast path.
        injector.Drop(A, C, 0.5);
        injector.Delay(A, B, 5 * Ms);
        injector.Drop(A, B, 0.5);
        injector.PassThrough(A, B);
        AllocatedRouting1000();
        Assert.Equal(0, AllocatedRouting1000());
        Assert.Equal(4000, forwarded);
        Assert.Equal(new FaultCountersSnapshot(0, 0, 0, 0, 0), injector.Counters.Snapshot());
    }

    [Fact]
    public void Drop_with_probability_one_drops_every_message_and_zero_none_on_that_directed_link_only()
    {
        var bench = new RouteBench();
        bench.Injector.Drop(A, B, 1);

        bench.RouteMany(100);
        bench.Route(B, A, 1000);
        Assert.Equal([1000], bench.Numbers);

        bench.Injector.Drop(A, B, 0);
        bench.RouteMany(100);

        Assert.Equal([1000, .. Enumerable.Range(0, 100)], bench.Numbers);
        Assert.Equal(new FaultCountersSnapshot(0, 100, 0, 0, 0), bench.Injector.Counters.Snapshot());
        Assert.All(bench.Decisions, d => Assert.Equal((FaultKind.Dropped, A, B), (d.Kind, d.From, d.To)));
        Assert.Equal(100, bench.Decisions.Count);
    }

    [Fact]
    public void The_same_seed_drops_the_same_messages_and_another_seed_others()
    {
        IReadOnlyList<int> Survivors(int seed, out long dropped)
        {
            var bench = new RouteBench(seed);
            bench.Injector.Drop(A, B, 0.3);
            bench.RouteMany(1000);
            dropped = bench.Injector.Counters.Dropped;
            return bench.Numbers;
        }

        var first = Survivors(42, out var droppedFirst);
        var again = Survivors(42, out _);
        var other = Survivors(43, out _);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(1000 - first.Count, droppedFirst);
        Assert.InRange(droppedFirst, 200, 400);
    }

    [Fact]
    public void A_delayed_message_is_forwarded_after_the_delay_and_the_link_keeps_its_order()
    {
        var bench = new RouteBench();
        bench.Injector.Delay(A, B, 10 * Ms);

        bench.RouteMany(100, gap: Ms / 10);
        Assert.DoesNotContain(bench.Forwarded, f => f.At < 10 * Ms);
        bench.Clock.Advance(10 * Ms);

        Assert.Equal(Enumerable.Range(0, 100), bench.Numbers);
        Assert.All(bench.Forwarded, f => Assert.Equal(f.Number * (Ms / 10) + 10 * Ms, f.At));
        Assert.Equal(new FaultCountersSnapshot(0, 0, 0, 100, 0), bench.Injector.Counters.Snapshot());
    }

    [Fact]
    public void Shortening_or_healing_a_delay_never_lets_a_later_message_pass_an_earlier_one()
    {
        var bench = new RouteBench();
        bench.Injector.Delay(A, B, 10 * Ms);
        bench.Route(A, B, 0);
        bench.Injector.Delay(A, B, 1 * Ms);
        bench.Route(A, B, 1);
        bench.Injector.Heal();
        bench.Route(A, B, 2);
        Assert.Empty(bench.Numbers);

        bench.Clock.Advance(10 * Ms - TimeSpan.FromTicks(1));
        Assert.Empty(bench.Numbers);
        bench.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal([(0, 10 * Ms), (1, 10 * Ms), (2, 10 * Ms)], bench.Forwarded);

        bench.Route(A, B, 3);
        Assert.Equal([0, 1, 2, 3], bench.Numbers);
        Assert.Equal(2, bench.Injector.Counters.Delayed);
    }

    [Fact]
    public void Duplicate_with_probability_one_forwards_every_message_twice_in_order()
    {
        var bench = new RouteBench();
        bench.Injector.Duplicate(A, B, 1);

        bench.RouteMany(50);

        Assert.Equal(Enumerable.Range(0, 50).SelectMany(i => new[] { i, i }), bench.Numbers);
        Assert.Equal(new FaultCountersSnapshot(0, 0, 50, 0, 0), bench.Injector.Counters.Snapshot());
    }

    [Fact]
    public void Duplicates_follow_the_seed()
    {
        IReadOnlyList<int> Run(int seed)
        {
            var bench = new RouteBench(seed);
            bench.Injector.Duplicate(A, B, 0.5);
            bench.RouteMany(200);
            Assert.Equal(bench.Numbers.Count - 200, bench.Injector.Counters.Duplicated);
            return bench.Numbers;
        }

        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
        Assert.InRange(Run(5).Count, 250, 350);
    }

    [Fact]
    public void Reorder_holds_messages_back_within_the_window_so_later_ones_overtake_them_the_same_way_for_the_same_seed()
    {
        (IReadOnlyList<int> Order, RouteBench Bench) Run(int seed)
        {
            var bench = new RouteBench(seed);
            bench.Injector.Reorder(A, B, 0.3, 5 * Ms);
            bench.RouteMany(200, gap: Ms);
            bench.Clock.Advance(5 * Ms);
            return (bench.Numbers, bench);
        }

        var (order, bench) = Run(9);

        Assert.Equal(Enumerable.Range(0, 200), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 200), order);
        var held = bench.Decisions.Where(d => d.Kind == FaultKind.Reordered).ToDictionary(d => Number(d.Envelope), d => d.Hold);
        Assert.Equal(held.Count, bench.Injector.Counters.Reordered);
        Assert.InRange(held.Count, 30, 90);
        foreach (var (number, at) in bench.Forwarded)
        {
            var sent = number * Ms;
            var hold = held.GetValueOrDefault(number);
            Assert.Equal(sent + hold, at);
            Assert.InRange(hold, TimeSpan.Zero, 5 * Ms);
        }

        Assert.Equal(order, Run(9).Order);
        Assert.NotEqual(order, Run(10).Order);
    }

    [Theory]
    [InlineData(LinkDirection.Send, false, true)]
    [InlineData(LinkDirection.Receive, true, false)]
    [InlineData(LinkDirection.Both, false, false)]
    public void Blackhole_drops_in_the_direction_given(LinkDirection direction, bool aToBPasses, bool bToAPasses)
    {
        var bench = new RouteBench();
        bench.Injector.Blackhole(A, B, direction);

        bench.Route(A, B, 1);
        bench.Route(B, A, 2);
        bench.Route(A, C, 3);
        bench.Route(C, B, 4);

        var expected = new[] { (1, aToBPasses), (2, bToAPasses), (3, true), (4, true) }.Where(x => x.Item2).Select(x => x.Item1);
        Assert.Equal(expected, bench.Numbers);
        Assert.Equal(4 - expected.Count(), bench.Injector.Counters.Blackholed);
    }

    [Fact]
    public void Faults_on_a_link_add_up_and_pass_through_clears_both_directions()
    {
        var bench = new RouteBench();
        bench.Injector.Drop(A, B, 0.25);
        bench.Injector.Delay(A, B, 3 * Ms);
        bench.Injector.Duplicate(A, B, 0.5);
        bench.Injector.Reorder(A, B, 0.1, 2 * Ms);
        bench.Injector.Blackhole(A, B, LinkDirection.Both);

        Assert.Equal(new LinkFaults(true, 0.25, 3 * Ms, 0.5, 0.1, 2 * Ms), bench.Injector.FaultsOn(A, B));
        Assert.Equal(LinkFaults.None with { Blackholed = true }, bench.Injector.FaultsOn(B, A));
        Assert.Equal(LinkFaults.None, bench.Injector.FaultsOn(A, C));

        bench.Injector.PassThrough(B, A);

        Assert.True(bench.Injector.FaultsOn(A, B).IsNone);
        Assert.True(bench.Injector.FaultsOn(B, A).IsNone);
    }

    [Fact]
    public void Partition_cuts_every_link_across_the_sides_both_ways_and_heal_restores_them()
    {
        var bench = new RouteBench();
        bench.Injector.Partition([A, B], [C]);

        bench.Route(A, B, 1);
        bench.Route(B, A, 2);
        bench.Route(A, C, 3);
        bench.Route(C, A, 4);
        bench.Route(B, C, 5);
        bench.Route(C, B, 6);
        Assert.Equal([1, 2], bench.Numbers);
        Assert.Equal(4, bench.Injector.Counters.Blackholed);

        bench.Injector.Heal();
        bench.Route(A, C, 7);
        bench.Route(C, B, 8);
        Assert.Equal([1, 2, 7, 8], bench.Numbers);
        Assert.Equal(4, bench.Injector.Counters.Blackholed);
    }

    [Fact]
    public void Each_decision_goes_to_the_observer_with_its_link_and_hold()
    {
        var bench = new RouteBench();
        bench.Injector.Blackhole(A, C, LinkDirection.Send);
        bench.Injector.Duplicate(A, B, 1);
        bench.Injector.Delay(A, B, 4 * Ms);

        bench.Route(A, C, 1);
        bench.Route(A, B, 2);

        Assert.Equal(
            [(FaultKind.Blackholed, C, TimeSpan.Zero), (FaultKind.Duplicated, B, TimeSpan.Zero), (FaultKind.Delayed, B, 4 * Ms), (FaultKind.Delayed, B, 4 * Ms)],
            bench.Decisions.Select(d => (d.Kind, d.To, d.Hold)));
        Assert.All(bench.Decisions, d => Assert.Equal(A, d.From));
        Assert.Equal(new FaultCountersSnapshot(1, 0, 1, 2, 0), bench.Injector.Counters.Snapshot());
    }
}
