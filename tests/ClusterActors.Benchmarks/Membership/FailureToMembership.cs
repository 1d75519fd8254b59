using System.Globalization;
using ClusterActors.Benchmarks.Harness;
using ClusterActors.Cli.LocalCluster;

namespace ClusterActors.Benchmarks.Membership;

/// <summary>
/// One run of a failure-to-membership figure: N real node processes on loopback with the default
/// timing settings form a cluster; one member that is not the crown prince fails (the trigger: a
/// SIGKILL, a distress signal …); the figure is the time from the trigger until the last survivor's
/// <c>GET /cluster/members</c> lists exactly the survivors, Up, with quorum.
/// </summary>
internal static class FailureToMembership
{
    /// <summary>The management token of every benchmark node, for triggers that need one.</summary>
    public const string Token = "membership-benchmark-token";

    private static readonly TimeSpan FormDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RemovalDeadline = TimeSpan.FromSeconds(20);

    // Each survivor is asked on its own about every 2 ms, so a survivor's figure is late by at most one request and one interval.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>SIGKILL: the heartbeat path.</summary>
    public static Task Kill(RunningCluster cluster, LocalNode victim, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        cluster.ProcessOf(victim).Signal(NodeSignal.Kill);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Milliseconds from <paramref name="trigger"/> until every survivor showed the new membership
    /// (run 0 is the warm-up); <paramref name="metric"/> names the figure in the progress lines.
    /// </summary>
    public static async Task<double> MeasureAsync(
        int nodes,
        string metric,
        Func<RunningCluster, LocalNode, HttpClient, Task> trigger,
        BenchmarkReport report,
        int run,
        Func<LocalNode, HttpClient, Task>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(report);
        var directory = Directory.CreateTempSubdirectory("clusteractors-bench-membership-");
        try
        {
            var free = LocalPorts.PickFree(2 * nodes);
            var layout = LocalClusterLayout.Plan(new LocalClusterOptions
            {
                Nodes = nodes,
                Ports = [.. Enumerable.Range(0, nodes).Select(i => new NodePorts(free[2 * i], free[2 * i + 1]))],
                Directory = directory.FullName,
                Secret = "membership-benchmark-secret",
                Token = Token,
            });
            layout.Write();
            await using var cluster = await RunningCluster.Start(layout);
            using var http = new HttpClient();
            var watch = new MembershipWatch(http, layout, TimeProvider.System);
            var formed = await cluster.WaitUntilFormedAsync(watch, TimeSpan.FromMilliseconds(50), FormDeadline, progress: null, CancellationToken.None);

            var crownPrince = formed[0].View!.CrownPrince;
            var victim = layout.Nodes.First(n => n.Address != crownPrince);
            var survivors = layout.Nodes.Where(n => n != victim).ToList();
            await watch.ReadAllAsync(survivors, CancellationToken.None); // open the connections before the clock starts
            if (prepare is not null)
            {
                await prepare(victim, http);
            }

            var triggeredAt = TimeProvider.System.GetTimestamp();
            await trigger(cluster, victim, http);
            IReadOnlyList<MembershipReading> seen;
            try
            {
                seen = await watch.WaitForEachAsync(survivors, new MembershipGoal(survivors), PollInterval, RemovalDeadline, CancellationToken.None);
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException(ex.Message + cluster.OutputTails(), ex);
            }

            var perSurvivor = seen.Select(r => (r.Node.NodeId, Ms: TimeProvider.System.GetElapsedTime(triggeredAt, r.Timestamp).TotalMilliseconds)).ToList();
            var epochs = seen.Select(r => r.View!.Epoch).Distinct().ToList();
            report.Progress(string.Create(
                CultureInfo.InvariantCulture,
                $"{metric} {(run == 0 ? "warm-up run" : $"run {run}")}: {victim.NodeId} failed (crown prince {(crownPrince is null ? "none" : layout.NameOf(crownPrince))}); seen by {string.Join(", ", perSurvivor.Select(s => $"{s.NodeId} {s.Ms:0} ms"))}; epoch {formed[0].View!.Epoch} -> {string.Join("/", epochs)}{(epochs.Count > 1 ? " (SURVIVORS DISAGREE)" : "")}"));
            return perSurvivor.Max(s => s.Ms);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
