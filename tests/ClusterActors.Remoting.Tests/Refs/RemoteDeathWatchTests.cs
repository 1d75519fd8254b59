using ClusterActors.Actors;
using ClusterActors.Remoting.Tests.Support;
using ClusterActors.TestKit;
using Xunit;

namespace ClusterActors.Remoting.Tests.Refs;

/// <summary>Death watch across nodes over loopback TCP, including a node that crashes, restarts or shuts down.</summary>
public sealed class RemoteDeathWatchTests : TwoTcpNodes
{

    [Fact]
    public void Watching_a_remote_actor_by_path_delivers_Terminated_once_it_stops()
    {
        var echo = Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        var remoteEcho = Alpha.ResolveRef($"{Beta.Address}/user/echo");
        probe.Watch(remoteEcho);
        AwaitWatches(Beta, incoming: 1);

        Beta.System.Stop(echo);

        var terminated = probe.ExpectTerminated(remoteEcho);
        Assert.True(terminated.ExistenceConfirmed);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        AwaitWatches(Alpha, outgoing: 0);
        AwaitWatches(Beta, incoming: 0);
    }

    [Fact]
    public void Watching_a_remote_actor_that_does_not_exist_delivers_Terminated_without_existence()
    {
        var probe = TestProbe.Create(Alpha.System);
        var missing = Alpha.ResolveRef($"{Beta.Address}/user/never-started");

        probe.Watch(missing);

        Assert.False(probe.ExpectTerminated(missing).ExistenceConfirmed);
    }

    [Fact]
    public void After_unwatch_no_Terminated_arrives_and_both_sides_forget_the_watch()
    {
        var echo = Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        var remoteEcho = Alpha.ResolveRef($"{Beta.Address}/user/echo");
        probe.Watch(remoteEcho);
        AwaitWatches(Beta, incoming: 1);

        probe.Unwatch(remoteEcho);
        AwaitWatches(Beta, incoming: 0);
        Beta.System.Stop(echo);

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal((0, 0), Alpha.RemoteWatchCount);
    }

    [Fact]
    public async Task Watchers_get_Terminated_when_the_node_restarts_as_a_new_incarnation()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        var remoteEcho = Alpha.ResolveRef($"{Beta.Address}/user/echo");
        probe.Watch(remoteEcho);
        AwaitWatches(Beta, incoming: 1);

        var port = Beta.Address.Port!.Value;
        await Beta.AbortAsync();
        Beta = await TcpNodes.StartAsync("beta", port);
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");

        // Talking to the node again is how alpha meets the new incarnation.
        AwaitEcho(remoteEcho, "are you there?");

        var terminated = probe.FishForMessage<Terminated>(_ => true, TimeSpan.FromSeconds(10));
        Assert.Equal(remoteEcho, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task Watchers_get_Terminated_when_the_node_shuts_down_gracefully()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        var remoteEcho = Alpha.ResolveRef($"{Beta.Address}/user/echo");
        probe.Watch(remoteEcho);
        AwaitWatches(Beta, incoming: 1);

        await Beta.ShutdownAsync();

        Assert.Equal(remoteEcho, probe.ExpectTerminated(remoteEcho, TimeSpan.FromSeconds(10)).ActorRef);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_ref_to_a_gone_incarnation_never_reaches_its_successor()
    {
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var probe = TestProbe.Create(Alpha.System);
        probe.Send(Alpha.ResolveRef($"{Beta.Address}/user/echo"), new Text("first run"));
        probe.ExpectMsg<Text>();
        var pinnedToFirstRun = probe.LastSender;

        var port = Beta.Address.Port!.Value;
        await Beta.AbortAsync();
        Beta = await TcpNodes.StartAsync("beta", port);
        Beta.System.ActorOf(Props.Create(() => new EchoActor()), "echo");
        AwaitEcho(Alpha.ResolveRef($"{Beta.Address}/user/echo"), "second run");
        var droppedBefore = Alpha.Counters.DroppedOutbound;

        var checker = TestProbe.Create(Alpha.System);
        checker.Send(pinnedToFirstRun, new Text("for the first run only"));

        checker.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(droppedBefore + 1, Alpha.Counters.DroppedOutbound);
    }

    /// <summary>Asks until the echo answers: a message written while the old run's connection was dying is lost (at-most-once), so one try proves nothing.</summary>
    private void AwaitEcho(IActorRef echo, string text)
    {
        var asker = TestProbe.Create(Alpha.System);
        asker.AwaitCondition(
            () =>
            {
                asker.Send(echo, new Text(text));
                return asker.ReceiveOneOrNone(TimeSpan.FromMilliseconds(500)) is Text reply && reply.Value == text;
            },
            TimeSpan.FromSeconds(10),
            $"{echo} never echoed \"{text}\"");
    }

    private static void AwaitWatches(RemoteActorSystem node, int? outgoing = null, int? incoming = null) =>
        TestProbe.Create(node.System).AwaitCondition(
            () => (outgoing is null || node.RemoteWatchCount.Outgoing == outgoing) && (incoming is null || node.RemoteWatchCount.Incoming == incoming),
            TimeSpan.FromSeconds(10),
            $"{node}: watches (outgoing {outgoing?.ToString() ?? "any"}, incoming {incoming?.ToString() ?? "any"}), have {node.RemoteWatchCount}");
}
