using System.Collections.Concurrent;
using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>The coordinated shutdown racing threads and actors that keep creating actors: it completes, every actor that started is stopped exactly once, and creating one afterwards fails clearly.</summary>
public sealed class ShutdownStressTests : TestKit.TestKit
{
    public ShutdownStressTests()
        : base(new ActorSystemSettings { LogDeadLetters = false })
    {
    }

    /// <summary>Creates two children at start, then one more per "spawn" it sends itself, up to a limit; counts its starts and stops.</summary>
    private sealed class Spawner : ReceiveActor
    {
        private readonly Tally started;
        private readonly Tally stopped;
        private readonly Tally? startedTopLevel;
        private readonly int depth;
        private int spawned;

        public Spawner(Tally started, Tally stopped, int depth, Tally? startedTopLevel = null)
        {
            this.started = started;
            this.startedTopLevel = startedTopLevel;
            this.stopped = stopped;
            this.depth = depth;
            Receive<string>(s => s == "spawn", _ =>
            {
                if (depth > 0 && ++spawned <= 3)
                {
                    Context.ActorOf(Props.Create(() => new Spawner(started, stopped, depth - 1)));
                    Self.Tell("spawn");
                }
            });
        }

        protected override void PreStart()
        {
            started.Increment();
            startedTopLevel?.Increment();
            if (depth > 0)
            {
                Context.ActorOf(Props.Create(() => new Spawner(started, stopped, depth - 1)));
                Context.ActorOf(Props.Create(() => new Spawner(started, stopped, depth - 1)));
            }

            Self.Tell("spawn");
        }

        protected override void PostStop() => stopped.Increment();
    }

    [Fact]
    public async Task Coordinated_shutdown_while_actors_are_being_created_stops_every_started_actor()
    {
        const int Creators = 2;
        const int MaxPerCreator = 100_000;
        const int InFlight = 32;
        var started = new Tally();
        var stopped = new Tally();
        var created = new Tally();
        var startedTopLevel = new Tally();
        var refusals = new ConcurrentQueue<Exception>();
        Task? termination = null;

        ConcurrentProducers.Run(Creators + 1, id =>
        {
            if (id == Creators)
            {
                // The terminator: once the creators are well under way.
                Assert.True(SpinWait.SpinUntil(() => created.Value >= 300, StressLimits.Hang));
                termination = Sys.Terminate();
                return;
            }

            for (var i = 0; i < MaxPerCreator; i++)
            {
                // Pace the creators to about the rate the pool starts actors (the shutdown's own work queues behind
                // whatever is queued before it); once the shutdown stops starting them, one per millisecond at most.
                SpinWait.SpinUntil(() => created.Value - startedTopLevel.Value < InFlight, TimeSpan.FromMilliseconds(1));
                try
                {
                    Sys.ActorOf(Props.Create(() => new Spawner(started, stopped, depth: 1, startedTopLevel)));
                    created.Increment();
                }
                catch (InvalidOperationException refused)
                {
                    refusals.Enqueue(refused);
                    return;
                }
            }

            throw new InvalidOperationException($"Creator {id} made {MaxPerCreator} actors and was never refused.");
        });

        await termination!.WaitAsync(StressLimits.Hang);
        Assert.True(Sys.IsTerminated);
        Assert.Equal(Creators, refusals.Count);
        Assert.All(refusals, r => Assert.Contains(Sys.Name, r.Message, StringComparison.Ordinal));
        Assert.Equal(started.Value, stopped.Value);

        var late = Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new Spawner(started, stopped, 0)), "late"));
        Assert.Contains("has terminated", late.Message, StringComparison.Ordinal);
        Assert.Equal(started.Value, stopped.Value);
    }
}
