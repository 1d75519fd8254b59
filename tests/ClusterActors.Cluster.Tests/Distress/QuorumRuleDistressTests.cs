using System.Collections.Immutable;
using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using Xunit;

namespace ClusterActors.Cluster.Tests.Distress;

/// <summary>SPEC S6 in the quorum rule: a run that sent a distress signal is a departure, not a lost vote (SPEC M8 judged without it).</summary>
public sealed class QuorumRuleDistressTests
{
    private static ClusterMember Run(int node, long incarnation = 1) =>
        new($"node{node}", ClusterSimulation.RemoteAddressOf($"node{node}"), incarnation);

    private static CommittedCluster Cluster(params int[] nodes) => CommittedCluster.Of(7, nodes.Select(node => Run(node)));

    private static ImmutableArray<ClusterMember> Runs(params int[] nodes) => [.. nodes.Select(node => Run(node))];

    [Fact]
    public void S6_quorum_a_pair_whose_other_member_distressed_leaves_the_survivor_with_quorum_and_no_race()
    {
        var pair = Cluster(1, 2);

        Assert.Equal(QuorumVerdict.RaceForDevice, QuorumRule.Judge(pair, Runs(1)));
        var verdict = QuorumRule.Judge(pair, Runs(1), Runs(2));
        Assert.Equal(QuorumVerdict.OnlyDistressedDropped, verdict);
        Assert.True(QuorumRule.GrantsQuorum(verdict));

        // The crown prince's survivor too: the distressed side is not a rival whatever its priority.
        Assert.Equal(QuorumVerdict.OnlyDistressedDropped, QuorumRule.Judge(pair, Runs(2), Runs(1)));
    }

    [Fact]
    public void S6_quorum_a_half_without_the_crown_prince_is_no_longer_a_tie_when_one_of_the_other_half_distressed()
    {
        var four = Cluster(1, 2, 3, 4);

        Assert.Equal(QuorumVerdict.NoQuorum, QuorumRule.Judge(four, Runs(1, 2)));
        Assert.Equal(QuorumVerdict.Majority, QuorumRule.Judge(four, Runs(1, 2), Runs(3)));

        // The crown prince itself distressed: the highest member left (node3) is silent, yet 2 of 3 is a majority.
        Assert.Equal(QuorumVerdict.Majority, QuorumRule.Judge(four, Runs(1, 2), Runs(4)));
    }

    [Fact]
    public void S6_quorum_of_four_with_one_distressed_and_one_silent_two_of_the_remaining_three_are_a_majority()
    {
        var four = Cluster(1, 2, 3, 4);

        Assert.Equal(QuorumVerdict.TieWithCrownPrince, QuorumRule.Judge(four, Runs(1, 4)));
        Assert.Equal(QuorumVerdict.Majority, QuorumRule.Judge(four, Runs(1, 4), Runs(2)));
        Assert.Equal(QuorumVerdict.NoQuorum, QuorumRule.Judge(four, Runs(1), Runs(2)));
    }

    [Fact]
    public void S6_quorum_the_crown_prince_of_a_tie_is_the_highest_member_left_after_the_distressed()
    {
        // Six less node6 (distressed) is five; 3 of 5 is a majority without any crown prince.
        Assert.Equal(QuorumVerdict.Majority, QuorumRule.Judge(Cluster(1, 2, 3, 4, 5, 6), Runs(1, 2, 3), Runs(6)));

        // Five less node5 is four, whose crown prince is node4: the half holding it has quorum, the other half not.
        var five = Cluster(1, 2, 3, 4, 5);
        Assert.Equal(QuorumVerdict.TieWithCrownPrince, QuorumRule.Judge(five, Runs(3, 4), Runs(5)));
        Assert.Equal(QuorumVerdict.NoQuorum, QuorumRule.Judge(five, Runs(1, 2), Runs(5)));
        Assert.Equal("node4", QuorumRule.WithoutDistressed(five, Runs(5)).CrownPrince!.NodeId);
    }

    [Fact]
    public void S6_quorum_three_less_one_distressed_is_a_pair_and_its_lone_survivor_races()
    {
        var three = Cluster(1, 2, 3);

        Assert.Equal(QuorumVerdict.NoQuorum, QuorumRule.Judge(three, Runs(1)));
        Assert.Equal(QuorumVerdict.RaceForDevice, QuorumRule.Judge(three, Runs(1), Runs(3)));
        var pair = QuorumRule.WithoutDistressed(three, Runs(3));
        Assert.Equal(three.Epoch, pair.Epoch);
        Assert.Equal(Runs(2, 1).ToArray(), pair.Members.ToArray());
    }

    [Fact]
    public void S6_quorum_only_the_very_run_that_distressed_is_removed_not_a_newer_run_of_its_node()
    {
        var pair = Cluster(1, 2);
        var olderRunOfNode2 = Run(2, incarnation: 0);

        Assert.Equal(QuorumVerdict.RaceForDevice, QuorumRule.Judge(pair, Runs(1), [olderRunOfNode2]));
        Assert.Same(pair, QuorumRule.WithoutDistressed(pair, [olderRunOfNode2]));
    }

    [Fact]
    public void S6_quorum_with_no_distressed_runs_judges_exactly_as_the_rule_without_them()
    {
        var five = Cluster(1, 2, 3, 4, 5);
        foreach (var prospective in new[] { Runs(1, 2, 3, 4, 5), Runs(1, 2, 3), Runs(4, 5), Runs(1, 2, 3, 6), Runs(6) })
        {
            Assert.Equal(QuorumRule.Judge(five, prospective), QuorumRule.Judge(five, prospective, []));
        }

        Assert.Equal(QuorumVerdict.NothingDropped, QuorumRule.Judge(CommittedCluster.None, Runs(1), Runs(2)));
        Assert.Equal(QuorumVerdict.NothingDropped, QuorumRule.Judge(Cluster(1, 2), Runs(1, 2, 3), Runs(2)));
    }

    [Fact]
    public void S6_quorum_when_every_previous_member_distressed_nobody_is_left_to_split_from()
    {
        Assert.Equal(QuorumVerdict.OnlyDistressedDropped, QuorumRule.Judge(Cluster(1, 2), Runs(3), Runs(1, 2)));
    }
}
