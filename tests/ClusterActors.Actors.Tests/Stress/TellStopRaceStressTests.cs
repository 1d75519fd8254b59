using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>Messages told while their recipient stops: each ends processed or as a dead letter, exactly once (processed + dead letters == sent, counted only after the recipient's Terminated, when both counts are final).</summary>
public sealed class TellStopRaceStressTests : TestKit.TestKit
{
    private sealed record Work(int Id);

    private sealed record SendBurst(IActorRef Target, int Count, int StopAfter);

    /// <summary>Counts what it processes; its lifecycle hooks count starts and stops.</summary>
    private sealed class CountingTarget : ReceiveActor
    {
        private readonly Tally stopped;

        public CountingTarget(Tally processed, Tally started, Tally stopped)
        {
            this.stopped = stopped;
            started.Increment();
            Receive<Work>(_ => processed.Increment());
        }

        protected override void PostStop() => stopped.Increment();
    }

    /// <summary>Sends a burst from inside an actor (the local-queue path of the dispatcher) and stops the target midway.</summary>
    private sealed class Producer : ReceiveActor
    {
        public Producer(Tally sent, IActorRef observer)
        {
            Receive<SendBurst>(burst =>
            {
                for (var i = 0; i < burst.Count; i++)
                {
                    burst.Target.Tell(new Work(i));
                    sent.Increment();
                    if (i == burst.StopAfter)
                    {
                        Context.System.Stop(burst.Target);
                    }
                }

                observer.Tell("burst sent");
            });
        }
    }

    /// <summary>Creates its children and forwards work to them by index.</summary>
    private sealed class Parent : ReceiveActor
    {
        public Parent(int children, Tally processed, Tally started, Tally stopped, IActorRef observer)
        {
            for (var i = 0; i < children; i++)
            {
                Context.ActorOf(Props.Create(() => new CountingTarget(processed, started, stopped)), $"child-{i}");
            }

            Receive<string>(s => s == "children?", _ => Sender.Tell(Context.Children.ToArray()));
            observer.Tell("parent ready");
        }
    }

    [Fact]
    public void Tell_racing_stop_is_processed_or_dead_lettered_exactly_once()
    {
        const int Rounds = 40;
        const int Producers = 3;
        const int PerProducer = 4_000;
        var processed = new Tally();
        var started = new Tally();
        var stopped = new Tally();
        var sent = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var target = Sys.ActorOf(Props.Create(() => new CountingTarget(processed, started, stopped)));
            Watch(target);
            var stopAt = (round * 397) % PerProducer;
            ConcurrentProducers.Run(Producers, id =>
            {
                for (var i = 0; i < PerProducer; i++)
                {
                    target.Tell(new Work(i));
                    if (id == 0 && i == stopAt)
                    {
                        Sys.Stop(target);
                    }
                }
            });
            sent += Producers * PerProducer;
            ExpectTerminated(target, StressLimits.Hang);
        }

        Assert.Equal(sent, processed.Value + Sys.Counters.DeadLetters);
        Assert.Equal(Rounds, started.Value);
        Assert.Equal(Rounds, stopped.Value);
    }

    [Fact]
    public void Tell_from_actors_racing_a_stop_from_an_actor_is_processed_or_dead_lettered_exactly_once()
    {
        const int Rounds = 40;
        const int Producers = 3;
        const int PerProducer = 4_000;
        var processed = new Tally();
        var started = new Tally();
        var stopped = new Tally();
        var sent = new Tally();
        var bursts = CreateTestProbe();
        var producers = Enumerable.Range(0, Producers).Select(_ => Sys.ActorOf(Props.Create(() => new Producer(sent, bursts.Ref)))).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            var target = Sys.ActorOf(Props.Create(() => new CountingTarget(processed, started, stopped)));
            Watch(target);
            for (var p = 0; p < Producers; p++)
            {
                producers[p].Tell(new SendBurst(target, PerProducer, StopAfter: p == round % Producers ? (round * 211) % PerProducer : -1));
            }

            for (var p = 0; p < Producers; p++)
            {
                bursts.ExpectMsg("burst sent", StressLimits.Hang);
            }

            ExpectTerminated(target, StressLimits.Hang);
        }

        Assert.Equal(Rounds * Producers * PerProducer, sent.Value);
        Assert.Equal(sent.Value, processed.Value + Sys.Counters.DeadLetters);
        Assert.Equal(Rounds, started.Value);
        Assert.Equal(Rounds, stopped.Value);
    }

    [Fact]
    public void Stopping_a_parent_while_its_children_receive_messages_accounts_for_every_message()
    {
        const int Rounds = 10;
        const int Children = 16;
        const int Producers = 3;
        const int PerProducer = 3_000;
        var processed = new Tally();
        var started = new Tally();
        var stopped = new Tally();
        var sent = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var parent = Sys.ActorOf(Props.Create(() => new Parent(Children, processed, started, stopped, TestActor)));
            ExpectMsg("parent ready");
            parent.Tell("children?", TestActor);
            var children = ExpectMsg<IActorRef[]>();
            Assert.Equal(Children, children.Length);
            Watch(parent);
            var stopAt = (round * 577) % PerProducer;
            ConcurrentProducers.Run(Producers, id =>
            {
                for (var i = 0; i < PerProducer; i++)
                {
                    children[(i + id) % Children].Tell(new Work(i));
                    if (id == 0 && i == stopAt)
                    {
                        Sys.Stop(parent);
                    }
                }
            });
            sent += Producers * PerProducer;
            ExpectTerminated(parent, StressLimits.Hang);
        }

        Assert.Equal(sent, processed.Value + Sys.Counters.DeadLetters);
        Assert.Equal(Rounds * Children, started.Value);
        Assert.Equal(Rounds * Children, stopped.Value);
    }
}
