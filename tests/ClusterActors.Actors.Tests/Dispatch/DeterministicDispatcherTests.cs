using Xunit;

namespace ClusterActors.Actors.Tests.Dispatch;

public sealed class DeterministicDispatcherTests
{
    private sealed record Hop(int Remaining);

    /// <summary>Passes hops to the next actor in the ring and appends to the shared trace on every message.</summary>
    private sealed class RingMember : ReceiveActor
    {
        private IActorRef? next;

        public RingMember(string name, List<string> trace)
        {
            Receive<IActorRef>(n => next = n);
            Receive<Hop>(hop =>
            {
                trace.Add($"{name}:{hop.Remaining}");
                if (hop.Remaining > 0)
                {
                    next!.Tell(new Hop(hop.Remaining - 1));
                }
            });
        }
    }

    /// <summary>Builds rings of actors spread over the given systems, starts several hops in each, and returns the trace.</summary>
    private static List<string> Run(int seed, int systemCount = 1)
    {
        var dispatcher = new DeterministicDispatcher(seed);
        var clock = new VirtualTimeProvider();
        var trace = new List<string>();
        var systems = Enumerable.Range(0, systemCount)
            .Select(i => ActorSystem.Create($"node{i}", new ActorSystemSettings { Dispatcher = dispatcher, TimeProvider = clock }))
            .ToList();
        var members = Enumerable.Range(0, 6)
            .Select(i => systems[i % systemCount].ActorOf(Props.Create(() => new RingMember($"m{i}", trace)), $"m{i}"))
            .ToList();
        for (var i = 0; i < members.Count; i++)
        {
            members[i].Tell(members[(i + 1) % members.Count]);
        }

        foreach (var start in members.Take(3))
        {
            start.Tell(new Hop(10));
        }

        dispatcher.RunUntilIdle();
        foreach (var system in systems)
        {
            var terminated = system.Terminate();
            dispatcher.RunUntilIdle();
            Assert.True(terminated.IsCompleted);
        }

        return trace;
    }

    [Fact]
    public void The_same_seed_gives_the_same_interleaving()
    {
        var first = Run(seed: 42);
        var second = Run(seed: 42);

        Assert.Equal(33, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_interleavings()
    {
        var traces = Enumerable.Range(1, 5).Select(seed => string.Join(",", Run(seed))).ToHashSet();
        Assert.True(traces.Count > 1, "five seeds all produced the same interleaving");
    }

    [Fact]
    public void One_dispatcher_runs_several_systems_reproducibly()
    {
        var first = Run(seed: 7, systemCount: 2);
        var second = Run(seed: 7, systemCount: 2);

        Assert.Equal(33, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Nothing_runs_until_the_dispatcher_is_driven_and_RunOne_reports_idleness()
    {
        var dispatcher = new DeterministicDispatcher(1);
        var system = ActorSystem.Create("idle", new ActorSystemSettings { Dispatcher = dispatcher, TimeProvider = new VirtualTimeProvider() });
        var trace = new List<string>();
        var member = system.ActorOf(Props.Create(() => new RingMember("solo", trace)));
        member.Tell(new Hop(0));

        Assert.True(dispatcher.HasWork);
        Assert.Empty(trace);
        Assert.True(dispatcher.RunUntilIdle() > 0);
        Assert.Equal(["solo:0"], trace);
        Assert.False(dispatcher.HasWork);
        Assert.False(dispatcher.RunOne());
        system.Terminate();
        dispatcher.RunUntilIdle();
        Assert.True(system.IsTerminated);
    }

    [Fact]
    public void A_message_bouncing_forever_is_reported_instead_of_hanging()
    {
        var dispatcher = new DeterministicDispatcher(1);
        var system = ActorSystem.Create("bounce", new ActorSystemSettings { Dispatcher = dispatcher, TimeProvider = new VirtualTimeProvider() });
        var trace = new List<string>();
        var member = system.ActorOf(Props.Create(() => new RingMember("self", trace)));
        member.Tell(member);
        member.Tell(new Hop(int.MaxValue));

        var error = Assert.Throws<InvalidOperationException>(() => dispatcher.RunUntilIdle(maxSteps: 1000));
        Assert.Contains("still busy after 1000 steps", error.Message, StringComparison.Ordinal);
    }
}
