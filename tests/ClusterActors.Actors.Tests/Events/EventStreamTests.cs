using Xunit;

namespace ClusterActors.Actors.Tests.Events;

public sealed class EventStreamTests : TestKit.VirtualTimeTestKit
{
    private abstract record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    private sealed record Cat(string Name) : Animal(Name);

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Tell(m));
    }

    [Fact]
    public void Subscribers_receive_events_of_their_channel_and_its_subtypes_only()
    {
        var animals = CreateTestProbe();
        var dogs = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(animals.Ref, typeof(Animal)));
        Assert.True(Sys.EventStream.Subscribe(dogs.Ref, typeof(Dog)));
        Assert.False(Sys.EventStream.Subscribe(dogs.Ref, typeof(Dog)));

        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(new Cat("tom"));

        animals.ExpectMsg(new Dog("rex"));
        animals.ExpectMsg(new Cat("tom"));
        dogs.ExpectMsg(new Dog("rex"));
        dogs.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_subscriber_of_overlapping_channels_gets_each_event_once()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(Animal));
        Sys.EventStream.Subscribe(probe.Ref, typeof(object));
        Sys.EventStream.Publish(new Cat("tom"));
        probe.ExpectMsg(new Cat("tom"));
        probe.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Unsubscribe_from_one_channel_or_all()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(Dog));
        Sys.EventStream.Subscribe(probe.Ref, typeof(Cat));

        Assert.True(Sys.EventStream.Unsubscribe(probe.Ref, typeof(Dog)));
        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(new Cat("tom"));
        probe.ExpectMsg(new Cat("tom"));

        Assert.True(Sys.EventStream.Unsubscribe(probe.Ref));
        Assert.False(Sys.EventStream.Unsubscribe(probe.Ref));
        Sys.EventStream.Publish(new Cat("felix"));
        probe.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_subscriber_that_stops_is_removed_through_death_watch()
    {
        var subscriber = Watch(Sys.ActorOf(Props.Create(() => new Forwarder(TestActor))));
        Sys.EventStream.Subscribe(subscriber, typeof(Dog));
        Sys.EventStream.Publish(new Dog("rex"));
        ExpectMsg(new Dog("rex"));

        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);
        Sys.EventStream.Publish(new Dog("fido"));
        RunUntilIdle();

        Assert.Equal(0, Sys.Counters.DeadLetters);
        Assert.False(Sys.EventStream.Unsubscribe(subscriber));
    }
}
