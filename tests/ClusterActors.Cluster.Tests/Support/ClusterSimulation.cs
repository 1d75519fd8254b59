using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using ClusterActors.Persistence.Devices;
using ClusterActors.TestKit;

namespace ClusterActors.Cluster.Tests.Support;

/// <summary>A membership per simulated node over one shared in-memory device store, with every commit and stop recorded.</summary>
/// <remarks>
/// Every node lists every node as a seed, as an operator would. Nodes in <c>delayed</c> start their
/// actor system with the others but their membership only when the test says (a node that joins
/// later). The recorder sees each node's events in the node's own actor turn, so the record is in
/// simulation order and replays with the seed.
/// </remarks>
public sealed class ClusterSimulation
{
    private readonly Func<SimulatedNode, MembershipSettings> settingsFor;
    private readonly HashSet<int> delayed;
    private readonly Dictionary<SimulatedNode, ClusterMembershipHandle> handles = [];

    private ClusterSimulation(int nodeCount, int seed, Func<SimulatedNode, MembershipSettings, MembershipSettings>? configure, IEnumerable<int>? delayedNodes)
    {
        delayed = [.. delayedNodes ?? []];
        var addresses = Enumerable.Range(1, nodeCount).Select(i => RemoteAddressOf($"node{i}")).ToImmutableArray();
        settingsFor = node =>
        {
            var settings = new MembershipSettings { SeedNodes = addresses, RandomSeed = seed * 31 + node.Index };
            return configure?.Invoke(node, settings) ?? settings;
        };

        Options = new SimulationOptions
        {
            Seed = seed,
            NodeCount = nodeCount,
            RegisterMessages = registry =>
            {
                ClusterMembership.RegisterMessages(registry);
                ClusterTransitions.RegisterMessages(registry);
            },
            SetupNode = node =>
            {
                simulation ??= node.Simulation;
                if (!delayed.Contains(node.Index) || node.Runs > 1)
                {
                    StartMembership(node);
                }
            },
        };
    }

    private Simulation? simulation;

    /// <summary>The options that start this cluster's simulation (for <see cref="SimulationProperty.Run"/>, which prints the trace of a failing seed).</summary>
    public SimulationOptions Options { get; }

    /// <summary>The underlying simulation (once started).</summary>
    public Simulation Simulation => simulation ?? throw new InvalidOperationException("The simulation has not started: use Start, or run Options.");

    /// <summary>The shared quorum/fencing device store (the "shared database").</summary>
    public InMemoryQuorumDeviceStore Devices { get; } = new();

    /// <summary>Every commit, in order: which run committed which cluster.</summary>
    public List<(ClusterMember Node, CommittedCluster Cluster, CommittedCluster Previous)> Commits { get; } = [];

    /// <summary>Every stop (lost quorum or excluded), in order.</summary>
    public List<MembershipStopped> Stops { get; } = [];

    /// <summary>The nodes.</summary>
    public IReadOnlyList<SimulatedNode> Nodes => Simulation.Nodes;

    /// <summary>Starts <paramref name="nodeCount"/> nodes; <paramref name="configure"/> adjusts each node's settings.</summary>
    public static ClusterSimulation Start(int nodeCount, int seed = 1, Func<SimulatedNode, MembershipSettings, MembershipSettings>? configure = null, IEnumerable<int>? delayedNodes = null)
    {
        var cluster = Prepare(nodeCount, seed, configure, delayedNodes);
        Simulation.Start(cluster.Options);
        return cluster;
    }

    /// <summary>Prepares the cluster without starting it: run <see cref="Options"/> yourself.</summary>
    public static ClusterSimulation Prepare(int nodeCount, int seed = 1, Func<SimulatedNode, MembershipSettings, MembershipSettings>? configure = null, IEnumerable<int>? delayedNodes = null) =>
        new(nodeCount, seed, configure, delayedNodes);

    /// <summary>The address simulated node <paramref name="name"/> has.</summary>
    public static Address RemoteAddressOf(string name) => ClusterActors.Remoting.RemoteAddress.Create("sim", name, 2552);

    /// <summary>Runs on each node just before its membership starts (the transitions and their subsystems start there).</summary>
    public Action<SimulatedNode>? BeforeMembership { get; set; }

    /// <summary>Starts the membership on a node that was started without it.</summary>
    public void StartMembership(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        BeforeMembership?.Invoke(node);
        var recorder = node.System.ActorOf(Props.Create(() => new EventRecorder(this, node)), "membership-recorder");
        node.System.EventStream.Subscribe(recorder, typeof(MembershipChanged));
        node.System.EventStream.Subscribe(recorder, typeof(MembershipStopped));
        handles[node] = ClusterMembership.Start(node.Remote, settingsFor(node), Devices);
    }

    /// <summary>Asks a node's coordinator for its state, stepping the simulation until it answers.</summary>
    public ClusterStateSnapshot State(SimulatedNode node)
    {
        var asking = handles[node].Client.GetStateAsync();
        Simulation.RunUntil(() => asking.IsCompleted, TimeSpan.FromSeconds(5), $"{node.Name} answering GetClusterState");
        return asking.GetAwaiter().GetResult();
    }

    /// <summary>The membership coordinator (<c>/system/membership</c>) of a node's current run, to tell it what another local actor would.</summary>
    public IActorRef Coordinator(SimulatedNode node) => handles[node].Coordinator;

    /// <summary>Sends an operator request to a node's coordinator, stepping until it answers.</summary>
    public MembershipCommandResult Command(SimulatedNode node, Func<IClusterMembershipClient, Task<MembershipCommandResult>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var asking = command(handles[node].Client);
        Simulation.RunUntil(() => asking.IsCompleted, TimeSpan.FromSeconds(5), $"{node.Name} answering a command");
        return asking.GetAwaiter().GetResult();
    }

    /// <summary>The last cluster the current run of <paramref name="node"/> committed (None if it never did), and whether it stopped since.</summary>
    public (CommittedCluster Cluster, bool Stopped) LastOf(SimulatedNode node) =>
        latest.GetValueOrDefault(Member(node), (CommittedCluster.None, false));

    private readonly Dictionary<ClusterMember, (CommittedCluster Cluster, bool Stopped)> latest = [];

    /// <summary>The current run of <paramref name="node"/> as a member.</summary>
    public static ClusterMember Member(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new ClusterMember(node.Name, node.Address, node.Incarnation);
    }

    /// <summary>True when every node in <paramref name="expected"/> has committed the same cluster, made of exactly their current runs, and none stopped since.</summary>
    public bool Agreed(params SimulatedNode[] expected)
    {
        var members = expected.Select(Member).ToList();
        CommittedCluster? first = null;
        foreach (var node in expected)
        {
            var (cluster, stopped) = LastOf(node);
            if (stopped || cluster.IsEmpty || cluster.Members.Length != members.Count || !members.All(cluster.Contains))
            {
                return false;
            }

            if (first is not null && !first.SameAs(cluster))
            {
                return false;
            }

            first = cluster;
        }

        return first is not null;
    }

    /// <summary>True when the current run of <paramref name="node"/> was put out of a cluster for good (it must restart to come back).</summary>
    public bool IsExcluded(SimulatedNode node) =>
        node.IsRunning && Stops.Any(stop => stop.Excluded && stop.Self == Member(node));

    /// <summary>
    /// Steps until every node agrees on a cluster of all of them, restarting any run that was excluded
    /// on the way, as a node's supervisor would (an excluded run never comes back by itself).
    /// </summary>
    public CommittedCluster RunUntilAllAgreedRestartingExcluded(TimeSpan within)
    {
        var deadline = Simulation.Elapsed + within;
        while (true)
        {
            Simulation.RunUntil(() => Agreed([.. Nodes]) || Nodes.Any(IsExcluded) || Simulation.Elapsed > deadline, within, "agreement or an exclusion");
            if (Agreed([.. Nodes]))
            {
                return LastOf(Nodes[0]).Cluster;
            }

            if (Simulation.Elapsed > deadline)
            {
                throw new TestKitFailureException($"Simulation seed {Simulation.Seed}: the nodes did not agree on one cluster of all of them within {within.TotalMilliseconds} ms of virtual time.");
            }

            foreach (var node in Nodes.Where(IsExcluded).ToList())
            {
                Simulation.Crash(node);
                Simulation.Restart(node);
            }
        }
    }

    /// <summary>Steps until <paramref name="expected"/> agree on a cluster of exactly themselves; returns it.</summary>
    public CommittedCluster RunUntilAgreed(TimeSpan within, params SimulatedNode[] expected)
    {
        Simulation.RunUntil(() => Agreed(expected), within, $"[{string.Join(", ", expected.Select(node => node.Name))}] agreeing on one cluster of exactly themselves");
        return LastOf(expected[0]).Cluster;
    }

    /// <summary>
    /// Invariant (SPEC M4, M8): no cluster forks. Two reconfigurations that commit the same epoch from
    /// overlapping previous clusters commit the same members.
    /// </summary>
    /// <remarks>
    /// First formations (no previous cluster) are left out: nodes that never heard of each other may
    /// each form a cluster from whoever answered them (SPEC M3), and a generation of new runs that
    /// remembers no earlier epoch starts again at 1.
    /// </remarks>
    public string? OneClusterPerEpoch()
    {
        foreach (var group in Commits.Where(commit => !commit.Previous.IsEmpty).GroupBy(commit => commit.Cluster.Epoch))
        {
            foreach (var one in group)
            {
                foreach (var other in group)
                {
                    if (!CommittedCluster.SameMembers(one.Cluster.Members, other.Cluster.Members) && one.Previous.Members.Any(other.Previous.Contains))
                    {
                        return $"epoch {group.Key}: {one.Node} committed {one.Cluster} after {one.Previous}, {other.Node} committed {other.Cluster} after {other.Previous}";
                    }
                }
            }
        }

        return null;
    }

    private void OnEvent(SimulatedNode node, object evt)
    {
        switch (evt)
        {
            case MembershipChanged changed:
                Commits.Add((changed.Self, changed.Cluster, changed.Previous));
                latest[changed.Self] = (changed.Cluster, false);
                Simulation.Record($"{node.Name} committed {changed.Cluster}");
                break;
            case MembershipStopped stopped:
                Stops.Add(stopped);
                latest[stopped.Self] = (latest.GetValueOrDefault(stopped.Self, (CommittedCluster.None, false)).Item1, true);
                Simulation.Record($"{node.Name} stopped{(stopped.Excluded ? " (excluded)" : "")}: {stopped.Reason}");
                break;
        }
    }

    private sealed class EventRecorder : ReceiveActor
    {
        public EventRecorder(ClusterSimulation owner, SimulatedNode node) => ReceiveAny(evt => owner.OnEvent(node, evt));
    }
}
