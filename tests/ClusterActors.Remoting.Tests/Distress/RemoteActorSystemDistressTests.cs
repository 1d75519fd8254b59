using ClusterActors.Remoting.Tests.Support;
using ClusterActors.Remoting.Tests.Tcp;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Remoting.Tests.Distress;

public sealed class RemoteActorSystemDistressTests : TwoTcpNodes
{
    [Fact]
    public void S6_a_peer_s_distress_is_published_on_the_event_stream_as_DistressReceived()
    {
        var probe = TestProbe.Create(Beta.System);
        Beta.System.EventStream.Subscribe(probe.Ref, typeof(DistressReceived));
        var frame = DistressFrame.Build(Alpha.Identity);

        Alpha.EnsureConnected(Beta.Address);
        Eventually.That(() => ((TcpTransport)Alpha.Transport).HasOutboundConnection(Beta.Address), "alpha to connect to beta");
        Assert.True(Alpha.WriteDistress(Beta.Address, frame.Fill("power-loss", "on battery, 30 s left"), TimeSpan.FromSeconds(5)));

        Assert.Equal(
            new DistressReceived(Alpha.Address, "alpha", Alpha.Identity.Incarnation, "power-loss", "on battery, 30 s left"),
            probe.ExpectMsg<DistressReceived>());
    }
}
