using System.Text.RegularExpressions;
using ClusterActors.Cli.LocalCluster;

namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>SPEC T3 with real processes: SIGTERM makes a node leave gracefully through the transitions before it leaves the membership.</summary>
[Collection(NodeProcessCollection.Name)]
public sealed class GracefulLeaveTests
{
    private static readonly TimeSpan FormDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeaveDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task T3_sigterm_runs_leaving_top_down_on_every_node_then_the_node_is_gone_from_the_members()
    {
        await using var cluster = await TestCluster.StartFormed(3, FormDeadline);
        var leaver = cluster.Layout.Nodes[0];
        var survivors = cluster.Layout.Nodes.Skip(1).ToList();
        var leaving = new Regex(@"\(level (?<level>\d+)\): Leaving " + Regex.Escape(leaver.NodeId) + "@");

        // Formed is a membership fact; the joins may still be travelling the levels, and a leave asked
        // while joining turns round at the level the join reached (T8). Once the leaver's join reached
        // the top level everywhere, its leave runs through every level.
        foreach (var node in cluster.Layout.Nodes)
        {
            await cluster.Running.ProcessOf(node).WaitForLine(new Regex(@"shared-file-system \(level 30\): Joining " + Regex.Escape(leaver.NodeId) + "@"), LeaveDeadline);
        }

        cluster.Running.ProcessOf(leaver).Signal(NodeSignal.Terminate);

        Assert.Equal(0, await cluster.Running.ProcessOf(leaver).WaitForExit(LeaveDeadline));
        var seen = await cluster.WithOutputOnFailure(() =>
            cluster.Watch.WaitForEachAsync(survivors, new MembershipGoal(survivors), TimeSpan.FromMilliseconds(50), LeaveDeadline, CancellationToken.None));
        Assert.All(seen, reading => Assert.DoesNotContain(reading.View!.Members, m => m.Node == leaver.Address));

        foreach (var node in cluster.Layout.Nodes)
        {
            var process = cluster.Running.ProcessOf(node);
            // The console logger writes on its own thread: wait for the last level's line before reading the order.
            await process.WaitForLine(new Regex(@"lock-manager \(level 10\): Leaving " + Regex.Escape(leaver.NodeId) + "@"), LeaveDeadline);
            var levels = LinesOf(process)
                .Select(line => leaving.Match(line))
                .Where(match => match.Success)
                .Select(match => int.Parse(match.Groups["level"].Value, System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            Assert.True(levels.SequenceEqual([30, 20, 10]), $"{node.NodeId} saw Leaving {leaver.NodeId} at levels {string.Join(", ", levels)}, not 30, 20, 10 once each:\n{process.Output}");
        }

        // The leaver left the membership only after its last level had finished the graceful leave.
        var leaverLines = LinesOf(cluster.Running.ProcessOf(leaver));
        var lastLevel = leaverLines.FindIndex(line => line.Contains("lock-manager (level 10): Leaving", StringComparison.Ordinal));
        var left = leaverLines.FindIndex(line => line.Contains(": left the cluster at epoch", StringComparison.Ordinal));
        Assert.True(lastLevel >= 0 && left > lastLevel, $"{leaver.NodeId} left the membership before its lock manager saw Leaving:\n{cluster.Running.ProcessOf(leaver).Output}");
    }

    private static List<string> LinesOf(NodeProcess process) => [.. process.Output.Split('\n')];
}
