using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using ClusterActors.Persistence.Devices;
using ClusterActors.Remoting;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Cluster.Tests.Simulator;

/// <summary>SPEC M1–M12, one scenario per requirement, on the deterministic simulator (virtual time, in-memory network).</summary>
public sealed class MembershipRequirementTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    private static QuorumDeviceSettings DeviceShared(params string[] nodes) =>
        MembershipSettings.NoDevices with { Devices = [new QuorumDeviceDefinition("disk", [.. nodes])] };

    [Fact]
    public void M1_each_committed_cluster_has_a_higher_epoch_and_its_crown_prince_is_the_highest_priority_member()
    {
        var cluster = ClusterSimulation.Start(3);
        var formed = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
        cluster.Simulation.Crash(cluster.Nodes[0]);
        var after = cluster.RunUntilAgreed(Within, cluster.Nodes[1], cluster.Nodes[2]);

        Assert.True(after.Epoch > formed.Epoch, $"{after} after {formed}");
        Assert.Equal("node3", formed.CrownPrince!.NodeId);
        Assert.Equal("node3", cluster.State(cluster.Nodes[1]).CrownPrince!.NodeId);
        foreach (var node in cluster.Nodes.Skip(1))
        {
            var commits = cluster.Commits.Where(commit => commit.Node == ClusterSimulation.Member(node)).Select(commit => commit.Cluster.Epoch).ToList();
            Assert.Equal(commits.Order(), commits);
            Assert.Equal(commits.Distinct().Count(), commits.Count);
        }
    }

    [Fact]
    public void M2_nodes_started_together_petition_each_other_and_form_one_cluster()
    {
        var cluster = ClusterSimulation.Start(5);
        var formed = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        Assert.Equal(5, formed.Members.Length);
        Assert.Null(cluster.OneClusterPerEpoch());
        var state = cluster.State(cluster.Nodes[0]);
        Assert.Equal(MembershipStatus.Up, state.Status);
        Assert.True(state.HasQuorum);
        Assert.Equal(formed.Epoch, state.Epoch);
    }

    [Fact]
    public void M3_isolated_node_with_policy_refuse_forms_nothing_and_says_why()
    {
        var cluster = ClusterSimulation.Start(3, delayedNodes: [1, 2]);
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(5));

        Assert.Empty(cluster.Commits);
        var state = cluster.State(cluster.Nodes[0]);
        Assert.Equal(MembershipStatus.Joining, state.Status);
        Assert.False(state.HasQuorum);
        Assert.Contains("isolated", state.Reason, StringComparison.Ordinal);
        Assert.Contains("isolation-policy = refuse", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void M3_isolated_node_with_policy_form_forms_a_one_node_cluster_that_others_join_later()
    {
        var cluster = ClusterSimulation.Start(3, configure: (_, settings) => settings with { IsolationPolicy = IsolationPolicy.Form }, delayedNodes: [1, 2]);
        var alone = cluster.RunUntilAgreed(Within, cluster.Nodes[0]);
        Assert.Single(alone.Members);

        cluster.StartMembership(cluster.Nodes[1]);
        cluster.StartMembership(cluster.Nodes[2]);
        var grown = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
        Assert.True(grown.Epoch > alone.Epoch);
    }

    [Fact]
    public void M4_a_missing_answer_aborts_the_petition_and_leaves_the_cluster_unchanged()
    {
        var cluster = ClusterSimulation.Start(4, delayedNodes: [3]);
        var formed = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);

        // node4 never hears node3, so its prospective cluster can never match the members'.
        cluster.Simulation.Faults.Blackhole(cluster.Nodes[2].Address, cluster.Nodes[3].Address, LinkDirection.Send);
        cluster.StartMembership(cluster.Nodes[3]);
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(5));

        Assert.DoesNotContain(cluster.Commits, commit => commit.Cluster.Contains(ClusterSimulation.Member(cluster.Nodes[3])));
        foreach (var node in cluster.Nodes.Take(3))
        {
            // node4 keeps petitioning, so a member may be in the middle of yet another attempt.
            var state = cluster.State(node);
            Assert.Equal(formed.Epoch, state.Epoch);
            Assert.Equal(3, state.Members.Length);
            Assert.True(state.HasQuorum);
        }

        Assert.Equal(MembershipStatus.Joining, cluster.State(cluster.Nodes[3]).Status);
        Assert.Contains(formed.Members, member => member.NodeId == "node3");

        // Once node4 hears everyone, its petition is unanimous.
        cluster.Simulation.Faults.Heal();
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
    }

    [Fact]
    public void M5_petitioned_members_agree_among_themselves_and_admit_a_late_node()
    {
        var cluster = ClusterSimulation.Start(4, delayedNodes: [3]);
        var formed = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);

        cluster.StartMembership(cluster.Nodes[3]);
        var grown = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        Assert.True(grown.Epoch > formed.Epoch);
        Assert.Null(cluster.OneClusterPerEpoch());
        Assert.All(cluster.Nodes, node => Assert.Equal(grown.Epoch, cluster.State(node).Epoch));
    }

    [Fact]
    public void M6_two_nodes_join_in_one_reconfiguration()
    {
        var cluster = ClusterSimulation.Start(5, delayedNodes: [3, 4]);
        var formed = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);

        cluster.StartMembership(cluster.Nodes[3]);
        cluster.StartMembership(cluster.Nodes[4]);
        var grown = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        var node1 = ClusterSimulation.Member(cluster.Nodes[0]);
        var step = cluster.Commits.Single(commit => commit.Node == node1 && commit.Cluster.SameAs(grown));
        Assert.True(step.Previous.SameAs(formed), $"node1 went from {step.Previous} to {grown}, not from {formed} in one step");
    }

    [Fact]
    public void M6_a_join_and_a_failure_in_one_reconfiguration()
    {
        var cluster = ClusterSimulation.Start(4, delayedNodes: [3]);
        var formed = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);

        // node3 dies as node4 asks to join: one round drops one and admits the other.
        cluster.Simulation.Crash(cluster.Nodes[2]);
        cluster.StartMembership(cluster.Nodes[3]);
        var after = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[3]);

        var node1 = ClusterSimulation.Member(cluster.Nodes[0]);
        Assert.Contains(cluster.Commits, commit => commit.Node == node1 && commit.Previous.SameAs(formed) && commit.Cluster.SameAs(after));
    }

    [Fact]
    public void M7_a_voluntary_leave_is_announced_and_the_others_reconfigure_without_the_leaver()
    {
        var cluster = ClusterSimulation.Start(3);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        var answer = cluster.Command(cluster.Nodes[2], client => client.LeaveAsync(cluster.Nodes[2].Address));
        Assert.Equal(MembershipCommandOutcome.Accepted, answer.Outcome);
        cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1]);

        var leaver = cluster.State(cluster.Nodes[2]);
        Assert.Equal(MembershipStatus.Left, leaver.Status);
        Assert.False(leaver.HasQuorum);
    }

    [Fact]
    public void M7_a_leave_asked_of_another_member_is_carried_out_by_that_member()
    {
        var cluster = ClusterSimulation.Start(3);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        var answer = cluster.Command(cluster.Nodes[0], client => client.LeaveAsync(cluster.Nodes[2].Address));
        Assert.Equal(MembershipCommandOutcome.Accepted, answer.Outcome);
        cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1]);
        Assert.Equal(MembershipStatus.Left, cluster.State(cluster.Nodes[2]).Status);
    }

    [Fact]
    public void M7_a_crash_is_detected_by_silence_and_the_survivors_reconfigure()
    {
        var cluster = ClusterSimulation.Start(3);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        cluster.Simulation.Crash(cluster.Nodes[1]);
        var after = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[2]);
        Assert.Equal(2, after.Members.Length);
    }

    [Fact]
    public void M7_two_simultaneous_failures_are_handled_by_one_reconfiguration()
    {
        var cluster = ClusterSimulation.Start(5);
        var formed = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        cluster.Simulation.Crash(cluster.Nodes[0]);
        cluster.Simulation.Crash(cluster.Nodes[1]);
        var after = cluster.RunUntilAgreed(Within, cluster.Nodes[2], cluster.Nodes[3], cluster.Nodes[4]);

        var node5 = ClusterSimulation.Member(cluster.Nodes[4]);
        Assert.Contains(cluster.Commits, commit => commit.Node == node5 && commit.Previous.SameAs(formed) && commit.Cluster.SameAs(after));
    }

    [Fact]
    public void M7_an_operator_down_removes_a_live_member_which_stops()
    {
        var cluster = ClusterSimulation.Start(3);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        var answer = cluster.Command(cluster.Nodes[0], client => client.DownAsync(cluster.Nodes[1].Address));
        Assert.Equal(MembershipCommandOutcome.Accepted, answer.Outcome);
        cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[2]);
        Assert.Equal(MembershipStatus.Stopped, cluster.State(cluster.Nodes[1]).Status);

        var missing = cluster.Command(cluster.Nodes[0], client => client.DownAsync(ClusterSimulation.RemoteAddressOf("node9")));
        Assert.Equal(MembershipCommandOutcome.NotFound, missing.Outcome);
    }

    [Fact]
    public void M8_five_split_three_two_the_majority_keeps_quorum_and_the_minority_stops()
    {
        var cluster = ClusterSimulation.Start(5);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        Split(cluster, [0, 1, 2], [3, 4]);
        cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        cluster.Simulation.RunUntil(() => cluster.LastOf(cluster.Nodes[3]).Stopped && cluster.LastOf(cluster.Nodes[4]).Stopped, Within, "the minority stopping");

        var minority = cluster.State(cluster.Nodes[4]);
        Assert.False(minority.HasQuorum);
        Assert.Equal(MembershipStatus.Stopped, minority.Status);
        Assert.Null(cluster.OneClusterPerEpoch());
    }

    [Fact]
    public void M8_four_split_in_half_the_half_with_the_crown_prince_keeps_quorum()
    {
        var cluster = ClusterSimulation.Start(4);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        // node4 is the crown prince (highest id).
        Split(cluster, [2, 3], [0, 1]);
        cluster.RunUntilAgreed(Within, cluster.Nodes[2], cluster.Nodes[3]);
        Assert.True(cluster.State(cluster.Nodes[3]).HasQuorum);
    }

    [Fact]
    public void M8_four_split_in_half_the_half_without_the_crown_prince_has_no_quorum()
    {
        var cluster = ClusterSimulation.Start(4);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        Split(cluster, [2, 3], [0, 1]);
        cluster.Simulation.RunUntil(() => cluster.LastOf(cluster.Nodes[0]).Stopped && cluster.LastOf(cluster.Nodes[1]).Stopped, Within, "node1 and node2 stopping");

        var state = cluster.State(cluster.Nodes[0]);
        Assert.False(state.HasQuorum);
        Assert.Contains("no quorum", state.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Commits, commit => commit.Cluster.Members.Length == 2 && commit.Cluster.Contains(ClusterSimulation.Member(cluster.Nodes[0])));
    }

    [Fact]
    public async Task M8_two_split_the_race_reserves_the_shared_device_for_exactly_one_survivor()
    {
        var cluster = ClusterSimulation.Start(2, configure: (_, settings) => settings with { Devices = DeviceShared("node1", "node2") });
        var pair = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        Split(cluster, [0], [1]);
        cluster.Simulation.RunUntil(() => cluster.Nodes.Count(node => cluster.LastOf(node).Stopped) == 1 && cluster.Nodes.Any(node => cluster.LastOf(node).Cluster.Epoch > pair.Epoch), Within, "one survivor winning the race");

        var winner = cluster.Nodes.Single(node => !cluster.LastOf(node).Stopped);
        var loser = cluster.Nodes.Single(node => cluster.LastOf(node).Stopped);
        Assert.Single(cluster.LastOf(winner).Cluster.Members);
        Assert.Equal(winner.Name, (await cluster.Devices.GetReservationAsync("disk"))!.HolderNodeId);
        Assert.Contains("held by " + winner.Name, cluster.State(loser).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void M8_the_loser_of_a_race_never_wins_the_device_in_a_later_attempt()
    {
        var cluster = ClusterSimulation.Start(2, configure: (_, settings) => settings with { Devices = DeviceShared("node1", "node2") });
        var pair = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        // The loser stays cut off and keeps petitioning, each attempt in a higher epoch, for a minute.
        Split(cluster, [0], [1]);
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(60));

        var alone = cluster.Commits.Where(commit => commit.Previous.SameAs(pair) && commit.Cluster.Members.Length == 1).ToList();
        Assert.Single(alone.Select(commit => commit.Cluster.Members[0].NodeId).Distinct());
        Assert.Null(cluster.OneClusterPerEpoch());
    }

    [Fact]
    public void M8_two_split_without_a_shared_device_the_configured_winner_keeps_quorum()
    {
        var cluster = ClusterSimulation.Start(2, configure: (_, settings) => settings with { Devices = MembershipSettings.NoDevices with { NoDeviceWinner = "node1" } });
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        Split(cluster, [0], [1]);
        cluster.RunUntilAgreed(Within, cluster.Nodes[0]);
        cluster.Simulation.RunUntil(() => cluster.LastOf(cluster.Nodes[1]).Stopped, Within, "node2 stopping");
        Assert.Contains("no-device-winner = node1", cluster.State(cluster.Nodes[1]).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task M9_a_cluster_that_keeps_quorum_fences_the_excluded_member_off_shared_devices()
    {
        var cluster = ClusterSimulation.Start(3, configure: (_, settings) => settings with { Devices = DeviceShared("node1", "node2", "node3") });
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
        Assert.Equal(DeviceWriteOutcome.Written, (await cluster.Devices.TryWriteAsync("disk", "node3", "k", new byte[] { 1 })));

        Split(cluster, [0, 1], [2]);
        cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1]);

        Assert.True((await cluster.Devices.IsFencedAsync("disk", "node3")));
        Assert.Equal(DeviceWriteOutcome.Fenced, (await cluster.Devices.TryWriteAsync("disk", "node3", "k", new byte[] { 2 })));
        Assert.Equal(DeviceWriteOutcome.Written, (await cluster.Devices.TryWriteAsync("disk", "node1", "k", new byte[] { 3 })));

        // A new run of node3 admitted later is let back onto the device.
        cluster.Simulation.Faults.Heal();
        cluster.Simulation.Crash(cluster.Nodes[2]);
        cluster.Simulation.Restart(cluster.Nodes[2]);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
        Assert.False((await cluster.Devices.IsFencedAsync("disk", "node3")));
    }

    [Fact]
    public void M10_a_node_without_quorum_stops_serving_and_says_so_and_an_excluded_run_never_comes_back()
    {
        var cluster = ClusterSimulation.Start(3);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        Split(cluster, [0, 1], [2]);
        cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1]);
        cluster.Simulation.RunUntil(() => cluster.LastOf(cluster.Nodes[2]).Stopped, Within, "node3 stopping");
        var lone = cluster.State(cluster.Nodes[2]);
        Assert.Equal(MembershipStatus.Stopped, lone.Status);
        Assert.False(lone.HasQuorum);
        Assert.False(string.IsNullOrEmpty(lone.Reason));

        // Healed, the excluded run is told so and stays out; the cluster does not change for it.
        cluster.Simulation.Faults.Heal();
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(2, cluster.State(cluster.Nodes[0]).Members.Length);
        Assert.Equal(MembershipStatus.Stopped, cluster.State(cluster.Nodes[2]).Status);
    }

    [Fact]
    public void M11_keep_alives_hold_a_quiet_cluster_together_without_reconfigurations()
    {
        var cluster = ClusterSimulation.Start(4);
        var formed = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
        var commitsAfterForming = cluster.Commits.Count;

        cluster.Simulation.RunFor(TimeSpan.FromSeconds(60));

        Assert.Equal(commitsAfterForming, cluster.Commits.Count);
        Assert.All(cluster.Nodes, node => Assert.Equal(formed.Epoch, cluster.State(node).Epoch));
    }

    [Fact]
    public void M12_the_cluster_survives_the_series_seven_four_two_one()
    {
        var cluster = ClusterSimulation.Start(7, configure: (_, settings) => settings with { Devices = DeviceShared("node6", "node7") });
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        // 7 → 4: three lost (less than half).
        foreach (var index in new[] { 0, 1, 2 })
        {
            cluster.Simulation.Crash(cluster.Nodes[index]);
        }

        cluster.RunUntilAgreed(Within, cluster.Nodes[3], cluster.Nodes[4], cluster.Nodes[5], cluster.Nodes[6]);

        // 4 → 2: exactly half, the crown prince (node7) among the survivors.
        cluster.Simulation.Crash(cluster.Nodes[3]);
        cluster.Simulation.Crash(cluster.Nodes[4]);
        cluster.RunUntilAgreed(Within, cluster.Nodes[5], cluster.Nodes[6]);

        // 2 → 1: the race for the device the pair shares.
        cluster.Simulation.Crash(cluster.Nodes[6]);
        var last = cluster.RunUntilAgreed(Within, cluster.Nodes[5]);

        Assert.Single(last.Members);
        Assert.True(cluster.State(cluster.Nodes[5]).HasQuorum);
        Assert.Null(cluster.OneClusterPerEpoch());
    }

    private static void Split(ClusterSimulation cluster, int[] one, int[] other) =>
        cluster.Simulation.Faults.Partition(one.Select(i => cluster.Nodes[i].Address), other.Select(i => cluster.Nodes[i].Address));
}
