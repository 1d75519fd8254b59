using System.Text;
using ClusterActors.Actors;
using Xunit;

namespace ClusterActors.Remoting.Tests.InMemory;

public sealed class InMemoryRealClockTests
{
    [Fact]
    public async Task On_the_system_clock_each_pair_is_still_delivered_in_order()
    {
        var network = new InMemoryNetwork(TimeProvider.System, latency: TimeSpan.FromMilliseconds(1));
        var received = new WaitableList<string>(500);
        var a = network.CreateTransport(SimulatedNetwork.Settings("a"));
        var b = network.CreateTransport(SimulatedNetwork.Settings("b"));
        await a.BindAsync();
        await b.BindAsync();
        a.Start(new Recorder(new WaitableList<string>(0)));
        b.Start(new Recorder(received));

        for (var i = 0; i < 500; i++)
        {
            Assert.True(a.Send(new OutboundEnvelope(b.LocalIdentity.Address, null, "/user/x", null, "test.text", Encoding.UTF8.GetBytes($"{i}"))));
        }

        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"{i}"), await received.Expected());
        await a.ShutdownAsync();
        await b.ShutdownAsync();
    }

    private sealed class Recorder(WaitableList<string> texts) : ITransportEvents
    {
        public void OnMessage(NodeIdentity peer, PeerDiagnostics diagnostics, in EnvelopeView envelope) => texts.Add(Encoding.UTF8.GetString(envelope.Payload));

        public void OnIncarnationGone(Address address, long incarnation, string reason) => texts.Add($"gone {address}");

        public void OnDistress(NodeIdentity peer, PeerDiagnostics diagnostics, DistressNotice notice) => texts.Add($"distress {peer.Address}");
    }
}
