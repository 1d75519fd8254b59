using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Supervision;

public sealed class SupervisionTests : TestKit.TestKit
{
    private static int instances;

    /// <summary>Counts messages in its state; throws on <see cref="Fail"/>; reports its hooks with an instance number.</summary>
    private sealed class Counter : ReceiveActor
    {
        private readonly IActorRef observer;
        private readonly int instance = Interlocked.Increment(ref instances);
        private int count;

        public Counter(IActorRef observer)
        {
            this.observer = observer;
            Receive<Fail>(f => throw f.Cause);
            Receive<string>(s => s == "count", _ => Sender.Tell(++count));
        }

        protected override void PreStart() => observer.Tell($"PreStart {instance}");

        protected override void PostStop() => observer.Tell($"PostStop {instance}");

        protected override void PreRestart(Exception reason, object? message)
        {
            observer.Tell($"PreRestart {instance} {reason.Message} {message?.GetType().Name}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            observer.Tell($"PostRestart {instance} {reason.Message}");
            base.PostRestart(reason);
        }
    }

    /// <summary>Creates one child from the given props and forwards everything to it; supervises it with the given decider.</summary>
    private sealed class Parent : ReceiveActor
    {
        private readonly SupervisorStrategy strategy;

        public Parent(Props childProps, SupervisorStrategy strategy, IActorRef observer)
        {
            this.strategy = strategy;
            var child = Context.ActorOf(childProps, "child");
            Receive<string>(s => s == "child?", _ => Sender.Tell(child));
            ReceiveAny(m => child.Forward(m));
            observer.Tell("parent started");
        }

        protected override SupervisorStrategy SupervisorStrategy() => strategy;

        protected override void PreRestart(Exception reason, object? message)
        {
            Context.System.EventStream.Publish(new Report($"parent restarting: {reason.Message}"));
            base.PreRestart(reason, message);
        }
    }

    private static Props CounterProps(IActorRef observer) => Props.Create(() => new Counter(observer));

    private static Fail Boom(string text) => new(new InvalidOperationException(text));

    private IActorRef Child(IActorRef parent)
    {
        parent.Tell("child?", TestActor);
        return ExpectMsg<IActorRef>();
    }

    [Fact]
    public void Restart_makes_a_fresh_instance_with_reset_state_calling_PreRestart_then_PostRestart()
    {
        var observer = CreateTestProbe();
        var counter = Sys.ActorOf(CounterProps(observer.Ref));
        var first = observer.ExpectMsg<string>(s => s.StartsWith("PreStart", StringComparison.Ordinal)).Split(' ')[1];
        counter.Tell("count", TestActor);
        counter.Tell("count", TestActor);
        ExpectMsg(1);
        ExpectMsg(2);

        counter.Tell(Boom("boom"), TestActor);
        counter.Tell("count", TestActor);

        observer.ExpectMsg($"PreRestart {first} boom Fail");
        observer.ExpectMsg($"PostStop {first}");
        var second = observer.ExpectMsg<string>(s => s.StartsWith("PostRestart", StringComparison.Ordinal)).Split(' ')[1];
        Assert.NotEqual(first, second);
        observer.ExpectMsg($"PreStart {second}");
        ExpectMsg(1);
        Assert.Equal(1, Sys.Counters.ActorRestarts);
        Assert.Equal(1, Sys.Counters.ActorFailures);
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var observer = CreateTestProbe();
        var strategy = new OneForOneStrategy(_ => Directive.Resume);
        var parent = Sys.ActorOf(Props.Create(() => new Parent(CounterProps(observer.Ref), strategy, observer.Ref)));
        parent.Tell("count", TestActor);
        ExpectMsg(1);

        parent.Tell(Boom("ignored"), TestActor);
        parent.Tell("count", TestActor);

        ExpectMsg(2);
        observer.FishForMessage<string>(s => s.StartsWith("PreStart", StringComparison.Ordinal));
        observer.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Stop_directive_stops_the_child()
    {
        var observer = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Parent(CounterProps(observer.Ref), SupervisorStrategy.StoppingStrategy, observer.Ref)));
        var child = Watch(Child(parent));

        parent.Tell(Boom("fatal"));

        ExpectTerminated(child);
        observer.FishForMessage<string>(s => s.StartsWith("PostStop", StringComparison.Ordinal));
    }

    [Fact]
    public void Escalate_fails_the_parent_with_the_childs_exception_and_the_grandparent_decides()
    {
        var observer = CreateTestProbe();
        Sys.EventStream.Subscribe(observer.Ref, typeof(Report));
        var escalating = new OneForOneStrategy(_ => Directive.Escalate);
        var parentProps = Props.Create(() => new Parent(CounterProps(observer.Ref), escalating, observer.Ref));
        var grandparent = Sys.ActorOf(Props.Create(() => new Parent(parentProps, SupervisorStrategy.DefaultStrategy, observer.Ref)));
        observer.FishForMessage<string>(s => s.StartsWith("PreStart", StringComparison.Ordinal));
        var parent = Child(grandparent);
        var oldChild = Watch(Child(parent));

        grandparent.Tell(Boom("from the grandchild"));

        Assert.Equal("parent restarting: from the grandchild", observer.FishForMessage<Report>(_ => true).What);
        ExpectTerminated(oldChild);
        var newChild = Child(parent);
        Assert.NotEqual(oldChild, newChild);
        Assert.Equal(oldChild.Path, newChild.Path);
    }

    [Fact]
    public void A_top_level_actor_that_escalates_is_stopped_by_the_user_guardian()
    {
        var observer = CreateTestProbe();
        var escalating = new OneForOneStrategy(_ => Directive.Escalate);
        var topLevel = Sys.ActorOf(Props.Create(() => new Parent(CounterProps(observer.Ref), escalating, observer.Ref)));
        Watch(topLevel);

        topLevel.Tell(Boom("no one above"));

        ExpectTerminated(topLevel);
    }

    [Fact]
    public void Exceeding_the_retry_limit_stops_the_child()
    {
        var observer = CreateTestProbe();
        var twice = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var parent = Sys.ActorOf(Props.Create(() => new Parent(CounterProps(observer.Ref), twice, observer.Ref)));
        var child = Watch(Child(parent));

        parent.Tell(Boom("1"));
        parent.Tell(Boom("2"));
        parent.Tell("count", TestActor);
        ExpectMsg(1);
        parent.Tell(Boom("3"));

        ExpectTerminated(child);
        Assert.Equal(2, Sys.Counters.ActorRestarts);
    }

    [Fact]
    public void Kill_makes_the_actor_fail_with_ActorKilledException_and_stop()
    {
        var observer = CreateTestProbe();
        var counter = Watch(Sys.ActorOf(CounterProps(observer.Ref)));
        counter.Tell(Kill.Instance);
        ExpectTerminated(counter);
        Assert.Equal(0, Sys.Counters.ActorRestarts);
    }

    [Fact]
    public void PoisonPill_stops_the_actor_after_the_messages_before_it()
    {
        var observer = CreateTestProbe();
        var counter = Watch(Sys.ActorOf(CounterProps(observer.Ref)));
        counter.Tell("count", TestActor);
        counter.Tell(PoisonPill.Instance);
        counter.Tell("count", TestActor);

        ExpectMsg(1);
        ExpectTerminated(counter);
    }
}

public sealed class InitializationFailureTests : TestKit.TestKit
{
    private sealed class ThrowingConstructor : ReceiveActor
    {
        public ThrowingConstructor() => throw new InvalidOperationException("cannot construct");
    }

    private sealed class ThrowingPreStart : ReceiveActor
    {
        protected override void PreStart() => throw new InvalidOperationException("cannot start");
    }

    /// <summary>Supervises one child and reports the exception type it was asked to decide on.</summary>
    private sealed class Recording : ReceiveActor
    {
        private readonly IActorRef observer;

        public Recording(Props child, IActorRef observer)
        {
            this.observer = observer;
            Context.ActorOf(child, "child");
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
        {
            observer.Tell(e);
            return ClusterActors.Actors.SupervisorStrategy.DefaultDecider(e);
        });
    }

    [Fact]
    public void A_throwing_constructor_is_an_ActorInitializationException_and_stops_the_actor()
    {
        var actor = Watch(Sys.ActorOf(Props.Create(() => new ThrowingConstructor())));
        ExpectTerminated(actor);
        Assert.Equal(1, Sys.Counters.ActorFailures);
    }

    [Fact]
    public void A_throwing_PreStart_is_an_ActorInitializationException_with_the_cause_inside()
    {
        Sys.ActorOf(Props.Create(() => new Recording(Props.Create<ThrowingPreStart>(), TestActor)));
        var error = ExpectMsg<ActorInitializationException>();
        Assert.Equal("cannot start", error.InnerException!.Message);
        Assert.EndsWith("/child", error.Actor!.Path.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_actor_created_with_new_outside_the_kernel_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ThrowingPreStart());
        Assert.Contains("ActorOf", error.Message, StringComparison.Ordinal);
    }
}
