using ClusterActors.Cli.LocalCluster;
using ClusterActors.Persistence.Devices;

namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>SPEC M8 with real processes and the real SQLite device file: the survivor of a pair keeps quorum by winning the race for the device.</summary>
[Collection(NodeProcessCollection.Name)]
public sealed class DeviceRaceTests
{
    private static readonly TimeSpan FormDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RaceDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task M8_the_survivor_of_a_pair_keeps_quorum_by_reserving_the_shared_device_even_without_the_crown()
    {
        await using var cluster = await TestCluster.StartFormed(2, FormDeadline);

        // node-2 is the crown prince: without the device, node-1 alone would have no quorum.
        var survivor = cluster.Layout.Nodes[0];
        var crownPrince = cluster.Layout.Nodes[1];
        cluster.Running.ProcessOf(crownPrince).Signal(NodeSignal.Kill);

        var seen = await cluster.WithOutputOnFailure(() =>
            cluster.Watch.WaitForEachAsync([survivor], new MembershipGoal([survivor]), TimeSpan.FromMilliseconds(20), RaceDeadline, CancellationToken.None));
        Assert.True(seen[0].View!.HasQuorum, cluster.Watch.Describe(seen) + cluster.Running.OutputTails());

        // The reservation is a row in the file the nodes share, held by the survivor.
        await using var devices = new SqliteQuorumDeviceStore(cluster.Layout.QuorumDeviceFile);
        var reservation = await devices.GetReservationAsync(LocalClusterLayout.SharedDevice);
        Assert.NotNull(reservation);
        Assert.Equal(survivor.NodeId, reservation.HolderNodeId);
    }
}
