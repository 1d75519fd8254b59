using ClusterActors.Actors;
using ClusterActors.Remoting.Tests.Support;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Remoting.Tests.Refs;

/// <summary>Death watch across nodes over loopback TCP, including a node that crashes, restarts or shuts down.</summary>
public sealed class RemoteDeathWatchTests : IAsyncLifetime
{
    private RemoteActorSystem alpha = null!;
    private RemoteActorSystem beta = null!;

    public async Task InitializeAsync()
    {
        alpha = await TcpNodes.StartAsync("alpha");
        beta = await TcpNodes.StartAsync("beta");
    }

    public async Task DisposeAsync()
    {
        await alpha.ShutdownAsync();
        await beta.ShutdownAsync();
    }

    [Fact]
    public void Watching_a_remote_actor_by_path_delivers_Terminated_once_it_stops()
    {
        var echo = beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(alpha.System);
        var remoteEcho = alpha.ResolveRef($"{beta.Address}/user/echo");
        probe.Watch(remoteEcho);
        AwaitWatches(beta, incoming: 1);

        beta.System.Stop(echo);

        var terminated = probe.ExpectTerminated(remoteEcho);
        Assert.True(terminated.ExistenceConfirmed);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        AwaitWatches(alpha, outgoing: 0);
        AwaitWatches(beta, incoming: 0);
    }

    [Fact]
    public void Watching_a_remote_actor_that_does_not_exist_delivers_Terminated_without_existence()
    {
        var probe = TestProbe.Create(alpha.System);
        var missing = alpha.ResolveRef($"{beta.Address}/user/never-started");

        probe.Watch(missing);

        Assert.False(probe.ExpectTerminated(missing).ExistenceConfirmed);
    }

    [Fact]
    public void After_unwatch_no_Terminated_arrives_and_both_sides_forget_the_watch()
    {
        var echo = beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(alpha.System);
        var remoteEcho = alpha.ResolveRef($"{beta.Address}/user/echo");
        probe.Watch(remoteEcho);
        AwaitWatches(beta, incoming: 1);

        probe.Unwatch(remoteEcho);
        AwaitWatches(beta, incoming: 0);
        beta.System.Stop(echo);

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal((0, 0), alpha.RemoteWatchCount);
    }

    [Fact]
    public async Task Watchers_get_Terminated_when_the_node_restarts_as_a_new_incarnation()
    {
        beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(alpha.System);
        var remoteEcho = alpha.ResolveRef($"{beta.Address}/user/echo");
        probe.Watch(remoteEcho);
        AwaitWatches(beta, incoming: 1);

        var port = beta.Address.Port!.Value;
        await beta.AbortAsync();
        beta = await TcpNodes.StartAsync("beta", port);
        beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");

        // Talking to the node again is how alpha meets the new incarnation.
        probe.Send(remoteEcho, new Text("are you there?"));

        var terminated = probe.FishForMessage<Terminated>(_ => true, TimeSpan.FromSeconds(10));
        Assert.Equal(remoteEcho, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task Watchers_get_Terminated_when_the_node_shuts_down_gracefully()
    {
        beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(alpha.System);
        var remoteEcho = alpha.ResolveRef($"{beta.Address}/user/echo");
        probe.Watch(remoteEcho);
        AwaitWatches(beta, incoming: 1);

        await beta.ShutdownAsync();

        Assert.Equal(remoteEcho, probe.ExpectTerminated(remoteEcho, TimeSpan.FromSeconds(10)).ActorRef);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_ref_to_a_gone_incarnation_never_reaches_its_successor()
    {
        beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(alpha.System);
        probe.Send(alpha.ResolveRef($"{beta.Address}/user/echo"), new Text("first run"));
        probe.ExpectMsg<Text>();
        var pinnedToFirstRun = probe.LastSender;

        var port = beta.Address.Port!.Value;
        await beta.AbortAsync();
        beta = await TcpNodes.StartAsync("beta", port);
        beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        probe.Send(alpha.ResolveRef($"{beta.Address}/user/echo"), new Text("second run"));
        Assert.Equal("second run", probe.ExpectMsg<Text>(TimeSpan.FromSeconds(10)).Value);
        var droppedBefore = alpha.Counters.DroppedOutbound;

        probe.Send(pinnedToFirstRun, new Text("for the first run only"));

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(droppedBefore + 1, alpha.Counters.DroppedOutbound);
    }

    private static void AwaitWatches(RemoteActorSystem node, int? outgoing = null, int? incoming = null) =>
        TestProbe.Create(node.System).AwaitCondition(
            () => (outgoing is null || node.RemoteWatchCount.Outgoing == outgoing) && (incoming is null || node.RemoteWatchCount.Incoming == incoming),
            TimeSpan.FromSeconds(10),
            $"{node}: watches (outgoing {outgoing?.ToString() ?? "any"}, incoming {incoming?.ToString() ?? "any"}), have {node.RemoteWatchCount}");
}
