using System.Collections.Concurrent;
using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>Death watch racing termination on the real thread pool. Counts are read after the whole system terminated, so a late duplicate would have been counted (processed or dead-lettered) by then.</summary>
public sealed class DeathWatchStressTests : TestKit.TestKit
{
    private sealed record WatchIt(IActorRef Target);

    private sealed record WatchThenUnwatch(IActorRef Target);

    /// <summary>Does nothing; exists to be watched and stopped.</summary>
    private sealed class Target : ReceiveActor
    {
    }

    /// <summary>Watches (and maybe unwatches) what it is told to; counts every Terminated per watched actor; answers "flush" once it processed what came before.</summary>
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(ConcurrentDictionary<(IActorRef Watcher, IActorRef Target), int> terminatedCounts, CountdownEvent firstArrivals)
        {
            Receive<WatchIt>(w => Context.Watch(w.Target));
            Receive<WatchThenUnwatch>(w =>
            {
                Context.Watch(w.Target);
                Context.Unwatch(w.Target);
            });
            Receive<string>(s => s == "flush", _ => Sender.Tell("flushed"));
            Receive<Terminated>(t =>
            {
                if (terminatedCounts.AddOrUpdate((Self, t.ActorRef), 1, (_, n) => n + 1) == 1)
                {
                    firstArrivals.Signal();
                }
            });
        }
    }

    [Fact]
    public async Task Several_watchers_racing_a_stop_each_get_Terminated_exactly_once()
    {
        const int Targets = 400;
        const int WatchersPerTarget = 4;
        var counts = new ConcurrentDictionary<(IActorRef Watcher, IActorRef Target), int>();
        using var firstArrivals = new CountdownEvent(Targets * WatchersPerTarget);
        var watchers = Enumerable.Range(0, WatchersPerTarget).Select(_ => Sys.ActorOf(Props.Create(() => new Watcher(counts, firstArrivals)))).ToArray();
        var targets = Enumerable.Range(0, Targets).Select(_ => Sys.ActorOf(Props.Create<Target>())).ToArray();

        // Half the stops go out before the watches, half after, all from two racing threads.
        ConcurrentProducers.Run(2, id =>
        {
            for (var i = 0; i < Targets; i++)
            {
                if (id == i % 2)
                {
                    Sys.Stop(targets[i]);
                }
                else
                {
                    foreach (var watcher in watchers)
                    {
                        watcher.Tell(new WatchIt(targets[i]));
                    }
                }
            }
        });

        Assert.True(firstArrivals.Wait(StressLimits.Hang), $"{firstArrivals.CurrentCount} Terminated never arrived.");
        await Sys.Terminate().WaitAsync(StressLimits.Hang);

        Assert.Equal(Targets * WatchersPerTarget, counts.Count);
        Assert.All(counts, entry => Assert.Equal(1, entry.Value));
        Assert.Equal(0, Sys.Counters.DeadLetters);
    }

    [Fact]
    public async Task Unwatch_racing_termination_never_delivers_Terminated()
    {
        const int Targets = 1_000;
        const int Watchers = 4;
        var counts = new ConcurrentDictionary<(IActorRef Watcher, IActorRef Target), int>();
        using var none = new CountdownEvent(1);
        var watchers = Enumerable.Range(0, Watchers).Select(_ => Sys.ActorOf(Props.Create(() => new Watcher(counts, none)))).ToArray();
        var targets = Enumerable.Range(0, Targets).Select(_ => Sys.ActorOf(Props.Create<Target>())).ToArray();
        var probe = CreateTestProbe();
        foreach (var target in targets)
        {
            probe.Watch(target);
        }

        ConcurrentProducers.Run(2, id =>
        {
            for (var i = 0; i < Targets; i++)
            {
                if (id == 0)
                {
                    Sys.Stop(targets[i]);
                }
                else
                {
                    watchers[i % Watchers].Tell(new WatchThenUnwatch(targets[i]));
                }
            }
        });

        for (var i = 0; i < Targets; i++)
        {
            probe.ExpectMsg<Terminated>(StressLimits.Hang);
        }

        // Every watch-then-unwatch is done before the shutdown, which would otherwise dead-letter the ones still queued.
        foreach (var watcher in watchers)
        {
            watcher.Tell("flush", probe.Ref);
            probe.ExpectMsg("flushed", StressLimits.Hang);
        }

        await Sys.Terminate().WaitAsync(StressLimits.Hang);

        Assert.Empty(counts);
        Assert.Equal(0, Sys.Counters.DeadLetters);
    }
}
