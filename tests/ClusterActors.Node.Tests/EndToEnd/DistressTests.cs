using System.Text.RegularExpressions;
using ClusterActors.Cli.LocalCluster;

namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>SPEC S3–S6 with real processes: a member's distress makes the others agree on the membership without it, through the distress path.</summary>
[Collection(NodeProcessCollection.Name)]
public sealed class DistressTests
{
    private static readonly TimeSpan FormDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task S6_clusterctl_distress_hardware_makes_the_others_agree_on_the_two_member_membership()
    {
        await using var cluster = await TestCluster.StartFormed(3, FormDeadline);
        var victim = cluster.Layout.Nodes[0];
        var survivors = cluster.Layout.Nodes.Skip(1).ToList();

        await using (var clusterctl = NodeProcess.Start(new NodeProcessStart(
            "clusterctl",
            ["distress", "hardware", "--reason", "ECC errors", "--url", victim.ManagementUrl.AbsoluteUri, "--token", cluster.Layout.Token])
        {
            ProgramPath = Path.Combine(AppContext.BaseDirectory, "clusterctl.dll"),
        }))
        {
            Assert.Equal(0, await clusterctl.WaitForExit(Deadline));
            Assert.Contains("Distress (hardware) written to 2 of 2 members", clusterctl.Output, StringComparison.Ordinal);
        }

        await AssertSurvivorsAgreedThroughTheDistress(cluster, victim, survivors, "hardware");
        await cluster.Running.ProcessOf(victim).WaitForLine(new Regex(@"distress sent \(Sync, kind hardware\): ECC errors"), Deadline);

        // S5: it gave up every role and went away; a restart is a new incarnation (exit 3: excluded).
        Assert.Equal(3, await cluster.Running.ProcessOf(victim).WaitForExit(Deadline));
    }

    [Fact]
    public async Task S6_sigpwr_sends_the_distress_asynchronously_and_the_others_agree_on_the_two_member_membership()
    {
        await using var cluster = await TestCluster.StartFormed(3, FormDeadline);
        var victim = cluster.Layout.Nodes[0];
        var survivors = cluster.Layout.Nodes.Skip(1).ToList();

        cluster.Running.ProcessOf(victim).Signal(NodeSignal.PowerFailure);

        await AssertSurvivorsAgreedThroughTheDistress(cluster, victim, survivors, "power-loss");
        await cluster.Running.ProcessOf(victim).WaitForLine(new Regex(@"distress sent \(Async, kind power-loss\)"), Deadline);
    }

    private static async Task AssertSurvivorsAgreedThroughTheDistress(TestCluster cluster, LocalNode victim, List<LocalNode> survivors, string kind)
    {
        var seen = await cluster.WithOutputOnFailure(() =>
            cluster.Watch.WaitForEachAsync(survivors, new MembershipGoal(survivors), TimeSpan.FromMilliseconds(20), Deadline, CancellationToken.None));
        var report = cluster.Watch.Describe(seen) + cluster.Running.OutputTails();
        Assert.True(seen.Select(r => r.View!.Epoch).Distinct().Count() == 1, "the survivors installed the new membership at different epochs:\n" + report);
        Assert.All(seen, reading => Assert.DoesNotContain(reading.View!.Members, m => m.Node == victim.Address));

        // Through the distress, not the heartbeat timeout: each survivor logged the distress it acted on.
        foreach (var survivor in survivors)
        {
            await cluster.Running.ProcessOf(survivor).WaitForLine(
                new Regex(@"distress from member " + Regex.Escape(victim.NodeId) + @"@\S+ \(kind " + Regex.Escape(kind) + @"\)"), Deadline);
        }
    }
}
