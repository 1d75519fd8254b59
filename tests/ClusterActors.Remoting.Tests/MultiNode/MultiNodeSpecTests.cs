using ClusterActors.Actors;
using ClusterActors.Remoting.Tests.Refs;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Remoting.Tests.MultiNode;

/// <summary>The multi-node spec runner: three roles on real TCP, barriers, blackholes, exit and shutdown.</summary>
public sealed class MultiNodeSpecTests
{
    private static readonly MultiNodeOptions Options = new() { RegisterMessages = RefTestMessages.Register };

    [Fact]
    public async Task Three_roles_meet_at_barriers_and_a_blackhole_cuts_only_its_link()
    {
        var config = new MultiNodeConfig();
        var first = config.Role("node1");
        var second = config.Role("node2");
        var third = config.Role("node3");
        var entered = 0;

        await MultiNodeSpec.RunAsync(config, async node =>
        {
            node.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
            Interlocked.Increment(ref entered);
            await node.EnterBarrier("started");
            Assert.Equal(3, Volatile.Read(ref entered));

            await node.RunOn(first, () =>
            {
                var probe = node.CreateTestProbe();
                foreach (var other in new[] { second, third })
                {
                    probe.Send(node.ResolveRef(other, "/user/echo"), new Text($"hello {other}"));
                    Assert.Equal($"hello {other}", probe.ExpectMsg<Text>(TimeSpan.FromSeconds(10)).Value);
                }

                node.Blackhole(first, third, LinkDirection.Both);
                return Task.CompletedTask;
            });
            await node.EnterBarrier("blackholed");

            await node.RunOn(first, () =>
            {
                var probe = node.CreateTestProbe();
                probe.Send(node.ResolveRef(third, "/user/echo"), new Text("into the hole"));
                probe.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
                probe.Send(node.ResolveRef(second, "/user/echo"), new Text("around it"));
                Assert.Equal("around it", probe.ExpectMsg<Text>(TimeSpan.FromSeconds(10)).Value);

                node.PassThrough(first, third);
                probe.Send(node.ResolveRef(third, "/user/echo"), new Text("healed"));
                Assert.Equal("healed", probe.ExpectMsg<Text>(TimeSpan.FromSeconds(10)).Value);
                return Task.CompletedTask;
            });
            await node.EnterBarrier("done");
        }, Options);
    }

    [Fact]
    public async Task A_role_shut_down_gracefully_leaves_the_barriers_and_its_watchers_get_Terminated()
    {
        var config = new MultiNodeConfig();
        var first = config.Role("node1");
        var second = config.Role("node2");
        var secondFinished = false;

        await MultiNodeSpec.RunAsync(config, async node =>
        {
            node.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
            await node.EnterBarrier("started");

            await node.RunOn(first, async () =>
            {
                var probe = node.CreateTestProbe();
                var echo = node.ResolveRef(second, "/user/echo");
                probe.Send(echo, new Text("ping"));
                probe.ExpectMsg<Text>(TimeSpan.FromSeconds(10));
                probe.Watch(echo);
                probe.AwaitCondition(() => node.Remote.RemoteWatchCount.Outgoing == 1);

                await node.Shutdown(second);

                probe.ExpectTerminated(echo, TimeSpan.FromSeconds(10));
            });
            await node.EnterBarrier("second-gone");

            // Only node1 gets here: node2's scenario ended at the barrier after its shutdown.
            Assert.Equal(first, node.Myself);
            secondFinished = true;
        }, Options);

        Assert.True(secondFinished);
    }

    [Fact]
    public async Task An_exited_role_no_longer_holds_up_the_others()
    {
        var config = new MultiNodeConfig();
        var first = config.Role("node1");
        config.Role("node2");
        var third = config.Role("node3");
        var passedAfterExit = new System.Collections.Concurrent.ConcurrentBag<RoleName>();

        await MultiNodeSpec.RunAsync(config, async node =>
        {
            await node.EnterBarrier("started");
            await node.RunOn(first, () => node.Exit(third));
            await node.EnterBarrier("third-exited");
            passedAfterExit.Add(node.Myself);
        }, Options);

        Assert.Equal(new[] { "node1", "node2" }, passedAfterExit.Select(role => role.Name).Order());
    }

    [Fact]
    public async Task Roles_entering_different_barriers_fail_the_spec_naming_both()
    {
        var config = new MultiNodeConfig();
        var first = config.Role("node1");
        config.Role("node2");

        var failure = await Assert.ThrowsAsync<TestKitFailureException>(() => MultiNodeSpec.RunAsync(config, async node =>
        {
            await node.EnterBarrier(node.IsNode(first) ? "left" : "right");
        }, Options));

        Assert.Contains("'left'", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("'right'", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_role_fails_the_spec_with_its_name_and_releases_the_others()
    {
        var config = new MultiNodeConfig();
        var first = config.Role("node1");
        config.Role("node2");

        var failure = await Assert.ThrowsAsync<TestKitFailureException>(() => MultiNodeSpec.RunAsync(config, async node =>
        {
            await node.RunOn(first, () => throw new InvalidOperationException("boom on node1"));
            await node.EnterBarrier("never-opens");
        }, Options with { BarrierTimeout = TimeSpan.FromMinutes(5) }));

        Assert.Contains("node1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("boom on node1", failure.ToString(), StringComparison.Ordinal);
    }
}
