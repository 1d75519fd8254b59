using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>Failures, restarts and escalations racing a stop or the system's shutdown: every instance that started is stopped exactly once, every message is processed or dead-lettered exactly once, nothing hangs.</summary>
public sealed class SupervisionStressTests : TestKit.TestKit
{
    private sealed record Work(bool Fail);

    /// <summary>Counts every message it takes (the failing ones too) and its instances' starts and stops; throws on failing work.</summary>
    private sealed class Fragile : ReceiveActor
    {
        private readonly Tally stopped;

        public Fragile(Tally processed, Tally started, Tally stopped)
        {
            this.stopped = stopped;
            started.Increment();
            Receive<Work>(work =>
            {
                processed.Increment();
                if (work.Fail)
                {
                    throw new InvalidOperationException("fragile on purpose");
                }
            });
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        protected override void PostStop() => stopped.Increment();
    }

    /// <summary>Creates children from the given props at start and answers with them; supervises them with the given strategy.</summary>
    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy strategy;
        private readonly Tally stopped;

        public Supervisor(SupervisorStrategy strategy, int children, Func<Props> childProps, Tally started, Tally stopped)
        {
            this.strategy = strategy;
            this.stopped = stopped;
            started.Increment();
            for (var i = 0; i < children; i++)
            {
                Context.ActorOf(childProps(), $"c{i}");
            }

            Receive<string>(s => s == "children?", _ => Sender.Tell(Context.Children.ToArray()));
        }

        protected override SupervisorStrategy SupervisorStrategy() => strategy;

        protected override void PostStop() => stopped.Increment();
    }

    private static IActorRef[] ChildrenOf(IActorRef parent, TestKit.TestProbe probe)
    {
        parent.Tell("children?", probe.Ref);
        return probe.ExpectMsg<IActorRef[]>(StressLimits.Hang);
    }

    [Fact]
    public void Children_failing_repeatedly_while_their_parent_stops_end_with_every_instance_stopped_once()
    {
        const int Rounds = 8;
        const int Children = 8;
        const int Producers = 3;
        const int PerProducer = 1_500;
        var processed = new Tally();
        var started = new Tally();
        var stopped = new Tally();
        var sent = 0;
        var probe = CreateTestProbe();
        var restartAlways = new OneForOneStrategy(_ => Directive.Restart);
        for (var round = 0; round < Rounds; round++)
        {
            var parent = Sys.ActorOf(Props.Create(() => new Supervisor(restartAlways, Children, () => Props.Create(() => new Fragile(processed, started, stopped)), started, stopped)));
            var children = ChildrenOf(parent, probe);
            Watch(parent);
            var restartsBefore = Sys.Counters.ActorRestarts;
            ConcurrentProducers.Run(Producers, id =>
            {
                for (var i = 0; i < PerProducer; i++)
                {
                    children[(i + id) % Children].Tell(new Work(Fail: i % 4 == 0));
                    if (id == 0 && i == PerProducer / 3)
                    {
                        // Stop only once the children are busy failing and restarting, while the other producers go on.
                        AwaitCondition(() => Sys.Counters.ActorRestarts >= restartsBefore + Children, StressLimits.Hang);
                        Sys.Stop(parent);
                    }
                }
            });
            sent += Producers * PerProducer;
            ExpectTerminated(parent, StressLimits.Hang);
        }

        Assert.Equal(sent, processed.Value + Sys.Counters.DeadLetters);
        Assert.True(Sys.Counters.ActorRestarts >= Rounds * Children);
        Assert.Equal(started.Value, stopped.Value);
    }

    [Fact]
    public async Task Escalation_chains_during_shutdown_still_terminate_with_every_instance_stopped_once()
    {
        const int Mids = 4;
        const int Leaves = 4;
        const int Producers = 3;
        const int PerProducer = 2_000;
        var processed = new Tally();
        var started = new Tally();
        var stopped = new Tally();
        var probe = CreateTestProbe();
        var escalate = new OneForOneStrategy(_ => Directive.Escalate);
        var restartAlways = new OneForOneStrategy(_ => Directive.Restart);
        Props LeafProps() => Props.Create(() => new Fragile(processed, started, stopped));
        Props MidProps() => Props.Create(() => new Supervisor(escalate, Leaves, LeafProps, started, stopped));
        var top = Sys.ActorOf(Props.Create(() => new Supervisor(restartAlways, Mids, MidProps, started, stopped)), "top");
        var leaves = ChildrenOf(top, probe).SelectMany(mid => ChildrenOf(mid, probe)).ToArray();
        Assert.Equal(Mids * Leaves, leaves.Length);

        Task? termination = null;
        ConcurrentProducers.Run(Producers, id =>
        {
            for (var i = 0; i < PerProducer; i++)
            {
                // The leaves of the first tree go on being told after each escalation restarted their ancestors: those go to the old incarnations, i.e. dead letters.
                leaves[(i + id) % leaves.Length].Tell(new Work(Fail: i % 5 == 0));
                if (id == 0 && i == PerProducer / 2)
                {
                    termination = Sys.Terminate();
                }
            }
        });

        await termination!.WaitAsync(StressLimits.Hang);
        Assert.True(Sys.IsTerminated);
        Assert.Equal(Producers * PerProducer, processed.Value + Sys.Counters.DeadLetters);
        Assert.Equal(started.Value, stopped.Value);
    }

    [Fact]
    public void Escalations_from_several_children_at_once_are_each_decided_and_none_is_left_suspended()
    {
        const int Leaves = 8;
        const int Producers = 3;
        const int PerProducer = 1_000;
        var processed = new Tally();
        var started = new Tally();
        var stopped = new Tally();
        var probe = CreateTestProbe();
        var escalate = new OneForOneStrategy(_ => Directive.Escalate);
        var resume = new OneForOneStrategy(_ => Directive.Resume);
        Props LeafProps() => Props.Create(() => new Fragile(processed, started, stopped));
        Props MidProps() => Props.Create(() => new Supervisor(escalate, Leaves, LeafProps, started, stopped));
        var top = Sys.ActorOf(Props.Create(() => new Supervisor(resume, 1, MidProps, started, stopped)), "top");
        var leaves = ChildrenOf(ChildrenOf(top, probe).Single(), probe);

        ConcurrentProducers.Run(Producers, id =>
        {
            for (var i = 0; i < PerProducer; i++)
            {
                leaves[(i + id) % Leaves].Tell(new Work(Fail: i % 4 == 0));
            }
        });

        // Each failure was resumed through the chain, so every leaf takes its next message: the ping, behind all its work.
        foreach (var leaf in leaves)
        {
            leaf.Tell("ping", probe.Ref);
        }

        for (var i = 0; i < Leaves; i++)
        {
            probe.ExpectMsg("pong", StressLimits.Hang);
        }

        Assert.Equal(Producers * PerProducer, processed.Value);
        Assert.Equal(0, Sys.Counters.DeadLetters);
        Assert.Equal(0, Sys.Counters.ActorRestarts);
    }
}
