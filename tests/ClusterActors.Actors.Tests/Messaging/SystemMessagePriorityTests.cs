using Xunit;

namespace ClusterActors.Actors.Tests.Messaging;

public sealed class SystemMessagePriorityTests : TestKit.VirtualTimeTestKit
{
    private sealed class Counting : ReceiveActor
    {
        public Counting(IActorRef observer) => Receive<int>(n => observer.Tell(n));
    }

    [Fact]
    public void A_stop_sent_after_queued_user_messages_is_processed_before_them()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Counting(TestActor)));
        RunUntilIdle();
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell(3);
        Sys.Stop(actor);

        RunUntilIdle();

        ExpectNoMsg(TimeSpan.FromSeconds(1));
        Assert.Equal(3, Sys.Counters.DeadLetters);
    }

    [Fact]
    public void Identify_is_answered_by_the_kernel_with_the_actors_ref()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Counting(TestActor)), "counting");
        actor.Tell(new Identify("id-1"), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal("id-1", identity.MessageId);
        Assert.Equal(actor, identity.Subject);
    }
}
