using System.Text.RegularExpressions;
using ClusterActors.Cli.LocalCluster;

namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>clusterctl's local cluster with real node processes: the generated files start nodes, waits end with clear messages, signals stop every node.</summary>
[Collection(NodeProcessCollection.Name)]
public sealed class LocalClusterProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Nodes_start_from_the_generated_files_under_their_ids_and_ports_and_stop_with_exit_0()
    {
        await using var cluster = await TestCluster.Start(3, Deadline);

        foreach (var node in cluster.Layout.Nodes)
        {
            var process = cluster.Running.ProcessOf(node);
            Assert.Equal(node.ManagementUrl, await process.WaitForManagementAddress(Deadline));
            await process.WaitForLine(new Regex($"is up at {Regex.Escape(node.Address)} as node {node.NodeId},"), Deadline);
        }

        var exits = await cluster.Running.StopAsync(Deadline);

        Assert.All(exits, exit => Assert.Equal(new NodeExit(exit.Node, 0, Killed: false), exit));
    }

    [Fact]
    public async Task A_cluster_that_cannot_form_times_out_naming_every_node_and_its_last_answer()
    {
        // node-2 is gone as soon as it serves: every node must agree, so this can never form.
        await using var cluster = await TestCluster.Start(2, Deadline);
        await cluster.Running.ProcessOf(cluster.Layout.Nodes[1]).DisposeAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            cluster.Watch.WaitForAgreementAsync(cluster.Layout.Nodes, new MembershipGoal(cluster.Layout.Nodes), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), null, CancellationToken.None));

        Assert.StartsWith("2 nodes did not agree within 2 s on node-1, node-2 as the Up members, with quorum", error.Message, StringComparison.Ordinal);
        Assert.Contains($"  node-1 ({cluster.Layout.Nodes[0].ManagementUrl.AbsoluteUri.TrimEnd('/')}): ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"  node-2 ({cluster.Layout.Nodes[1].ManagementUrl.AbsoluteUri.TrimEnd('/')}): not answering", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clusterctl_local_cluster_prefixes_node_output_and_on_sigterm_stops_every_node_and_exits_0()
    {
        using var dir = new TempDirectory();
        var (basePort, httpBasePort) = TwoFreeRanges(2);
        await using var clusterctl = NodeProcess.Start(new NodeProcessStart(
            "clusterctl",
            ["local-cluster", "--nodes", "2", "--base-port", $"{basePort}", "--http-base-port", $"{httpBasePort}", "--dir", dir.Path])
        {
            ProgramPath = Path.Combine(AppContext.BaseDirectory, "clusterctl.dll"),
        });
        await clusterctl.WaitForLine(new Regex(@"^\[node-1\] .*management at http://127\.0\.0\.1:" + httpBasePort), Deadline);
        await clusterctl.WaitForLine(new Regex(@"^\[node-2\] .*management at http://127\.0\.0\.1:" + (httpBasePort + 1)), Deadline);

        clusterctl.Signal(NodeSignal.Terminate);

        Assert.Equal(0, await clusterctl.WaitForExit(Deadline));
        Assert.Contains("[local-cluster] node-1 exited with code 0", clusterctl.Output, StringComparison.Ordinal);
        Assert.Contains("[local-cluster] node-2 exited with code 0", clusterctl.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "node-2.conf")));
    }

    private static (int Remote, int Management) TwoFreeRanges(int count)
    {
        while (true)
        {
            var remote = LocalPorts.PickFreeRange(count);
            var management = LocalPorts.PickFreeRange(count);
            if (Math.Abs(remote - management) >= count)
            {
                return (remote, management);
            }
        }
    }
}
