using Xunit;

namespace ClusterActors.Actors.Tests.Behavior;

public sealed class StashTests : TestKit.TestKit
{
    /// <summary>Stashes everything until "open", then unstashes all and echoes in its open behavior.</summary>
    private sealed class Gate : ReceiveActor
    {
        public Gate(IActorRef output)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => ReceiveAny(m => output.Tell(m)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
            ReceiveAny(_ => Stash.Stash());
        }
    }

    private sealed class DoubleStash : ReceiveActor
    {
        public DoubleStash() => ReceiveAny(_ =>
        {
            Stash.Stash();
            try
            {
                Stash.Stash();
            }
            catch (InvalidOperationException e)
            {
                Sender.Tell(e.Message);
            }
        });
    }

    [Fact]
    public void UnstashAll_replays_stashed_messages_in_order_before_later_ones_and_across_Become()
    {
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)));
        for (var i = 0; i < 5; i++)
        {
            gate.Tell(i);
        }

        gate.Tell("open");
        gate.Tell(5);

        for (var i = 0; i <= 5; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void Stashed_messages_survive_a_restart()
    {
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)));
        gate.Tell(1);
        gate.Tell(2);
        gate.Tell("fail");
        gate.Tell("open");
        gate.Tell(3);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg(3);
    }

    [Fact]
    public void Stashing_the_same_message_twice_is_refused()
    {
        var actor = Sys.ActorOf(Props.Create<DoubleStash>());
        actor.Tell("x", TestActor);
        Assert.Contains("twice", ExpectMsg<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stashed_messages_of_a_stopped_actor_go_to_dead_letters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)));
        gate.Tell("kept-1");
        gate.Tell(PoisonPill.Instance);

        Assert.Equal("kept-1", ExpectMsg<DeadLetter>().Message);
    }
}
