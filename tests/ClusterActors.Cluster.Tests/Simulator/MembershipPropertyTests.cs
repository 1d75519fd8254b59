using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using ClusterActors.Persistence.Devices;
using ClusterActors.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClusterActors.Cluster.Tests.Simulator;

/// <summary>Membership safety and liveness over many seeds: crashes, restarts, partitions, loss, delay, duplication and reordering.</summary>
public sealed class MembershipPropertyTests(ITestOutputHelper output)
{
    private const int Nodes = 5;

    [Fact]
    public void M4_M8_M9_under_random_faults_one_cluster_per_epoch_fenced_runs_never_write_and_the_cluster_converges_after_healing()
    {
        var seeds = SimulationProperty.Seeds(defaultCount: 100);
        var stats = new List<(int Commits, int Stops, int FencedWrites)>();
        foreach (var seed in seeds)
        {
            var cluster = ClusterSimulation.Prepare(Nodes, seed, (_, settings) => settings with
            {
                Devices = MembershipSettings.NoDevices with { Devices = [new QuorumDeviceDefinition("disk", ["node1", "node2", "node3", "node4", "node5"])] },
            });
            var options = Environment.GetEnvironmentVariable("SIM_LOG") is null ? cluster.Options : cluster.Options with { LoggerFactory = new TestOutputLoggerFactory(output, Environment.GetEnvironmentVariable("SIM_LOG") == "debug" ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Information) };
            SimulationProperty.Run(options, _ => stats.Add(Scenario(cluster, seed)));
        }

        var total = stats.Aggregate((Commits: 0, Stops: 0, FencedWrites: 0), (sum, s) => (sum.Commits + s.Commits, sum.Stops + s.Stops, sum.FencedWrites + s.FencedWrites));
        output.WriteLine($"{seeds.Count} seeds: {total.Commits} commits, {total.Stops} stops, {total.FencedWrites} writes refused by a fence");

        // The property must have exercised what it claims to check.
        Assert.True(total.Stops > 0, "No node ever lost quorum: the faults were too weak to test anything.");
        Assert.True(total.FencedWrites > 0, "No fenced run ever tried to write: the fencing check tested nothing.");
    }

    private static (int Commits, int Stops, int FencedWrites) Scenario(ClusterSimulation cluster, int seed)
    {
        var simulation = cluster.Simulation;
        var writes = new DeviceWriteLedger(cluster);
        simulation.AddInvariant("one cluster per epoch", cluster.OneClusterPerEpoch);
        simulation.AddInvariant("a fenced run never writes", () => writes.Violation);
        cluster.RunUntilAgreed(TimeSpan.FromSeconds(10), [.. cluster.Nodes]);

        // Faults for a while: the network misbehaves, nodes crash and come back as new runs.
        var dice = new Random(seed);
        simulation.ScheduleRandomFaults(TimeSpan.FromMilliseconds(400), SimulatedFaults.Lossy | SimulatedFaults.Duplicate | SimulatedFaults.Reorder);
        for (var step = 0; step < 12; step++)
        {
            simulation.RunFor(TimeSpan.FromMilliseconds(200 + dice.Next(600)));
            writes.WriteFromEveryServingNode();
            var node = cluster.Nodes[dice.Next(Nodes)];
            switch (dice.Next(4))
            {
                case 0 when node.IsRunning && cluster.Nodes.Count(n => n.IsRunning) > 2:
                    simulation.Crash(node);
                    break;
                case 1 when !node.IsRunning:
                    simulation.Restart(node);
                    break;
            }
        }

        // Faults stop; every node that is down or was put out comes back as a new run.
        simulation.HealAll();
        foreach (var node in cluster.Nodes)
        {
            if (node.IsRunning && cluster.LastOf(node).Stopped)
            {
                simulation.Crash(node);
            }

            if (!node.IsRunning)
            {
                simulation.Restart(node);
            }
        }

        try
        {
            cluster.RunUntilAllAgreedRestartingExcluded(TimeSpan.FromSeconds(30));
        }
        catch (TestKitFailureException)
        {
            foreach (var node in cluster.Nodes)
            {
                var state = cluster.State(node);
                simulation.Record($"at the deadline {node.Name}: frames in {node.Remote.Counters.FramesIn} out {node.Remote.Counters.FramesOut} dropped {node.Remote.Counters.DroppedOutbound} unknownRecipients {node.Remote.Counters.UnknownRecipients} {state.Status} epoch {state.Epoch} [{string.Join(", ", state.Members.Select(m => m.Member))}] {state.Reason}");
            }

            throw;
        }

        writes.WriteFromEveryServingNode();
        return (cluster.Commits.Count, cluster.Stops.Count, writes.Refused);
    }

    /// <summary>Writes through the shared device from every node that believes it serves, and checks each outcome against the commits so far.</summary>
    private sealed class DeviceWriteLedger(ClusterSimulation cluster)
    {
        public string? Violation { get; private set; }

        public int Refused { get; private set; }

        public void WriteFromEveryServingNode()
        {
            foreach (var node in cluster.Nodes.Where(node => node.IsRunning))
            {
                var run = ClusterSimulation.Member(node);
                var (current, stopped) = cluster.LastOf(node);
                if (stopped || current.IsEmpty)
                {
                    continue;
                }

                // The in-memory store completes at once: no thread leaves the simulation.
                var outcome = cluster.Devices.TryWriteAsync("disk", run.NodeId, "owner", BitConverter.GetBytes(run.Incarnation)).GetAwaiter().GetResult();
                if (outcome == DeviceWriteOutcome.Fenced)
                {
                    Refused++;
                }
                else if (ExcludedAndNotReadmitted(run) is { } exclusion)
                {
                    Violation ??= $"{run} wrote through the device after {exclusion.Node} committed {exclusion.Cluster} without it";
                }
            }
        }

        private (ClusterMember Node, CommittedCluster Cluster)? ExcludedAndNotReadmitted(ClusterMember run)
        {
            var commits = cluster.Commits;
            var excludedAt = commits.FindIndex(commit => commit.Previous.Contains(run) && !commit.Cluster.Contains(run));
            if (excludedAt < 0)
            {
                return null;
            }

            // Readmitted: a later cluster took the node in again (a new run, or this run petitioning again after
            // it stopped, SPEC M10) and lifted its fence when it committed.
            var readmitted = commits.Skip(excludedAt + 1).Any(commit => commit.Cluster.Members.Any(member => member.NodeId == run.NodeId));
            return readmitted ? null : (commits[excludedAt].Node, commits[excludedAt].Cluster);
        }
    }
}
