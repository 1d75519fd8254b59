using System.Diagnostics;
using ClusterActors.Actors;
using ClusterActors.Benchmarks.Harness;

namespace ClusterActors.Benchmarks.Kernel;

/// <summary>The kernel suite: local tell, ping-pong, ask and idle memory beside bare-channel baselines.</summary>
public static class KernelSuite
{
    private const int IdleActors = 100_000;
    private const int ConcurrentAskers = 16;

    /// <summary>Measures every kernel metric and prints one JSON line each.</summary>
    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var flood = options.Scale(20_000_000);
        var bounces = options.Scale(5_000_000);
        var asks = options.Scale(2_000_000);

        await using var system = ActorSystem.Create("bench");

        report.Progress($"tell_throughput vs channel_oneway: {flood:N0} messages from a plain thread, {options.Runs} paired runs");
        var (tell, channelOneWay, tellRatio) = await Measurement.Paired(options.Runs, () => TellThroughput(system, flood), () => ChannelBaselines.OneWay(flood));
        report.Metric("channel_oneway", channelOneWay, "msg/s");
        report.Metric("tell_throughput", tell, "msg/s", "channel_oneway", channelOneWay, tellRatio);

        report.Progress($"pingpong_throughput vs channel_pingpong: one pair, {bounces:N0} round trips, {options.Runs} paired runs");
        var (pingPong, channelPingPong, pingPongRatio) = await Measurement.Paired(options.Runs, () => PingPongThroughput(system, pairs: 1, bounces), () => ChannelBaselines.PingPong(bounces));
        report.Metric("channel_pingpong", channelPingPong, "msg/s");
        report.Metric("pingpong_throughput", pingPong, "msg/s", "channel_pingpong", channelPingPong, pingPongRatio);

        report.Progress($"pingpong_4pairs_throughput vs channel_pingpong_4pairs: four pairs, {bounces:N0} round trips each, {options.Runs} paired runs");
        var (fourPairs, channelFourPairs, fourPairsRatio) = await Measurement.Paired(options.Runs, () => PingPongThroughput(system, pairs: 4, bounces), () => ChannelBaselines.PingPong(bounces, pairs: 4));
        report.Metric("channel_pingpong_4pairs", channelFourPairs, "msg/s");
        report.Metric("pingpong_4pairs_throughput", fourPairs, "msg/s", "channel_pingpong_4pairs", channelFourPairs, fourPairsRatio, "four actor pairs at once, messages of all pairs");

        report.Progress($"ask_throughput: {asks:N0} asks from {ConcurrentAskers} concurrent callers outside the system");
        var ask = await Measurement.MedianOf(options.Runs, () => AskThroughput(system, asks));
        report.Metric("ask_throughput", ask, "asks/s", note: $"{ConcurrentAskers} callers outside the system, each awaiting its ask before the next");

        report.Progress($"idle_actor_bytes: {IdleActors:N0} started ReceiveActors");
        var idle = await Measurement.MedianOf(options.Quick ? 1 : 3, () => IdleActorBytes());
        report.Metric("idle_actor_bytes", idle, "bytes", note: "managed heap growth per started idle ReceiveActor with one handler");
    }

    private static async Task<double> TellThroughput(ActorSystem system, long count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(Props.Create(() => new CountingActor(count, done)));
        var start = Stopwatch.GetTimestamp();
        var sender = new Thread(() =>
        {
            for (long i = 0; i < count; i++)
            {
                counter.Tell(Ball.Instance);
            }
        });
        sender.Start();
        await done.Task;
        var perSecond = Measurement.PerSecond(count, start);
        sender.Join();
        system.Stop(counter);
        return perSecond;
    }

    private static async Task<double> PingPongThroughput(ActorSystem system, int pairs, long roundTrips)
    {
        var done = new List<Task>(pairs);
        var actors = new List<IActorRef>(pairs * 2);
        var servers = new List<(IActorRef Ping, IActorRef Pong)>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.Add(finished.Task);
            var ping = system.ActorOf(Props.Create(() => new PingPongActor(roundTrips, finished)));
            var pong = system.ActorOf(Props.Create(() => new PingPongActor(roundTrips, null)));
            servers.Add((ping, pong));
            actors.Add(ping);
            actors.Add(pong);
        }

        var start = Stopwatch.GetTimestamp();
        foreach (var (ping, pong) in servers)
        {
            ping.Tell(Ball.Instance, pong);
        }

        await Task.WhenAll(done);
        var perSecond = Measurement.PerSecond(roundTrips * 2 * pairs, start);
        actors.ForEach(system.Stop);
        return perSecond;
    }

    private static async Task<double> AskThroughput(ActorSystem system, long asks)
    {
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        var perCaller = asks / ConcurrentAskers;
        var start = Stopwatch.GetTimestamp();
        var callers = Enumerable.Range(0, ConcurrentAskers).Select(_ => Task.Run(async () =>
        {
            for (long i = 0; i < perCaller; i++)
            {
                await echo.Ask<Ball>(Ball.Instance, TimeSpan.FromSeconds(10));
            }
        }));
        await Task.WhenAll(callers);
        var perSecond = Measurement.PerSecond(perCaller * ConcurrentAskers, start);
        system.Stop(echo);
        return perSecond;
    }

    private static async Task<double> IdleActorBytes()
    {
        // A system of its own, so nothing else it holds is counted.
        await using var system = ActorSystem.Create("idle");
        using var started = new CountdownEvent(IdleActors);
        var actors = new IActorRef[IdleActors];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < IdleActors; i++)
        {
            actors[i] = system.ActorOf(Props.Create(() => new IdleActor(started)));
        }

        started.Wait();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(actors);
        return (after - before) / (double)IdleActors;
    }
}
