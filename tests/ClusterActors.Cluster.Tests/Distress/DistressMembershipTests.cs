using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using ClusterActors.Persistence.Devices;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Cluster.Tests.Distress;

/// <summary>
/// SPEC S5 and S6 on the deterministic simulator: what the membership does when /system/distress tells it
/// that a member sent a distress signal, or that this node sent one. The tests tell the coordinators what
/// /system/distress would; the transport's part is tested with it.
/// </summary>
public sealed class DistressMembershipTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    // Long enough that a round which waited for the silence of the failed run, or for its presence answer,
    // could not commit within the time the tests allow.
    private static readonly TimeSpan CommunicationTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReconfigurationTimeout = TimeSpan.FromSeconds(1);

    private static MembershipSettings SlowToSuspect(MembershipSettings settings) =>
        settings with { CommunicationTimeout = CommunicationTimeout, ReconfigurationTimeout = ReconfigurationTimeout };

    /// <summary>The failing node says so and dies; <paramref name="told"/> hear it from their /system/distress.</summary>
    private static void Distress(ClusterSimulation cluster, SimulatedNode failing, params SimulatedNode[] told)
    {
        var run = ClusterSimulation.Member(failing);
        cluster.Coordinator(failing).Tell(new OwnDistressSent("hardware", "ECC errors on DIMM 3"));
        foreach (var survivor in told)
        {
            cluster.Coordinator(survivor).Tell(new MemberDistressed(run, "hardware", "ECC errors on DIMM 3"));
        }

        cluster.Simulation.Crash(failing);
    }

    [Fact]
    public void S6_survivors_reconfigure_at_once_without_waiting_for_the_timeout()
    {
        var cluster = ClusterSimulation.Start(3, configure: (_, settings) => SlowToSuspect(settings));
        var formed = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
        var distressedAt = cluster.Simulation.Elapsed;

        Distress(cluster, cluster.Nodes[2], cluster.Nodes[0], cluster.Nodes[1]);
        var after = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1]);

        // Neither the communication timeout (silence) nor the reconfiguration timeout (a presence answer
        // from the dead run) was waited for: only message latency passed.
        var took = cluster.Simulation.Elapsed - distressedAt;
        Assert.True(took < ReconfigurationTimeout, $"the survivors committed {took.TotalMilliseconds} ms after the distress");
        var node1 = ClusterSimulation.Member(cluster.Nodes[0]);
        Assert.Contains(cluster.Commits, commit => commit.Node == node1 && commit.Previous.SameAs(formed) && commit.Cluster.SameAs(after));
        Assert.DoesNotContain(cluster.Stops, stop => stop.Self == node1 || stop.Self == ClusterSimulation.Member(cluster.Nodes[1]));
    }

    [Fact]
    public void S6_a_two_node_survivor_keeps_quorum_without_a_quorum_device()
    {
        var cluster = ClusterSimulation.Start(2, configure: (_, settings) => settings with { Devices = NoDeviceAndNoWinner });
        var pair = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        // node2 is the crown prince; without a device and with nobody as the configured winner, only the distress lets node1 go on.
        Distress(cluster, cluster.Nodes[1], cluster.Nodes[0]);
        var alone = cluster.RunUntilAgreed(Within, cluster.Nodes[0]);

        Assert.True(alone.Epoch > pair.Epoch);
        var state = cluster.State(cluster.Nodes[0]);
        Assert.Equal(MembershipStatus.Up, state.Status);
        Assert.True(state.HasQuorum);
        Assert.DoesNotContain(cluster.Stops, stop => stop.Self == ClusterSimulation.Member(cluster.Nodes[0]));
    }

    [Fact]
    public void S6_without_a_distress_the_same_pair_loses_its_survivor_to_the_missing_device()
    {
        // The control for the test above: the settings are ones under which a plain crash loses quorum.
        var cluster = ClusterSimulation.Start(2, configure: (_, settings) => settings with { Devices = NoDeviceAndNoWinner });
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        cluster.Simulation.Crash(cluster.Nodes[1]);
        cluster.Simulation.RunUntil(() => cluster.LastOf(cluster.Nodes[0]).Stopped, Within, "node1 stopping");

        var state = cluster.State(cluster.Nodes[0]);
        Assert.False(state.HasQuorum);
        Assert.Contains($"no-device-winner = {QuorumDeviceSettings.NobodyWins}", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void S6_a_survivor_that_missed_the_distress_learns_it_from_the_round()
    {
        var cluster = ClusterSimulation.Start(4, configure: (_, settings) => SlowToSuspect(settings));
        var formed = cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        // node3 dies silently as node4 (the crown prince) sends a distress that reaches node1 only. node1 and
        // node2 are exactly half of four without the crown prince — no quorum — unless both count node4 as
        // departed: then they are two of the three left. node2 can only know that from node1's round.
        cluster.Simulation.Crash(cluster.Nodes[2]);
        Distress(cluster, cluster.Nodes[3], cluster.Nodes[0]);
        var after = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1]);

        var node2 = ClusterSimulation.Member(cluster.Nodes[1]);
        Assert.Contains(cluster.Commits, commit => commit.Node == node2 && commit.Previous.SameAs(formed) && commit.Cluster.SameAs(after));
        Assert.DoesNotContain(cluster.Stops, stop => stop.Self == node2);
        Assert.Null(cluster.OneClusterPerEpoch());
    }

    [Fact]
    public void S6_a_distress_for_a_run_that_is_not_a_member_is_ignored()
    {
        var cluster = ClusterSimulation.Start(4, configure: (_, settings) => SlowToSuspect(settings));
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);

        // node4 crashes and is reconfigured away by silence; its old run is no member any more.
        var gone = ClusterSimulation.Member(cluster.Nodes[3]);
        cluster.Simulation.Crash(cluster.Nodes[3]);
        var three = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        var commits = cluster.Commits.Count;

        var node2 = ClusterSimulation.Member(cluster.Nodes[1]);
        var notMembers = new[]
        {
            new ClusterMember("node9", ClusterSimulation.RemoteAddressOf("node9"), 1),
            node2 with { Incarnation = node2.Incarnation + 1 },
            node2 with { Address = ClusterSimulation.RemoteAddressOf("node9") },
            gone,
        };
        foreach (var run in notMembers)
        {
            cluster.Coordinator(cluster.Nodes[0]).Tell(new MemberDistressed(run, "power", "on battery"));
        }

        cluster.Simulation.RunFor(CommunicationTimeout);

        Assert.Equal(commits, cluster.Commits.Count);
        Assert.Empty(cluster.Stops);
        foreach (var node in cluster.Nodes.Take(3))
        {
            var state = cluster.State(node);
            Assert.Equal(MembershipStatus.Up, state.Status);
            Assert.Equal(three.Epoch, state.Epoch);
        }
    }

    [Fact]
    public void S5_the_distressed_node_goes_offline_and_refuses_to_rejoin_as_the_same_incarnation()
    {
        var cluster = ClusterSimulation.Start(3);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
        var sender = cluster.Nodes[2];
        var run = ClusterSimulation.Member(sender);

        // The node survives its distress (the failure did not come), but nobody else heard the signal.
        cluster.Coordinator(sender).Tell(new OwnDistressSent("power", "on battery, 2 minutes left"));
        cluster.Simulation.RunUntil(() => cluster.LastOf(sender).Stopped, Within, "node3 stopping");

        var stop = Assert.Single(cluster.Stops);
        Assert.Equal(run, stop.Self);
        Assert.True(stop.Excluded);
        const string Refusal = "this run sent a distress signal (power: on battery, 2 minutes left); restart the node to rejoin as a new incarnation";
        Assert.Equal(Refusal, stop.Reason);
        var state = cluster.State(sender);
        Assert.Equal(MembershipStatus.Stopped, state.Status);
        Assert.False(state.HasQuorum);
        Assert.Equal(Refusal, state.Reason);

        // The others notice it fell silent (no more keep-alives) and reconfigure; their messages reach it, and it stays out.
        var survivors = cluster.RunUntilAgreed(Within, cluster.Nodes[0], cluster.Nodes[1]);
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(run, survivors.Members);
        Assert.Equal(survivors.Epoch, cluster.State(cluster.Nodes[0]).Epoch);
        Assert.DoesNotContain(cluster.Commits, commit => commit.Node == run && commit.Cluster.Epoch > stop.Epoch);
        Assert.Equal(MembershipStatus.Stopped, cluster.State(sender).Status);
        Assert.Single(cluster.Stops);

        // Every request to take part again as this run is refused, saying why.
        var requests = new Func<IClusterMembershipClient, Task<MembershipCommandResult>>[]
        {
            client => client.JoinAsync(cluster.Nodes[0].Address),
            client => client.LeaveAsync(sender.Address),
            client => client.LeaveAsync(cluster.Nodes[0].Address),
            client => client.DownAsync(cluster.Nodes[0].Address),
        };
        foreach (var request in requests)
        {
            var answer = cluster.Command(sender, request);
            Assert.Equal(MembershipCommandOutcome.Refused, answer.Outcome);
            Assert.Equal(Refusal, answer.Message);
        }

        cluster.Simulation.RunFor(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(cluster.Commits, commit => commit.Cluster.Contains(run) && commit.Cluster.Epoch > stop.Epoch);

        // A new run of the node is a new member.
        cluster.Simulation.Crash(sender);
        cluster.Simulation.Restart(sender);
        cluster.RunUntilAgreed(Within, [.. cluster.Nodes]);
    }

    private static QuorumDeviceSettings NoDeviceAndNoWinner =>
        MembershipSettings.NoDevices with { NoDeviceWinner = QuorumDeviceSettings.NobodyWins };
}
