using ClusterActors.Actors;
using ClusterActors.Remoting.Tests.Support;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Remoting.Tests.Refs;

/// <summary>Remote refs across two actor systems over loopback TCP: tell, ask, refs in payloads, kernel messages, ordering.</summary>
public sealed class RemoteRefTests : TwoTcpNodes
{

    [Fact]
    public void Actors_live_at_the_transport_address()
    {
        var echo = Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");

        Assert.Equal("ca.tcp", Beta.Address.Protocol);
        Assert.Equal(Beta.Identity.Address, Beta.Address);
        Assert.Equal(Beta.Address, echo.Path.Address);
    }

    [Fact]
    public void Remote_tell_arrives_with_a_sender_that_replies_across()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        var echo = Alpha.ResolveRef($"{Beta.Address}/user/echo");

        probe.Send(echo, new Text("hello"));

        Assert.Equal(new Text("hello"), probe.ExpectMsg<Text>());
        Assert.Equal(Beta.Address, probe.LastSender.Path.Address);
    }

    [Fact]
    public async Task Remote_ask_completes_with_the_reply()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var echo = Alpha.ResolveRef($"{Beta.Address}/user/echo");

        var reply = await echo.Ask<Text>(new Text("ask me"), TimeSpan.FromSeconds(10));

        Assert.Equal("ask me", reply.Value);
    }

    [Fact]
    public async Task Remote_ask_answered_with_a_failure_faults_with_the_remote_exception()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var echo = Alpha.ResolveRef($"{Beta.Address}/user/echo");

        var error = await Assert.ThrowsAsync<RemoteFailureException>(() => echo.Ask<Text>(new PleaseFail("no way"), TimeSpan.FromSeconds(10)));

        Assert.Equal(typeof(InvalidOperationException).FullName, error.RemoteExceptionType);
        Assert.Contains("no way", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ref_inside_a_payload_resolves_on_the_receiving_node()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        var echo = Alpha.ResolveRef($"{Beta.Address}/user/echo");

        // beta receives a ref to alpha's probe and tells it directly.
        echo.Tell(new SendTo(probe.Ref, "via a ref in the payload"));

        Assert.Equal("via a ref in the payload", probe.ExpectMsg<Text>().Value);
        Assert.Equal(Beta.Address, probe.LastSender.Path.Address);
    }

    [Fact]
    public void Identify_across_nodes_returns_the_actor_ref_and_PoisonPill_stops_it()
    {
        var echo = Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        var remoteEcho = Alpha.ResolveRef($"{Beta.Address}/user/echo");

        probe.Send(remoteEcho, new Identify("who"));
        var identity = probe.ExpectMsg<ActorIdentity>();
        Assert.Equal("who", identity.MessageId);
        Assert.Equal(echo.Path.Uid, identity.Subject!.Path.Uid);

        probe.Watch(identity.Subject);
        probe.Send(identity.Subject, PoisonPill.Instance);
        Assert.Equal(identity.Subject, probe.ExpectTerminated(identity.Subject).ActorRef);
    }

    [Fact]
    public void Ten_thousand_messages_between_two_actors_arrive_in_order()
    {
        const int count = 10_000;
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        var echo = Alpha.ResolveRef($"{Beta.Address}/user/echo");

        for (var i = 0; i < count; i++)
        {
            probe.Send(echo, new Numbered(i));
        }

        var received = probe.ReceiveN(count, TimeSpan.FromSeconds(30)).Cast<Numbered>().Select(n => n.Number);
        Assert.Equal(Enumerable.Range(0, count), received);
    }

    [Fact]
    public void A_message_of_an_unregistered_type_is_dropped_counted_and_dead_lettered()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var deadLetters = TestProbe.Create(Alpha.System);
        Alpha.System.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var echo = Alpha.ResolveRef($"{Beta.Address}/user/echo");

        echo.Tell(new NotRegistered(7));

        Assert.Equal(new NotRegistered(7), deadLetters.ExpectMsg<DeadLetter>().Message);
        Assert.Equal(1, Alpha.Counters.DroppedOutbound);
    }

    [Fact]
    public void A_message_for_an_actor_that_does_not_exist_is_counted_and_the_node_keeps_serving()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);

        probe.Send(Alpha.ResolveRef($"{Beta.Address}/user/nobody-here"), new Text("lost"));
        probe.Send(Alpha.ResolveRef($"{Beta.Address}/user/echo"), new Text("still served"));

        Assert.Equal("still served", probe.ExpectMsg<Text>().Value);
        Assert.Equal(1, Beta.Counters.UnknownRecipients);
    }
}
