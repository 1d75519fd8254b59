using System.Net;
using System.Net.NetworkInformation;
using ClusterActors.Node.Hosting;

namespace ClusterActors.Node.Tests.Hosting;

/// <summary>SPEC S4's network-down trigger: when the cluster address has no interface that is up, the node sends its distress.</summary>
public sealed class ClusterInterfaceWatchTests
{
    private static readonly IPAddress Cluster = IPAddress.Parse("10.0.0.5");

    [Fact]
    public void S4_the_cluster_interface_going_down_or_losing_the_address_is_network_down()
    {
        Assert.Null(ClusterInterfaceWatch.WhyDown(Cluster, [("eth0", OperationalStatus.Up, [Cluster]), ("lo", OperationalStatus.Up, [IPAddress.Loopback])]));
        Assert.Equal(
            "the interface carrying the cluster address 10.0.0.5 (eth0 Down) is down",
            ClusterInterfaceWatch.WhyDown(Cluster, [("eth0", OperationalStatus.Down, [Cluster]), ("lo", OperationalStatus.Up, [IPAddress.Loopback])]));
        Assert.Equal(
            "no interface carries the cluster address 10.0.0.5 any more",
            ClusterInterfaceWatch.WhyDown(Cluster, [("eth0", OperationalStatus.Up, [IPAddress.Parse("10.0.0.6")])]));
    }

    [Fact]
    public void Loopback_and_wildcard_binds_are_not_watched()
    {
        Assert.False(ClusterInterfaceWatch.IsWatchable(IPAddress.Loopback));
        Assert.False(ClusterInterfaceWatch.IsWatchable(IPAddress.Any));
        Assert.False(ClusterInterfaceWatch.IsWatchable(IPAddress.IPv6Any));
        Assert.True(ClusterInterfaceWatch.IsWatchable(Cluster));
        Assert.Null(ClusterInterfaceWatch.Start("127.0.0.1", _ => { }));
    }
}
