using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using ClusterActors.Cluster.Transitions;
using Xunit;

namespace ClusterActors.Cluster.Tests.Transitions;

/// <summary>
/// The two-node examples of seed 002 (EP 0 750 256, Figs. 3–15), on the simulator. N0 is node1 and N1
/// is node2 (node2 has the higher number, so it is the crown prince that survives a split pair).
/// Levels: lock manager 10 (DLM), virtual disk 20 (VDM), shared file system 30 (SFS), event manager 100.
/// </summary>
public sealed class SeedScenarioTests
{
    private static readonly string[] KernelThenUser = ["lock-manager", "virtual-disk", "shared-file-system", "event-manager"];

    private static TransitionCluster TwoNodesFirstAlone() =>
        TransitionCluster.Start(2, delayedNodes: [1], membership: (_, settings) => settings with { IsolationPolicy = IsolationPolicy.Form });

    [Fact]
    public void Figs_3_to_7_N0_forms_the_cluster_and_its_subsystems_join_it_bottom_up()
    {
        var cluster = TwoNodesFirstAlone();
        cluster.RunUntilSettled([cluster.Node("node1")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Joined });

        var seen = cluster.Notices("node1").Select(evt => (evt.Subsystem, evt.Transitions.Single().State, evt.Transitions.Single().Node.NodeId)).ToList();
        Assert.Equal(KernelThenUser.Select(name => (name, NodeTransitionState.Joining, "node1")), seen);
        AssertEachAcknowledgedBeforeTheNext(cluster, "node1", "node1");
    }

    [Fact]
    public void Figs_8_to_10_N1_joins_and_both_nodes_process_it_level_by_level()
    {
        var cluster = TwoNodesFirstAlone();
        cluster.RunUntilSettled([cluster.Node("node1")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Joined });
        var before = cluster.Events.Count;

        cluster.Membership.StartMembership(cluster.Node("node2"));
        cluster.RunUntilSettled(cluster.Nodes, new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Joined, ["node2"] = NodeTransitionState.Joined });

        var join = cluster.Events.Skip(before).Where(evt => evt.What == TransitionEventKind.Notified && evt.Transitions.Any(t => t.Node.NodeId == "node2")).ToList();
        Assert.Equal(KernelThenUser.SelectMany(name => new[] { name, name }), join.Select(evt => evt.Subsystem));
        foreach (var level in join.Chunk(2))
        {
            Assert.Equal(["node1", "node2"], level.Select(evt => evt.Node).Order());
        }

        // Both nodes' DLMs acknowledged before either VDM heard of the join, and so on up.
        AssertEachAcknowledgedBeforeTheNext(cluster, "node2", "node1", "node2");
        var nodes = join[0].Nodes.ToDictionary(entry => entry.Node.NodeId, entry => entry.State);
        Assert.Equal(NodeTransitionState.Joined, nodes["node1"]);
    }

    [Fact]
    public void Figs_11_and_12_N0_leaves_gracefully_top_down_and_then_leaves_the_membership()
    {
        var cluster = TransitionCluster.Start(2);
        cluster.RunUntilSettled(cluster.Nodes, new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Joined, ["node2"] = NodeTransitionState.Joined });
        var before = cluster.Events.Count;

        var answer = cluster.Leave(cluster.Node("node1"), cluster.Node("node1"));
        Assert.Equal(MembershipCommandOutcome.Accepted, answer.Outcome);
        cluster.RunUntilSettled([cluster.Node("node2")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive, ["node2"] = NodeTransitionState.Joined });
        cluster.Membership.RunUntilAgreed(TimeSpan.FromSeconds(10), cluster.Node("node2"));

        var leave = cluster.Events.Skip(before).Where(evt => evt.What == TransitionEventKind.Notified).ToList();
        Assert.Equal(KernelThenUser.Reverse().SelectMany(name => new[] { name, name }), leave.Select(evt => evt.Subsystem));
        Assert.All(leave, evt => Assert.Equal(NodeTransitionState.Leaving, evt.Transitions.Single().State));
        AssertEachAcknowledgedBeforeTheNext(cluster, "node1", "node1", "node2");

        // node1's event manager was de-registered first, its lock manager last (SPEC T10).
        var deregistered = cluster.Events.Where(evt => evt.What == TransitionEventKind.Deregistered && evt.Node == "node1").Select(evt => evt.Subsystem);
        Assert.Equal(KernelThenUser.Reverse(), deregistered);
        Assert.Equal(MembershipStatus.Left, cluster.Membership.State(cluster.Node("node1")).Status);
    }

    [Fact]
    public void Figs_13_to_15_N0_is_forced_out_while_its_join_hangs_at_SFS_and_recovery_stops_at_SFS()
    {
        // N1 (node2) is joined; N0 (node1) boots and its join hangs at the shared file system.
        var cluster = TransitionCluster.Start(2, delayedNodes: [0], membership: (_, settings) => settings with { IsolationPolicy = IsolationPolicy.Form });
        cluster.RunUntilSettled([cluster.Node("node2")], new Dictionary<string, NodeTransitionState> { ["node2"] = NodeTransitionState.Joined });
        cluster.Hold = (_, subsystem, notice) => subsystem == "shared-file-system" && notice.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.Join);
        cluster.Membership.StartMembership(cluster.Node("node1"));
        cluster.Simulation.RunUntil(
            () => cluster.Notices().Count(evt => evt.Subsystem == "shared-file-system" && evt.Transitions.Any(t => t.Node.NodeId == "node1")) == 2,
            TimeSpan.FromSeconds(10),
            "node1's join reaching SFS on both nodes");
        var hungAt = cluster.LocalView(cluster.Node("node2")).Nodes.Single(node => node.NodeId == "node1");
        Assert.Equal((NodeTransitionState.Joining, 30), (hungAt.State, hungAt.Level));

        // Fig. 13: node1's interconnect fails. node2 forces it out; node1 panics once it hears so.
        var before = cluster.Events.Count;
        var node1 = cluster.Node("node1");
        cluster.Simulation.Faults.Partition([node1.Address], [cluster.Node("node2").Address]);
        cluster.RunUntilSettled([cluster.Node("node2")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive, ["node2"] = NodeTransitionState.Joined });

        // Figs. 14–15: forced leave bottom-up on node2 through DLM, VDM and SFS only — SFS re-notified — never the event manager.
        var recovery = cluster.Events.Skip(before).Where(evt => evt.What == TransitionEventKind.Notified && evt.Node == "node2").ToList();
        Assert.Equal(["lock-manager", "virtual-disk", "shared-file-system"], recovery.Select(evt => evt.Subsystem));
        Assert.All(recovery, evt => Assert.Equal(NodeTransitionState.ForcedLeaving, evt.Transitions.Single().State));
        Assert.Equal([false, false, true], recovery.Select(evt => evt.Transitions.Single().Renotification));

        cluster.Simulation.HealAll();
        cluster.Simulation.RunUntil(() => cluster.Events.Any(evt => evt.What == TransitionEventKind.Halted && evt.Node == "node1"), TimeSpan.FromSeconds(10), "node1 halting");
        Assert.True(cluster.Membership.IsExcluded(node1));
        var afterHalt = cluster.Events.FindIndex(evt => evt.What == TransitionEventKind.Halted && evt.Node == "node1");
        Assert.DoesNotContain(cluster.Events.Skip(afterHalt), evt => evt.What == TransitionEventKind.Notified && evt.Node == "node1" && evt.Incarnation == node1.Incarnation);
    }

    /// <summary>For <paramref name="transitional"/>'s transitions: no observer is notified of a level before every observer acknowledged the previous one.</summary>
    internal static void AssertEachAcknowledgedBeforeTheNext(TransitionCluster cluster, string transitional, params string[] observers)
    {
        var relevant = cluster.Events
            .Select((evt, index) => (evt, index))
            .Where(pair => observers.Contains(pair.evt.Node) && pair.evt.Transitions.Any(t => t.Node.NodeId == transitional))
            .ToList();
        var notices = relevant.Where(pair => pair.evt.What == TransitionEventKind.Notified).ToList();
        for (var i = 0; i < notices.Count; i++)
        {
            var (notice, at) = notices[i];
            var earlierSteps = notices.Take(i).Where(pair => (pair.evt.Level, Barrier(pair.evt, transitional)) != (notice.Level, Barrier(notice, transitional)));
            foreach (var (earlier, _) in earlierSteps)
            {
                var acknowledged = relevant.Any(pair => pair.evt.What == TransitionEventKind.Acknowledged && pair.evt.Node == earlier.Node && pair.evt.NoticeId == earlier.NoticeId && pair.index < at);
                Assert.True(acknowledged, $"{notice} came before {earlier.Node} acknowledged {earlier}");
            }
        }
    }

    private static int Barrier(TransitionEvent evt, string transitional) => evt.Transitions.First(t => t.Node.NodeId == transitional).Barrier;
}
