using System.Text;
using ClusterActors.Actors;
using ClusterActors.Remoting.Tests.Support;
using ClusterActors.Remoting.Tests.Tcp;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Remoting.Tests.Refs;

/// <summary>
/// Authenticated peers that send nonsense at the message level: each envelope is counted, logged and
/// dropped by the receiving node, which keeps serving its other peers on the same and other connections.
/// </summary>
public sealed class RemoteBadInputTests : TwoTcpNodes
{
    private TcpTestNode rogue = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        rogue = await TcpTestNode.CreateAsync("rogue");
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
    }

    public override async Task DisposeAsync()
    {
        await rogue.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("test.no-such-type", "{}", "UnknownMessageTypes")]
    [InlineData("test.text", "{\"Value\": ", "UndeserializablePayloads")]
    [InlineData("test.text", "null", "UndeserializablePayloads")]
    [InlineData("test.numbered", "{\"Number\": \"seven\"}", "UndeserializablePayloads")]
    [InlineData("test.send-to", "{\"Target\": \"not a path\", \"Text\": \"x\"}", "UndeserializablePayloads")]
    public void A_bad_envelope_is_counted_and_dropped_while_other_peers_are_served(string typeId, string payload, string counter)
    {
        var deadLetters = TestProbe.Create(Beta.System);
        Beta.System.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var echoPath = $"{Beta.Address}/user/echo";

        rogue.Transport.Send(new OutboundEnvelope(Beta.Address, null, echoPath, $"{rogue.Address}/user/outbox", typeId, Encoding.UTF8.GetBytes(payload)));
        rogue.Transport.Send(new OutboundEnvelope(Beta.Address, null, $"{Beta.Address}/user/nobody", null, "test.text", Encoding.UTF8.GetBytes("{\"Value\":\"lost\"}")));

        // Another peer is served; the rogue's own connection survives too, since its next envelope (for
        // an actor that does not exist) is read and counted after the bad one.
        var probe = TestProbe.Create(Alpha.System);
        probe.Send(Alpha.ResolveRef(echoPath), new Text("from a well-behaved peer"));
        Assert.Equal("from a well-behaved peer", probe.ExpectMsg<Text>(TimeSpan.FromSeconds(10)).Value);
        probe.AwaitCondition(() => Count(Beta.Counters, counter) == 1 && Beta.Counters.UnknownRecipients == 1, TimeSpan.FromSeconds(10), $"{counter} and UnknownRecipients counted once each");

        Assert.Equal(0, Beta.Counters.MalformedFrames);
        deadLetters.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private static long Count(RemotingCounters counters, string name) => name switch
    {
        "UnknownMessageTypes" => counters.UnknownMessageTypes,
        "UndeserializablePayloads" => counters.UndeserializablePayloads,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a counter this test reads"),
    };
}
