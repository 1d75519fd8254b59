using System.Diagnostics;
using ClusterActors.Actors;

namespace ClusterActors.Benchmarks.Remoting;

/// <summary>Round-trip times of pings sent at a fixed rate from node A to an echo on node B.</summary>
internal static class PacedLatency
{
    /// <summary>Percentiles of one paced run in microseconds, and the garbage collections during it (their pauses stall every message in flight).</summary>
    public sealed record Result(int Samples, double P50, double P99, double P999, double Max, int Gen0Collections, TimeSpan GcPause);

    /// <summary>
    /// A dedicated thread sends <paramref name="rate"/> pings a second for <paramref name="duration"/> to
    /// <paramref name="echo"/>, each stamped with its send time; a recorder actor on node A takes the round
    /// trip when the reply arrives.
    /// </summary>
    /// <remarks>
    /// The sender paces on <see cref="Stopwatch"/> ticks: each ping has a due time (start + i × interval) and
    /// the thread yields in a loop until it comes, since a sleep's granularity (about 1 ms) is ten times the
    /// 100 µs interval. A ping whose due time passed while the thread was not running goes out at once, so
    /// the rate holds over the run. The timestamp is the real send time, so such a delay is not counted.
    /// </remarks>
    public static async Task<Result> MeasureAsync(LoopbackNodes nodes, IActorRef echo, int rate, TimeSpan duration)
    {
        var roundTripTicks = new long[(int)(rate * duration.TotalSeconds)];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = nodes.A.System.ActorOf(Props.Create(() => new RoundTripRecorder(roundTripTicks, done)));
        var collectionsBefore = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        var sender = new Thread(() => SendPaced(echo, recorder, roundTripTicks.Length, rate)) { IsBackground = true, Name = "paced sender" };
        sender.Start();
        try
        {
            await done.Task.WaitAsync(duration + TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Not all {roundTripTicks.Length:N0} paced pings came back within {duration.TotalSeconds + 30:N0} s; node A counters {nodes.A.Counters.Snapshot()}, node B counters {nodes.B.Counters.Snapshot()}.");
        }

        sender.Join();
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        nodes.A.System.Stop(recorder);
        Array.Sort(roundTripTicks);
        return new Result(
            roundTripTicks.Length,
            Microseconds(Percentile(roundTripTicks, 0.50)),
            Microseconds(Percentile(roundTripTicks, 0.99)),
            Microseconds(Percentile(roundTripTicks, 0.999)),
            Microseconds(roundTripTicks[^1]),
            collections,
            pause);
    }

    private static void SendPaced(IActorRef echo, IActorRef recorder, int count, int rate)
    {
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * interval);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Yield();
            }

            echo.Tell(new TimedPing(i, Stopwatch.GetTimestamp()), recorder);
        }
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static long Percentile(long[] sorted, double fraction) =>
        sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
