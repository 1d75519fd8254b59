using System.Text.Json;
using ClusterActors.Cli.LocalCluster;
using ClusterActors.Cli.Management;

namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>When the watch counts a cluster as formed or reconfigured, judged on <c>GET /cluster/members</c> answers.</summary>
public sealed class MembershipGoalTests
{
    private static readonly LocalClusterLayout Layout = LocalClusterLayout.Plan(new LocalClusterOptions
    {
        Nodes = 3,
        Directory = Path.GetTempPath(),
        Secret = "s",
        Token = "t",
    });

    private static MembershipReading Answer(int node, long epoch, bool quorum, params (int Node, string Status)[] members)
    {
        var json = $$"""
            {"selfNode": "{{Layout.Nodes[node - 1].Address}}",
             "members": [{{string.Join(", ", members.Select(m => $$"""{"node": "{{Layout.Nodes[m.Node - 1].Address}}", "nodeUid": "{{m.Node}}", "status": "{{m.Status}}", "roles": []}"""))}}],
             "unreachable": [], "leader": null, "oldest": null, "epoch": {{epoch}},
             "crownPrince": "{{Layout.Nodes[^1].Address}}", "hasQuorum": {{(quorum ? "true" : "false")}}, "selfStatus": "Up", "reason": null}
            """;
        var view = JsonSerializer.Deserialize(json, ClusterCtlJsonContext.Default.MembersView)!;
        return new MembershipReading(Layout.Nodes[node - 1], view, null, 0);
    }

    [Fact]
    public void Every_node_listing_exactly_the_goal_up_with_quorum_at_one_epoch_is_agreement()
    {
        var goal = new MembershipGoal(Layout.Nodes);
        var all = new[] { (1, "Up"), (2, "Up"), (3, "Up") };

        Assert.Null(goal.WhyNotAgreed([Answer(1, 4, true, all), Answer(2, 4, true, all), Answer(3, 4, true, all)]));
    }

    [Fact]
    public void A_joining_member_a_missing_quorum_or_an_extra_member_is_not_the_goal()
    {
        var survivors = new MembershipGoal([.. Layout.Nodes.Skip(1)]);

        Assert.True(survivors.IsMetBy(Answer(2, 5, true, (2, "Up"), (3, "Up")).View!));
        Assert.False(survivors.IsMetBy(Answer(2, 5, true, (2, "Up"), (3, "Joining")).View!));
        Assert.False(survivors.IsMetBy(Answer(2, 5, false, (2, "Up"), (3, "Up")).View!));
        Assert.False(survivors.IsMetBy(Answer(2, 5, true, (1, "Up"), (2, "Up"), (3, "Up")).View!));
    }

    [Fact]
    public void Nodes_that_disagree_are_named_with_their_epochs_or_as_not_there_yet()
    {
        var goal = new MembershipGoal([.. Layout.Nodes.Skip(1)]);
        var both = new[] { (2, "Up"), (3, "Up") };
        var noAnswer = new MembershipReading(Layout.Nodes[2], null, "not answering (Connection refused)", 0);

        Assert.Equal("they show it at different epochs: node-2 5, node-3 6", goal.WhyNotAgreed([Answer(2, 5, true, both), Answer(3, 6, true, both)]));
        Assert.Equal("node-3 does not show it yet", goal.WhyNotAgreed([Answer(2, 5, true, both), noAnswer]));
    }
}
