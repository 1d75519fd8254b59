using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Actors.Tests.Messaging;

public sealed class SenderAndReplyTests : TestKit.TestKit
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }

    /// <summary>Tells the given target without naming a sender: the implicit sender is the actor itself.</summary>
    private sealed class ImplicitSender : ReceiveActor
    {
        public ImplicitSender() => Receive<IActorRef>(target => target.Tell("from-inside"));
    }

    [Fact]
    public void Reply_goes_to_the_sender_of_the_current_message()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");
        var other = CreateTestProbe();
        echo.Tell("to-test-actor", TestActor);
        echo.Tell("to-other", other.Ref);

        Assert.Equal("to-test-actor", ExpectMsg<string>());
        Assert.Equal(echo, LastSender);
        Assert.Equal("to-other", other.ExpectMsg<string>());
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Tell_inside_an_actor_without_sender_uses_the_actor_as_sender()
    {
        var actor = Sys.ActorOf(Props.Create<ImplicitSender>());
        actor.Tell(TestActor);

        ExpectMsg("from-inside");
        Assert.Equal(actor, LastSender);
    }

    [Fact]
    public void Reply_to_a_message_told_from_outside_without_sender_goes_to_dead_letters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var echo = Sys.ActorOf(Props.Create<Echo>(), "echo");

        echo.Tell("lost-reply");

        var dead = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("lost-reply", dead.Message);
        Assert.Equal(echo, dead.Sender);
        Assert.Equal(Sys.DeadLetters, dead.Recipient);
        AwaitCondition(() => Sys.Counters.DeadLetters >= 1);
    }

    [Fact]
    public void Probe_reply_and_forward_keep_the_right_senders()
    {
        var probe = CreateTestProbe();
        var target = CreateTestProbe();
        probe.Ref.Tell("question", TestActor);
        probe.ExpectMsg("question");
        probe.Reply("answer");
        ExpectMsg("answer");
        Assert.Equal(probe.Ref, LastSender);

        probe.Forward(target.Ref);
        target.ExpectMsg("question");
        Assert.Equal(TestActor, target.LastSender);
    }
}
