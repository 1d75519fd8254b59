using Xunit;

namespace ClusterActors.Actors.Tests.Supervision;

/// <summary>A supervisor that escalates gets a second child failure while it still awaits its own supervisor's decision.</summary>
public sealed class ConcurrentEscalationTests
{
    /// <summary>Fails on "fail", answers "ping".</summary>
    private sealed class Leaf : ReceiveActor
    {
        public Leaf()
        {
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("leaf failed"));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }

    /// <summary>Makes the given children at start, answers with them, and supervises them with the given strategy.</summary>
    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy strategy;

        public Supervisor(SupervisorStrategy strategy, Props[] children)
        {
            this.strategy = strategy;
            foreach (var child in children)
            {
                Context.ActorOf(child);
            }

            Receive<string>(s => s == "children?", _ => Sender.Tell(Context.Children.ToArray()));
        }

        protected override SupervisorStrategy SupervisorStrategy() => strategy;
    }

    [Theory]
    [InlineData(Directive.Resume)]
    [InlineData(Directive.Restart)]
    public void Every_escalated_failure_is_decided_even_one_arriving_while_the_supervisor_awaits_its_own_decision(Directive topDecision)
    {
        // Every seed is a different interleaving of the two failures, the escalation and the decision.
        for (var seed = 0; seed < 12; seed++)
        {
            var dispatcher = new DeterministicDispatcher(seed);
            var system = ActorSystem.Create("escalations", new ActorSystemSettings { Dispatcher = dispatcher, TimeProvider = new VirtualTimeProvider(), LogDeadLetters = false });
            var escalate = new OneForOneStrategy(_ => Directive.Escalate);
            var top = system.ActorOf(Props.Create(() => new Supervisor(
                new OneForOneStrategy(_ => topDecision),
                [Props.Create(() => new Supervisor(escalate, [Props.Create<Leaf>(), Props.Create<Leaf>()]))])));
            var mid = Run(dispatcher, top.Ask<IActorRef[]>("children?")).Single();
            var leaves = Run(dispatcher, mid.Ask<IActorRef[]>("children?"));

            foreach (var leaf in leaves)
            {
                leaf.Tell("fail");
            }

            dispatcher.RunUntilIdle();

            // Resume: the same leaves go on. Restart: the mid-level supervisor was remade, and with it new leaves.
            var current = topDecision == Directive.Resume ? leaves : Run(dispatcher, Run(dispatcher, top.Ask<IActorRef[]>("children?")).Single().Ask<IActorRef[]>("children?"));
            var pings = current.Select(leaf => leaf.Ask<string>("ping", TimeSpan.FromSeconds(1))).ToArray();
            dispatcher.RunUntilIdle();
            Assert.All(pings, ping => Assert.True(ping.IsCompletedSuccessfully, $"seed {seed}: a leaf never answered after the {topDecision}: its failure was never decided"));
            Assert.Equal(2, current.Length);

            system.Terminate();
            dispatcher.RunUntilIdle();
            Assert.True(system.IsTerminated);
        }
    }

    private static T Run<T>(DeterministicDispatcher dispatcher, Task<T> task)
    {
        dispatcher.RunUntilIdle();
        Assert.True(task.IsCompletedSuccessfully);
        return task.Result;
    }
}
