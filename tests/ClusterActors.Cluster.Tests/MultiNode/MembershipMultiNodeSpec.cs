using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using ClusterActors.Persistence.Devices;
using ClusterActors.Remoting;
using ClusterActors.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClusterActors.Cluster.Tests.MultiNode;

/// <summary>The membership over real TCP on loopback: three nodes form, one is cut off, the two keep quorum, and the third comes back as a new run.</summary>
public sealed class MembershipMultiNodeSpec(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task M7_M8_M10_three_nodes_one_blackholed_two_keep_quorum_and_the_third_rejoins_as_a_new_incarnation()
    {
        var config = new MultiNodeConfig();
        var node1 = config.Role("node1");
        var node2 = config.Role("node2");
        var node3 = config.Role("node3");
        var devices = new InMemoryQuorumDeviceStore();

        await MultiNodeSpec.RunAsync(config, async node =>
        {
            ClusterMembershipHandle Start() => ClusterMembership.Start(node.Remote, new MembershipSettings
            {
                SeedNodes = [.. node.Roles.Select(role => node.Node(role).Address)],
                RandomSeed = 1,
            }, devices);

            var membership = Start();
            await Eventually.HoldsAsync(async () => Observe(await membership.Client.GetStateAsync(), 3), Deadline, $"{node.Myself} seeing a cluster of three");
            await node.EnterBarrier("formed");

            await node.RunOn(node1, () =>
            {
                node.Blackhole(node1, node3, LinkDirection.Both);
                node.Blackhole(node2, node3, LinkDirection.Both);
                return Task.CompletedTask;
            });
            await node.EnterBarrier("node3 cut off");

            await node.RunOn([node1, node2], async () =>
            {
                await Eventually.HoldsAsync(async () => Observe(await membership.Client.GetStateAsync(), 2), Deadline, $"{node.Myself} seeing a cluster of two");
                var state = await membership.Client.GetStateAsync();
                Assert.True(state.HasQuorum);
                Assert.Equal("node2", state.CrownPrince!.NodeId);
                Assert.DoesNotContain(state.Members, entry => entry.Member.NodeId == "node3");
            });
            await node.RunOn(node3, async () =>
            {
                await Eventually.HoldsAsync(async () =>
                {
                    var state = await membership.Client.GetStateAsync();
                    return (state.Status == MembershipStatus.Stopped && !state.HasQuorum, $"{state.Status}: {state.Reason}");
                }, Deadline, "node3 stopping without quorum");
            });
            await node.EnterBarrier("split settled");

            await node.RunOn(node1, () =>
            {
                node.PassThrough(node1, node3);
                node.PassThrough(node2, node3);
                return Task.CompletedTask;
            });
            await node.EnterBarrier("healed");

            // The cut-off run was excluded: it comes back only as a new incarnation of node3.
            var excludedRun = node.Node(node3).Incarnation;
            await node.RunOn(node3, async () =>
            {
                await node.Restart(node3);
                membership = Start();
            });

            await Eventually.HoldsAsync(async () => Observe(await membership.Client.GetStateAsync(), 3), Deadline, $"{node.Myself} seeing node3's new run in a cluster of three");
            var final = await membership.Client.GetStateAsync();
            var node3Now = Assert.Single(final.Members, entry => entry.Member.NodeId == "node3").Member;
            Assert.NotEqual(excludedRun, node3Now.Incarnation);
            Assert.Equal(node.Node(node3).Incarnation, node3Now.Incarnation);
            await node.EnterBarrier("rejoined");
        }, new MultiNodeOptions { RegisterMessages = ClusterMembership.RegisterMessages, Output = output });
    }

    private static (bool, string) Observe(ClusterStateSnapshot state, int members) =>
        (state.Status == MembershipStatus.Up && state.Members.Length == members, $"{state.Status}, epoch {state.Epoch}, [{string.Join(", ", state.Members.Select(entry => entry.Member))}], {state.Reason}");
}
