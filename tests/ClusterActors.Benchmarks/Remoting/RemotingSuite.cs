using System.Diagnostics;
using ClusterActors.Actors;
using ClusterActors.Benchmarks.Harness;

namespace ClusterActors.Benchmarks.Remoting;

/// <summary>The remoting suite: actor messages between two nodes on loopback TCP, beside a bare-socket baseline.</summary>
public static class RemotingSuite
{
    private const int PipelineDepth = 1_000;
    private const int Pairs = 8;
    private const int LatencyRate = 10_000;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Measures every remoting metric, each on a fresh pair of nodes, and prints one JSON line each.</summary>
    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);

        report.Progress("measuring one remote ping frame for the socket baseline");
        var frameBytes = await FrameSizeProbe.MeasureAsync();
        report.Progress($"a remote ping frame is {frameBytes} bytes (length prefix, kind byte, envelope)");

        await PingPong(options, report, frameBytes);
        await Pipelined(options, report);
        await PipelinedPairs(options, report);
        await Latency(options, report);
    }

    private static async Task PingPong(BenchmarkOptions options, BenchmarkReport report, int frameBytes)
    {
        var roundTrips = options.Scale(50_000);
        report.Progress($"remote_pingpong_throughput vs socket_pingpong: one pair, one message in flight, {roundTrips:N0} round trips, {options.Runs} paired runs");
        await using var nodes = await LoopbackNodes.StartAsync();
        var echoes = StartEchoes(nodes, 1);
        var (remote, socket, ratio) = await Measurement.Paired(
            options.Runs,
            () => PipelinedThroughput(nodes, echoes, inFlight: 1, roundTrips),
            () => SocketPingPong.RunAsync(frameBytes, roundTrips));
        report.Metric("socket_pingpong", socket, "msg/s", note: $"one loopback TCP connection bouncing one {frameBytes}-byte frame");
        report.Metric("remote_pingpong_throughput", remote, "msg/s", "socket_pingpong", socket, ratio, "two nodes on loopback TCP, one actor pair, one message in flight");
    }

    private static async Task Pipelined(BenchmarkOptions options, BenchmarkReport report)
    {
        var roundTrips = options.Scale(500_000);
        report.Progress($"remote_pipelined_throughput: one pair, {PipelineDepth:N0} in flight, {roundTrips:N0} round trips, {options.Runs} runs");
        await using var nodes = await LoopbackNodes.StartAsync();
        var echoes = StartEchoes(nodes, 1);
        var pipelined = await Measurement.MedianOf(options.Runs, () => PipelinedThroughput(nodes, echoes, PipelineDepth, roundTrips));
        report.Metric("remote_pipelined_throughput", pipelined, "msg/s", note: $"one actor pair, {PipelineDepth:N0} messages in flight, both directions counted");
    }

    private static async Task PipelinedPairs(BenchmarkOptions options, BenchmarkReport report)
    {
        var roundTripsPerPair = options.Scale(500_000) / Pairs;
        report.Progress($"remote_pipelined_8pairs_throughput: {Pairs} pairs, {PipelineDepth:N0} in flight each, {roundTripsPerPair:N0} round trips each, {options.Runs} runs");
        await using var nodes = await LoopbackNodes.StartAsync();
        var echoes = StartEchoes(nodes, Pairs);
        var pairs = await Measurement.MedianOf(options.Runs, () => PipelinedThroughput(nodes, echoes, PipelineDepth, roundTripsPerPair));
        report.Metric("remote_pipelined_8pairs_throughput", pairs, "msg/s", note: $"{Pairs} actor pairs between the same two nodes, {PipelineDepth:N0} in flight each, messages of all pairs");
    }

    private static async Task Latency(BenchmarkOptions options, BenchmarkReport report)
    {
        var warmUp = TimeSpan.FromSeconds(1);
        var duration = TimeSpan.FromSeconds(options.Quick ? 1 : 5);
        report.Progress($"remote_latency: {LatencyRate:N0} msg/s paced for {duration.TotalSeconds:N0} s after a {warmUp.TotalSeconds:N0} s warm-up");
        await using var nodes = await LoopbackNodes.StartAsync();
        var echo = StartEchoes(nodes, 1)[0];
        await PacedLatency.MeasureAsync(nodes, echo, LatencyRate, warmUp);
        var result = await PacedLatency.MeasureAsync(nodes, echo, LatencyRate, duration);
        report.Progress($"remote_latency: {result.Samples:N0} round trips; p99.9 {result.P999:N0} µs, max {result.Max:N0} µs; {result.Gen0Collections} GCs pausing {result.GcPause.TotalMilliseconds:N1} ms in all");
        var note = $"round trip from node A to an echo on node B and back, {LatencyRate:N0} msg/s paced for {duration.TotalSeconds:N0} s ({result.Samples:N0} samples)";
        report.Metric("remote_latency_p50_us", OneRun(result.P50), "us", note: note);
        report.Metric("remote_latency_p99_us", OneRun(result.P99), "us", note: $"{note}; p99.9 {result.P999:N0} us, max {result.Max:N0} us");
    }

    /// <summary>Starts <paramref name="count"/> echoes on node B and returns node A's refs to them.</summary>
    private static List<IActorRef> StartEchoes(LoopbackNodes nodes, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            nodes.B.System.ActorOf(Props.Create(() => new RemoteEchoActor()), $"echo-{i}");
            return nodes.A.ResolveRef($"{nodes.B.Address}/user/echo-{i}");
        })];

    /// <summary>One pinging actor on node A per echo, each keeping <paramref name="inFlight"/> pings outstanding; messages (2 per round trip, all pairs) per second.</summary>
    private static async Task<double> PipelinedThroughput(LoopbackNodes nodes, List<IActorRef> echoes, int inFlight, long roundTrips)
    {
        var done = new List<Task>(echoes.Count);
        var pingers = new List<IActorRef>(echoes.Count);
        foreach (var echo in echoes)
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.Add(finished.Task);
            pingers.Add(nodes.A.System.ActorOf(Props.Create(() => new PipelinedPingActor(echo, inFlight, roundTrips, finished))));
        }

        var start = Stopwatch.GetTimestamp();
        pingers.ForEach(pinger => pinger.Tell(StartPinging.Instance));
        try
        {
            await Task.WhenAll(done).WaitAsync(RunTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{done.Count(task => !task.IsCompleted)} of {echoes.Count} pinging actors did not get all {roundTrips:N0} replies within {RunTimeout.TotalSeconds:N0} s; node A counters {nodes.A.Counters.Snapshot()}, node B counters {nodes.B.Counters.Snapshot()}.");
        }

        var perSecond = Measurement.PerSecond(roundTrips * 2 * echoes.Count, start);
        pingers.ForEach(nodes.A.System.Stop);
        return perSecond;
    }

    private static Measurement OneRun(double value) => new(value, 1, [value]);
}
