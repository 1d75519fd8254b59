using Xunit;

namespace ClusterActors.Actors.Tests.DeathWatch;

public sealed class DeathWatchTests : TestKit.TestKit
{
    /// <summary>Tells the observer when it stops.</summary>
    private sealed class Reporting : ReceiveActor
    {
        private readonly string name;
        private readonly IActorRef observer;

        public Reporting(string name, IActorRef observer)
        {
            this.name = name;
            this.observer = observer;
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        protected override void PostStop() => observer.Tell($"{name} stopped");
    }

    /// <summary>Has two reporting children.</summary>
    private sealed class ParentOfTwo : ReceiveActor
    {
        private readonly IActorRef observer;

        public ParentOfTwo(IActorRef observer)
        {
            this.observer = observer;
            Context.ActorOf(Props.Create(() => new Reporting("child-a", observer)), "a");
            Context.ActorOf(Props.Create(() => new Reporting("child-b", observer)), "b");
            Receive<string>(s => s == "children", _ => Sender.Tell(Context.Children.Count()));
        }

        protected override void PostStop() => observer.Tell("parent stopped");
    }

    /// <summary>Watches what it is sent and does not handle Terminated.</summary>
    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher() => Receive<IActorRef>(target => Context.Watch(target));
    }

    [Fact]
    public void Terminated_arrives_once_after_the_watched_actors_PostStop()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Reporting("watched", TestActor)));
        Watch(actor);
        Sys.Stop(actor);

        ExpectMsg("watched stopped");
        var terminated = ExpectTerminated(actor);
        Assert.True(terminated.ExistenceConfirmed);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Watching_an_actor_that_already_stopped_yields_Terminated_at_once()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Reporting("gone", TestActor)));
        var first = CreateTestProbe();
        first.Watch(actor);
        Sys.Stop(actor);
        first.ExpectTerminated(actor);

        Watch(actor);

        ExpectMsg("gone stopped");
        Assert.False(ExpectTerminated(actor).ExistenceConfirmed);
    }

    [Fact]
    public void Watching_dead_letters_or_Nobody_yields_Terminated_at_once()
    {
        Watch(Sys.DeadLetters);
        ExpectTerminated(Sys.DeadLetters);
        Watch(ActorRefs.Nobody);
        ExpectTerminated(ActorRefs.Nobody);
    }

    [Fact]
    public void Stopping_a_parent_stops_its_children_first()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentOfTwo(TestActor)), "parent");
        parent.Tell("children", TestActor);
        ExpectMsg(2);
        Watch(parent);

        Sys.Stop(parent);

        var children = new[] { ExpectMsg<string>(), ExpectMsg<string>() };
        Assert.Equal(["child-a stopped", "child-b stopped"], children.Order());
        ExpectMsg("parent stopped");
        ExpectTerminated(parent);
    }

    [Fact]
    public void Not_handling_Terminated_of_a_watched_actor_is_a_DeathPactException_that_stops_the_watcher()
    {
        var target = Sys.ActorOf(Props.Create(() => new Reporting("target", TestActor)));
        var watcher = Watch(Sys.ActorOf(Props.Create<CarelessWatcher>()));
        watcher.Tell(target);

        Sys.Stop(target);

        ExpectMsg("target stopped");
        ExpectTerminated(watcher);
    }

    [Fact]
    public void A_name_is_free_again_once_its_actor_terminated_and_the_new_one_is_another_incarnation()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var first = Watch(Sys.ActorOf(Props.Create(() => new Reporting("first", TestActor)), "reused"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Reporting("clash", TestActor)), "reused"));
        Sys.Stop(first);
        ExpectMsg("first stopped");
        ExpectTerminated(first);

        var second = Sys.ActorOf(Props.Create(() => new Reporting("second", TestActor)), "reused");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
        Assert.NotEqual(first, second);
        first.Tell("ping", TestActor);
        Assert.Equal(first, deadLetters.ExpectMsg<DeadLetter>().Recipient);
        second.Tell("ping", TestActor);
        ExpectMsg("pong");
    }

    [Fact]
    public void Illegal_names_are_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new CarelessWatcher()), "a/b"));
        Assert.Contains("'/'", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new CarelessWatcher()), "$reserved"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new CarelessWatcher()), string.Empty));
    }
}

public sealed class UnwatchTests : TestKit.VirtualTimeTestKit
{
    /// <summary>Watches on "watch", unwatches on "unwatch", reports Terminated.</summary>
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef target, IActorRef observer)
        {
            Receive<string>(s => s == "watch", _ => observer.Tell(Context.Watch(target) is not null ? "watching" : "?"));
            Receive<string>(s => s == "unwatch", _ =>
            {
                Context.Unwatch(target);
                observer.Tell("unwatched");
            });
            Receive<Terminated>(t => observer.Tell(t));
        }
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }

    private (IActorRef Target, IActorRef Watcher) WatchingPair()
    {
        var target = Sys.ActorOf(Props.Create<Idle>());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(target, TestActor)));
        watcher.Tell("watch");
        ExpectMsg("watching");
        return (target, watcher);
    }

    /// <summary>Runs only the target's turn, so its death notification reaches the watcher before the watcher runs.</summary>
    private void StopAndRunOnlyTheTarget(IActorRef target)
    {
        Sys.Stop(target);
        Assert.True(Dispatcher.RunOne());
    }

    [Fact]
    public void Without_unwatch_the_queued_Terminated_is_delivered()
    {
        var (target, watcher) = WatchingPair();
        StopAndRunOnlyTheTarget(target);

        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Unwatch_suppresses_a_Terminated_that_is_already_queued()
    {
        var (target, watcher) = WatchingPair();
        StopAndRunOnlyTheTarget(target);
        watcher.Tell("unwatch");

        ExpectMsg("unwatched");
        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }
}
