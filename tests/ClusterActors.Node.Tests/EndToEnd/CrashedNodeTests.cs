using ClusterActors.Cli.LocalCluster;

namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>SPEC M7 with real processes: a member that dies without a word is removed, and the rest keep going.</summary>
[Collection(NodeProcessCollection.Name)]
public sealed class CrashedNodeTests
{
    private static readonly TimeSpan FormDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RemovalDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task M7_sigkilled_node_leaves_and_survivors_keep_quorum()
    {
        await using var cluster = await TestCluster.StartFormed(3, FormDeadline);
        var victim = cluster.Layout.Nodes[0];
        var survivors = cluster.Layout.Nodes.Skip(1).ToList();

        cluster.Running.ProcessOf(victim).Signal(NodeSignal.Kill);

        // Each survivor's first answer that lists exactly the two survivors, Up, with quorum.
        var seen = await cluster.WithOutputOnFailure(() =>
            cluster.Watch.WaitForEachAsync(survivors, new MembershipGoal(survivors), TimeSpan.FromMilliseconds(20), RemovalDeadline, CancellationToken.None));
        var views = seen.Select(r => r.View!).ToList();
        var report = cluster.Watch.Describe(seen) + cluster.Running.OutputTails();
        Assert.True(views.All(v => v.HasQuorum), report);
        Assert.True(views[0].Epoch == views[1].Epoch, "the survivors installed the new membership at different epochs:\n" + report);
        Assert.True(
            views[0].Members.Select(m => m.Node).Order().SequenceEqual(views[1].Members.Select(m => m.Node).Order()),
            "the survivors list different members:\n" + report);
        Assert.All(views, v => Assert.DoesNotContain(v.Members, m => m.Node == victim.Address));
        Assert.Equal(137, await cluster.Running.ProcessOf(victim).WaitForExit(RemovalDeadline));
    }
}
