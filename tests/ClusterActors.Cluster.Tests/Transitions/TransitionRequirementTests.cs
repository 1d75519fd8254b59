using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using ClusterActors.Cluster.Transitions;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Cluster.Tests.Transitions;

/// <summary>SPEC T1–T11, one scenario per requirement (and Table 1 row by row), on the simulator.</summary>
public sealed class TransitionRequirementTests
{
    private static Dictionary<string, NodeTransitionState> AllJoined(params string[] nodes) => nodes.ToDictionary(node => node, _ => NodeTransitionState.Joined);

    private static TransitionCluster Formed(int nodes, Action<TransitionCluster>? configure = null, IReadOnlyList<SampleSubsystem>? levels = null)
    {
        var cluster = TransitionCluster.Start(nodes, levels: levels, configure: configure);
        cluster.RunUntilSettled(cluster.Nodes, AllJoined([.. cluster.Nodes.Select(node => node.Name)]));
        return cluster;
    }

    [Fact]
    public void T1_every_member_holds_the_same_state_for_every_node()
    {
        var cluster = Formed(3);
        cluster.Simulation.Crash(cluster.Node("node1"));
        var survivors = new[] { cluster.Node("node2"), cluster.Node("node3") };
        cluster.RunUntilSettled(survivors, new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive, ["node2"] = NodeTransitionState.Joined, ["node3"] = NodeTransitionState.Joined });

        var views = survivors.Select(node => cluster.LocalView(node).Nodes.Select(entry => (entry.NodeId, entry.Run, entry.State)).ToList()).ToList();
        Assert.Equal(views[0], views[1]);
        Assert.Equal(3, views[0].Count);
    }

    [Fact]
    public void T2_subsystems_register_at_levels_with_barriers_and_a_level_asked_with_other_barriers_is_refused()
    {
        var cluster = TransitionCluster.Prepare(2);
        cluster.LevelsFor["node1"] =
        [
            new SampleSubsystem("lock-manager", 10, new TransitionBarriers(2, 1, 1), TimeSpan.Zero),
            new SampleSubsystem("lock-shadow", 10, TransitionBarriers.One, TimeSpan.Zero),
            new SampleSubsystem("membership-itself", 0, TransitionBarriers.One, TimeSpan.Zero),
        ];
        cluster.LevelsFor["node2"] = [new SampleSubsystem("lock-manager", 10, TransitionBarriers.One, TimeSpan.Zero)];
        ClusterActors.TestKit.Simulation.Start(cluster.Membership.Options);
        cluster.Simulation.RunUntil(() => cluster.Events.Count(evt => evt.What == TransitionEventKind.Refused) == 2, TimeSpan.FromSeconds(5), "two local refusals");

        var refusals = cluster.Events.Where(evt => evt.What == TransitionEventKind.Refused).ToDictionary(evt => evt.Subsystem, evt => evt.Reason!);
        Assert.Contains("every subsystem of a level must ask for the same", refusals["lock-shadow"], StringComparison.Ordinal);
        Assert.Contains("level 0", refusals["membership-itself"], StringComparison.Ordinal);

        // node2 (the sequencer) has level 10 with one joining barrier; node1 asked for two: it is not joined.
        cluster.Membership.RunUntilAgreed(TimeSpan.FromSeconds(10), [.. cluster.Nodes]);
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(2));
        var node1 = cluster.LocalView(cluster.Node("node2")).Nodes.Single(node => node.NodeId == "node1");
        Assert.Equal(NodeTransitionState.Joining, node1.State);
        Assert.Contains("must ask for the same", node1.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Notices(), evt => evt.Transitions.Any(t => t.Node.NodeId == "node1"));
    }

    [Fact]
    public void T3_join_is_notified_bottom_up_graceful_leave_top_down_and_forced_leave_bottom_up()
    {
        var cluster = Formed(3);
        Assert.Equal([10, 20, 30, 100], cluster.StepsSeen("node3", "node1", TransitionKind.Join).Select(step => step.Level));

        cluster.Leave(cluster.Node("node3"), cluster.Node("node1"));
        cluster.RunUntilSettled([cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive });
        Assert.Equal([100, 30, 20, 10], cluster.StepsSeen("node3", "node1", TransitionKind.Leave).Select(step => step.Level));

        cluster.Simulation.Crash(cluster.Node("node2"));
        cluster.RunUntilSettled([cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node2"] = NodeTransitionState.Inactive });
        Assert.Equal([10, 20, 30, 100], cluster.StepsSeen("node3", "node2", TransitionKind.ForcedLeave).Select(step => step.Level));
    }

    [Fact]
    public void T4_no_level_or_barrier_is_notified_before_every_member_acknowledged_the_one_before()
    {
        var levels = new[]
        {
            new SampleSubsystem("lock-manager", 10, new TransitionBarriers(2, 1, 1), TimeSpan.Zero),
            new SampleSubsystem("virtual-disk", 20, TransitionBarriers.One, TimeSpan.Zero),
        };
        var cluster = TransitionCluster.Start(3, levels: levels, configure: c => c.Hold = (node, subsystem, notice) =>
            node == "node2" && subsystem == "lock-manager" && notice.Transitions.Any(t => t.Node.NodeId == "node1" && t.Barrier == 0));
        cluster.Simulation.RunUntil(() => cluster.Notices("node2").Any(evt => evt.Transitions.Any(t => t.Node.NodeId == "node1")), TimeSpan.FromSeconds(10), "node1's join reaching node2");
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(2));

        // node2 holds barrier 0 of node1's join: barrier 1 and level 20 wait, everywhere.
        Assert.Equal([(10, 0)], cluster.StepsSeen("node1", "node1", TransitionKind.Join));
        Assert.Equal([(10, 0)], cluster.StepsSeen("node3", "node1", TransitionKind.Join));

        cluster.Release("node2", "lock-manager");
        cluster.RunUntilSettled(cluster.Nodes, AllJoined("node1", "node2", "node3"));
        Assert.Equal([(10, 0), (10, 1), (20, 0)], cluster.StepsSeen("node3", "node1", TransitionKind.Join));
        SeedScenarioTests.AssertEachAcknowledgedBeforeTheNext(cluster, "node1", "node1", "node2", "node3");
    }

    [Fact]
    public void T4_each_step_costs_one_round_to_each_member_and_one_acknowledgement_from_each()
    {
        // node1 joins last: node4 stays the crown prince (the sequencer), so no take-over is counted.
        var cluster = TransitionCluster.Start(4, delayedNodes: [0]);
        cluster.RunUntilSettled(cluster.Nodes.Skip(1), AllJoined("node2", "node3", "node4"));
        long MessagesSent(IEnumerable<SimulatedNode> nodes) => nodes.Sum(node => cluster.LocalView(node).MessagesSent);
        var before = MessagesSent(cluster.Nodes.Skip(1));

        // node1's supervisor starts with its membership, so it has sent nothing before.
        cluster.Membership.StartMembership(cluster.Node("node1"));
        cluster.RunUntilSettled(cluster.Nodes, AllJoined("node1", "node2", "node3", "node4"));

        // L levels, m members, s = m - 1 others: the sequencer sends a round to the others when the join
        // is committed, at each level and when it is Joined (L + 2 rounds); each other member acknowledges
        // each level once; the joiner announces its subsystems once. Acknowledgements that move nothing
        // are not broadcast: that would make each level cost s² messages.
        const int levels = 4;
        const int others = 3;
        Assert.Equal((levels + 2) * others + levels * others + 1, MessagesSent(cluster.Nodes) - before);
    }

    [Fact]
    public void T5_transitions_of_different_nodes_are_in_flight_at_once_and_one_notice_carries_several()
    {
        var cluster = TransitionCluster.Start(4, delayedNodes: [3], configure: c => c.Hold = (_, subsystem, notice) =>
            subsystem == "shared-file-system" && notice.Transitions.Any(t => t.Node.NodeId == "node4"));
        cluster.RunUntilSettled(cluster.Nodes.Take(3), AllJoined("node1", "node2", "node3"));

        // Three nodes that form together: one notice per level carries all three joins.
        Assert.All(cluster.Notices("node1"), evt => Assert.Equal(3, evt.Transitions.Length));

        // node4's join is held at SFS while node1's leave runs top-down from the event manager: two levels at once.
        cluster.Membership.StartMembership(cluster.Node("node4"));
        cluster.Simulation.RunUntil(() => cluster.Notices("node2").Any(evt => evt.Subsystem == "shared-file-system" && evt.Transitions.Any(t => t.Node.NodeId == "node4")), TimeSpan.FromSeconds(10), "node4's join at SFS");
        cluster.Leave(cluster.Node("node2"), cluster.Node("node1"));
        cluster.Simulation.RunUntil(() => cluster.Notices("node2").Any(evt => evt.Subsystem == "event-manager" && evt.Transitions.Any(t => t.Kind == TransitionKind.Leave)), TimeSpan.FromSeconds(10), "node1's leave at the event manager");
        var view = cluster.LocalView(cluster.Node("node4")).Nodes.ToDictionary(node => node.NodeId);
        Assert.Equal((TransitionKind.Join, 30), (view["node4"].Transition!.Value, view["node4"].Level!.Value));
        Assert.Equal(TransitionKind.Leave, view["node1"].Transition);

        foreach (var node in new[] { "node1", "node2", "node3", "node4" })
        {
            cluster.Release(node, "shared-file-system");
        }

        cluster.RunUntilSettled(cluster.Nodes.Skip(1), new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive, ["node2"] = NodeTransitionState.Joined, ["node3"] = NodeTransitionState.Joined, ["node4"] = NodeTransitionState.Joined });
        Assert.Equal([10, 20, 30, 100], cluster.StepsSeen("node3", "node4", TransitionKind.Join).Select(step => step.Level));
        Assert.Equal([100, 30, 20, 10], cluster.StepsSeen("node3", "node1", TransitionKind.Leave).Select(step => step.Level));
        SeedScenarioTests.AssertEachAcknowledgedBeforeTheNext(cluster, "node4", "node2", "node3", "node4");
    }

    [Fact]
    public void T6_Table1_Joining_may_be_renotified_ForcedLeaving_and_ends_Joined()
    {
        var cluster = TransitionCluster.Start(3, configure: c => c.Hold = (_, subsystem, notice) =>
            subsystem == "virtual-disk" && notice.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.Join));
        cluster.Simulation.RunUntil(() => cluster.Notices("node3").Any(evt => evt.Subsystem == "virtual-disk" && evt.Transitions.Any(t => t.Node.NodeId == "node1")), TimeSpan.FromSeconds(10), "node1's join at VDM");
        cluster.Simulation.Crash(cluster.Node("node1"));
        cluster.RunUntilSettled([cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive });

        var renotified = cluster.Notices("node3").Single(evt => evt.Subsystem == "virtual-disk" && evt.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.ForcedLeave));
        Assert.True(renotified.Transitions.Single().Renotification);
        Assert.Equal(NodeTransitionState.ForcedLeaving, renotified.Transitions.Single().State);

        // The row's "new state": a join that is not interrupted ends Joined.
        Assert.Equal(NodeTransitionState.Joined, cluster.LocalView(cluster.Node("node3")).Nodes.Single(node => node.NodeId == "node2").State);
    }

    [Fact]
    public void T6_Table1_Leaving_may_be_renotified_ForcedLeaving_and_ends_Inactive()
    {
        var cluster = Formed(3, c => c.Hold = (_, subsystem, notice) =>
            subsystem == "shared-file-system" && notice.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.Leave));
        cluster.Leave(cluster.Node("node2"), cluster.Node("node1"));
        cluster.Simulation.RunUntil(() => cluster.Notices("node3").Any(evt => evt.Subsystem == "shared-file-system" && evt.Transitions.Any(t => t.Kind == TransitionKind.Leave)), TimeSpan.FromSeconds(10), "node1's leave at SFS");
        cluster.Simulation.Crash(cluster.Node("node1"));
        cluster.RunUntilSettled([cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive });

        // Only the levels its leave had not finished: 10, 20 and the interrupted 30 (re-notified); 100 was done.
        var forced = cluster.Notices("node3").Where(evt => evt.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.ForcedLeave)).ToList();
        Assert.Equal([10, 20, 30], forced.Select(evt => evt.Level));
        Assert.Equal([false, false, true], forced.Select(evt => evt.Transitions.Single().Renotification));
    }

    [Fact]
    public void T6_Table1_ForcedLeaving_allows_no_renotification_and_ends_Inactive()
    {
        var cluster = Formed(3, c => c.Hold = (node, subsystem, notice) =>
            node == "node3" && subsystem == "virtual-disk" && notice.Transitions.Any(t => t.Kind == TransitionKind.ForcedLeave));
        cluster.Simulation.Crash(cluster.Node("node1"));
        cluster.Simulation.RunUntil(() => cluster.Notices("node3").Any(evt => evt.Subsystem == "virtual-disk" && evt.Transitions.Any(t => t.Kind == TransitionKind.ForcedLeave)), TimeSpan.FromSeconds(10), "forced leave at VDM");

        // A leave asked for the node being forced out is refused; no second notice reaches the level.
        Assert.Equal(MembershipCommandOutcome.NotFound, cluster.Leave(cluster.Node("node3"), cluster.Node("node1")).Outcome);
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(1));
        Assert.Single(cluster.Notices("node3"), evt => evt.Subsystem == "virtual-disk" && evt.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.ForcedLeave));

        cluster.Release("node3", "virtual-disk");
        cluster.RunUntilSettled([cluster.Node("node2"), cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive });
    }

    [Fact]
    public void T6_Table1_Inactive_and_Joined_are_never_notified_alone_only_alongside_real_transitions()
    {
        var cluster = Formed(3);
        cluster.Simulation.Crash(cluster.Node("node1"));
        cluster.RunUntilSettled([cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive });
        cluster.Leave(cluster.Node("node3"), cluster.Node("node2"));
        cluster.RunUntilSettled([cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node2"] = NodeTransitionState.Inactive });

        Assert.All(cluster.Notices(), evt =>
        {
            Assert.NotEmpty(evt.Transitions);
            Assert.All(evt.Transitions, t => Assert.Contains(t.State, new[] { NodeTransitionState.Joining, NodeTransitionState.Leaving, NodeTransitionState.ForcedLeaving }));
        });
        Assert.Contains(cluster.Notices(), evt => evt.Nodes.Any(node => node.State == NodeTransitionState.Inactive));
        Assert.Contains(cluster.Notices(), evt => evt.Nodes.Any(node => node.State == NodeTransitionState.Joined));
    }

    [Fact]
    public void T7_a_forced_leave_travels_only_the_levels_the_interrupted_join_reached()
    {
        var cluster = TransitionCluster.Start(3, configure: c => c.Hold = (_, subsystem, notice) =>
            subsystem == "virtual-disk" && notice.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.Join));
        cluster.Simulation.RunUntil(() => cluster.Notices("node2").Any(evt => evt.Subsystem == "virtual-disk" && evt.Transitions.Any(t => t.Node.NodeId == "node1")), TimeSpan.FromSeconds(10), "node1's join at VDM");
        cluster.Simulation.Crash(cluster.Node("node1"));
        cluster.RunUntilSettled([cluster.Node("node2"), cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive });

        Assert.Equal([10, 20], cluster.StepsSeen("node2", "node1", TransitionKind.ForcedLeave).Select(step => step.Level));
        Assert.Equal([10, 20], cluster.StepsSeen("node3", "node1", TransitionKind.ForcedLeave).Select(step => step.Level));
    }

    [Fact]
    public void T8_a_leave_asked_while_joining_turns_into_leaving_only_between_two_levels()
    {
        var cluster = TransitionCluster.Start(3, configure: c => c.Hold = (node, subsystem, notice) =>
            node == "node2" && subsystem == "shared-file-system" && notice.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.Join));
        cluster.Simulation.RunUntil(() => cluster.Notices("node2").Any(evt => evt.Subsystem == "shared-file-system" && evt.Transitions.Any(t => t.Node.NodeId == "node1")), TimeSpan.FromSeconds(10), "node1's join at SFS");

        Assert.Equal(MembershipCommandOutcome.Accepted, cluster.Leave(cluster.Node("node1"), cluster.Node("node1")).Outcome);
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(1));
        var meanwhile = cluster.LocalView(cluster.Node("node3")).Nodes.Single(node => node.NodeId == "node1");
        Assert.Equal((NodeTransitionState.Joining, 30), (meanwhile.State, meanwhile.Level));

        cluster.Release("node2", "shared-file-system");
        cluster.RunUntilSettled([cluster.Node("node3")], new Dictionary<string, NodeTransitionState> { ["node1"] = NodeTransitionState.Inactive });

        // SFS finished the join, then the leave went top-down from SFS; the event manager never heard of node1.
        Assert.Equal([10, 20, 30], cluster.StepsSeen("node3", "node1", TransitionKind.Join).Select(step => step.Level));
        Assert.Equal([30, 20, 10], cluster.StepsSeen("node3", "node1", TransitionKind.Leave).Select(step => step.Level));
        Assert.DoesNotContain(cluster.Notices(), evt => evt.Subsystem == "event-manager" && evt.Transitions.Any(t => t.Node.NodeId == "node1"));
    }

    [Fact]
    public void T9_a_forced_out_node_halts_and_its_new_run_joins_only_after_the_survivors_finished_its_forced_leave()
    {
        var cluster = Formed(3, c => c.Hold = (node, subsystem, notice) =>
            node == "node3" && subsystem == "event-manager" && notice.Transitions.Any(t => t.Kind == TransitionKind.ForcedLeave));
        var node1 = cluster.Node("node1");
        var oldRun = node1.Incarnation;
        cluster.Simulation.Faults.Partition([node1.Address], [cluster.Node("node2").Address, cluster.Node("node3").Address]);
        cluster.Simulation.RunUntil(() => cluster.Notices("node3").Any(evt => evt.Subsystem == "event-manager" && evt.Transitions.Any(t => t.Kind == TransitionKind.ForcedLeave)), TimeSpan.FromSeconds(10), "forced leave at the event manager");
        cluster.Simulation.HealAll();
        cluster.Simulation.RunUntil(() => cluster.Events.Any(evt => evt.What == TransitionEventKind.Halted && evt.Incarnation == oldRun), TimeSpan.FromSeconds(10), "the old run halting");

        // The supervisor of a restarted node would bring it back as a new run; it waits behind the forced leave.
        cluster.Simulation.Crash(node1);
        cluster.Simulation.Restart(node1);
        cluster.Membership.RunUntilAgreed(TimeSpan.FromSeconds(10), [.. cluster.Nodes]);
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(1));
        var queued = cluster.LocalView(cluster.Node("node2")).Nodes.Single(node => node.NodeId == "node1");
        Assert.Equal(NodeTransitionState.ForcedLeaving, queued.State);
        Assert.Contains("waits for the forced leave", queued.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Notices(), evt => evt.Transitions.Any(t => t.Node.NodeId == "node1" && t.Node.Incarnation == node1.Incarnation));

        cluster.Release("node3", "event-manager");
        cluster.RunUntilSettled(cluster.Nodes, AllJoined("node1", "node2", "node3"));
        var forcedDone = cluster.Events.FindLastIndex(evt => evt.What == TransitionEventKind.Acknowledged && evt.Transitions.Any(t => t.Node.Incarnation == oldRun && t.Kind == TransitionKind.ForcedLeave));
        var firstJoin = cluster.Events.FindIndex(evt => evt.What == TransitionEventKind.Notified && evt.Transitions.Any(t => t.Node.Incarnation == node1.Incarnation));
        Assert.True(forcedDone < firstJoin, $"the new run's join ({firstJoin}) started before the forced leave finished ({forcedDone})");
        Assert.DoesNotContain(cluster.Events.SkipWhile(evt => evt.What != TransitionEventKind.Halted), evt => evt.What == TransitionEventKind.Notified && evt.Incarnation == oldRun);
    }

    [Fact]
    public void T10_each_level_of_a_leaving_node_is_deregistered_once_it_finished_and_hears_nothing_more()
    {
        var cluster = Formed(3, c => c.Hold = (node, subsystem, notice) =>
            node == "node3" && subsystem == "virtual-disk" && notice.Transitions.Any(t => t.Node.NodeId == "node1" && t.Kind == TransitionKind.Leave));
        cluster.Leave(cluster.Node("node2"), cluster.Node("node1"));
        cluster.Simulation.RunUntil(() => cluster.Notices("node3").Any(evt => evt.Subsystem == "virtual-disk" && evt.Transitions.Any(t => t.Kind == TransitionKind.Leave)), TimeSpan.FromSeconds(10), "the leave at VDM");
        cluster.Simulation.RunFor(TimeSpan.FromMilliseconds(500));

        // Levels 100 and 30 finished: de-registered on node1; 20 and 10 still registered.
        Assert.Equal(["event-manager", "shared-file-system"], cluster.Events.Where(evt => evt.What == TransitionEventKind.Deregistered && evt.Node == "node1").Select(evt => evt.Subsystem));
        Assert.Equal([100, 30], cluster.LocalView(cluster.Node("node2")).Nodes.Single(node => node.NodeId == "node1").DeregisteredLevels.ToArray());

        // Meanwhile node2 crashes: the forced leave reaches every level of node3, but node1's de-registered levels hear nothing.
        var before = cluster.Events.Count;
        cluster.Simulation.Crash(cluster.Node("node2"));
        cluster.Simulation.RunUntil(() => cluster.Events.Skip(before).Any(evt => evt.Node == "node3" && evt.Subsystem == "event-manager" && evt.What == TransitionEventKind.Notified), TimeSpan.FromSeconds(10), "node2's forced leave at node3's event manager");
        Assert.DoesNotContain(cluster.Events.Skip(before), evt => evt.Node == "node1" && evt.What == TransitionEventKind.Notified && evt.Subsystem is "event-manager" or "shared-file-system");
        Assert.Contains(cluster.Events.Skip(before), evt => evt.Node == "node1" && evt.What == TransitionEventKind.Notified && evt.Subsystem == "lock-manager");
    }

    [Fact]
    public void T11_every_supervisor_records_the_table_it_holds_in_its_journal()
    {
        var cluster = Formed(3);
        foreach (var node in cluster.Nodes)
        {
            var last = cluster.Journal.Last(record => record.Observer.NodeId == node.Name).Table;
            Assert.All(last.Entries, entry => Assert.Equal(NodeTransitionState.Joined, entry.State));
            Assert.Equal(3, last.Entries.Length);
        }

        var tables = cluster.Journal.GroupBy(record => record.Observer).Select(group => group.Select(record => (record.Table.Epoch, record.Table.Sequence)).ToList());
        Assert.All(tables, sequence => Assert.Equal(sequence.Order(), sequence));
    }
}
