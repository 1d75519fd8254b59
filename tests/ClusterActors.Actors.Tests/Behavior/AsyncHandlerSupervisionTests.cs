using Xunit;

namespace ClusterActors.Actors.Tests.Behavior;

/// <summary>An actor awaiting in an async handler while a child's failure escalates through it: Resume lets the handler finish first; Restart abandons it.</summary>
public sealed class AsyncHandlerSupervisionTests : TestKit.VirtualTimeTestKit
{
    /// <summary>Fails on "fail".</summary>
    private sealed class Leaf : ReceiveActor
    {
        public Leaf() => Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("leaf failed"));
    }

    /// <summary>Tells the observer its child; "work" awaits the gate, tells the observer "after gate" and its sender "done"; "ping" answers "pong"; its child's failures escalate.</summary>
    private sealed class Awaiting : ReceiveActor
    {
        public Awaiting(Task gate, IActorRef observer)
        {
            observer.Tell(Context.ActorOf(Props.Create<Leaf>(), "leaf"));
            ReceiveAsync<string>(
                async _ =>
                {
                    observer.Tell("started");
                    await gate;
                    observer.Tell("after gate");
                    Sender.Tell("done");
                },
                s => s == "work");
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Escalate);
    }

    /// <summary>Supervises one <see cref="Awaiting"/> with the given decider.</summary>
    private sealed class Top : ReceiveActor
    {
        private readonly Func<Exception, Directive> decider;

        public Top(Func<Exception, Directive> decider, Task gate, IActorRef observer)
        {
            this.decider = decider;
            var awaiting = Context.ActorOf(Props.Create(() => new Awaiting(gate, observer)), "awaiting");
            Receive<string>(s => s == "awaiting?", _ => Sender.Tell(awaiting));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(decider);
    }

    /// <summary>Starts the tree, puts the awaiting actor into its handler, queues a "ping" behind it, and returns its child.</summary>
    private IActorRef StartAwaiting(Func<Exception, Directive> decider, Task gate, TestKit.TestProbe observer)
    {
        var top = Sys.ActorOf(Props.Create(() => new Top(decider, gate, observer.Ref)));
        var leaf = observer.ExpectMsg<IActorRef>();
        top.Tell("awaiting?", TestActor);
        var awaiting = ExpectMsg<IActorRef>();
        awaiting.Tell("work", TestActor);
        observer.ExpectMsg("started");
        awaiting.Tell("ping", TestActor);
        return leaf;
    }

    [Fact]
    public void After_a_Resume_the_pending_handler_still_finishes_before_the_next_message_is_taken()
    {
        var gate = new TaskCompletionSource();
        var observer = CreateTestProbe();
        var leaf = StartAwaiting(_ => Directive.Resume, gate.Task, observer);

        leaf.Tell("fail");
        ExpectNoMsg(TimeSpan.FromSeconds(1));

        gate.SetResult();
        ExpectMsg("done");
        ExpectMsg("pong");
        observer.ExpectMsg("after gate");
    }

    [Fact]
    public void A_continuation_arriving_while_the_supervisor_decides_is_not_lost_after_a_Resume()
    {
        var gate = new TaskCompletionSource();
        var observer = CreateTestProbe();

        // The gate opens while the escalation is being decided: the handler's continuation reaches the actor while it is failed.
        var leaf = StartAwaiting(
            _ =>
            {
                gate.TrySetResult();
                return Directive.Resume;
            },
            gate.Task,
            observer);

        leaf.Tell("fail");
        ExpectMsg("done");
        ExpectMsg("pong");
        observer.ExpectMsg("after gate");
    }

    [Fact]
    public void After_a_Restart_the_abandoned_handler_never_resumes_on_the_new_incarnation()
    {
        var gate = new TaskCompletionSource();
        var observer = CreateTestProbe();
        var leaf = StartAwaiting(_ => Directive.Restart, gate.Task, observer);

        leaf.Tell("fail");
        ExpectMsg("pong");
        observer.ExpectMsg<IActorRef>();

        gate.SetResult();
        observer.ExpectNoMsg(TimeSpan.FromSeconds(1));
        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }
}
