using Xunit;

namespace ClusterActors.Actors.Tests.Behavior;

public sealed class BecomeTests : TestKit.TestKit
{
    /// <summary>A light switch: "on"/"off" replace the behavior, "peek" stacks one, "back" unstacks.</summary>
    private sealed class Switch : ReceiveActor
    {
        public Switch()
        {
            Off();
        }

        private void Off()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("off"));
            Receive<string>(s => s == "on", _ => Become(On));
            Receive<string>(s => s == "peek", _ => BecomeStacked(Peeking));
        }

        private void On()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("on"));
            Receive<string>(s => s == "off", _ => Become(Off));
            Receive<string>(s => s == "peek", _ => BecomeStacked(Peeking));
        }

        private void Peeking()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("peeking"));
            Receive<string>(s => s == "back", _ => UnbecomeStacked());
        }
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration() => Receive<string>(_ =>
        {
            try
            {
                Receive<int>(_ => { });
            }
            catch (InvalidOperationException e)
            {
                Sender.Tell(e.Message);
            }
        });
    }

    [Fact]
    public void Become_replaces_the_behavior()
    {
        var light = Sys.ActorOf(Props.Create<Switch>());
        light.Tell("state", TestActor);
        light.Tell("on", TestActor);
        light.Tell("state", TestActor);
        light.Tell("off", TestActor);
        light.Tell("state", TestActor);

        ExpectMsg("off");
        ExpectMsg("on");
        ExpectMsg("off");
    }

    [Fact]
    public void BecomeStacked_and_UnbecomeStacked_return_to_the_previous_behavior()
    {
        var light = Sys.ActorOf(Props.Create<Switch>());
        light.Tell("on", TestActor);
        light.Tell("peek", TestActor);
        light.Tell("state", TestActor);
        light.Tell("on", TestActor);
        light.Tell("back", TestActor);
        light.Tell("state", TestActor);

        ExpectMsg("peeking");
        ExpectMsg("on");
    }

    [Fact]
    public void A_message_the_current_behavior_does_not_handle_is_unhandled()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var light = Sys.ActorOf(Props.Create<Switch>());
        light.Tell("peek", TestActor);
        light.Tell("off", TestActor);

        Assert.Equal("off", ExpectMsg<UnhandledMessage>().Message);
    }

    [Fact]
    public void Registering_handlers_outside_the_constructor_or_Become_is_refused()
    {
        var actor = Sys.ActorOf(Props.Create<LateRegistration>());
        actor.Tell("try", TestActor);
        Assert.Contains("only be registered in the constructor", ExpectMsg<string>(), StringComparison.Ordinal);
    }
}
