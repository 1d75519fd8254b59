using System.Globalization;
using ClusterActors.Benchmarks.Harness;

namespace ClusterActors.Benchmarks.Transitions;

/// <summary>The transitions suite: how long a join takes to travel five levels on N nodes in one process over loopback TCP, and how many messages it costs.</summary>
public static class TransitionsSuite
{
    private const int Levels = 5;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Measures every transitions metric and prints one JSON line each.</summary>
    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);

        // Each run forms a fresh cluster of N-1 nodes, then one more joins: 5 runs (3 quick) after a warm-up.
        var runs = options.Quick ? 3 : 5;
        foreach (var size in new[] { 3, 10, 25 })
        {
            var messages = new List<double>();
            report.Progress(string.Create(CultureInfo.InvariantCulture, $"join_{Levels}_levels_{size}: {size - 1} nodes in one process over loopback TCP form a cluster with {Levels} levels of subsystems that acknowledge at once; one more node joins; {runs} runs after a warm-up"));
            var joined = await Measurement.MedianOf(runs, async () =>
            {
                await using var cluster = await TransitionsCluster.FormAllButOneAsync(size, Levels, Deadline);
                var (milliseconds, sent) = await cluster.JoinLastAsync(Deadline);
                messages.Add(sent);
                return milliseconds;
            });
            report.Metric(string.Create(CultureInfo.InvariantCulture, $"join_{Levels}_levels_{size}"), joined, "ms", note: string.Create(
                CultureInfo.InvariantCulture,
                $"first commit admitting the joiner to every one of {size} members showing it Joined after {Levels} levels (each member asked about every 1 ms); min {joined.Samples.Min():0.0} ms, max {joined.Samples.Max():0.0} ms"));

            if (size == 25)
            {
                // The warm-up's count is left out, as for the time.
                var counted = Measurement.Of(messages.Skip(1).ToList());
                report.Metric("transition_messages_25", counted, "msgs", note: string.Create(
                    CultureInfo.InvariantCulture,
                    $"transition messages all {size} supervisors sent to other members for one join through {Levels} levels; the protocol's count is (L+2)(m-1) rounds (at the commit, at each level, at Joined) + L(m-1) acknowledgements + 1 announcement of the joiner's subsystems = {(Levels + 2) * (size - 1) + Levels * (size - 1) + 1} for L = {Levels}, m = {size} (one less when the announcement reaches the sequencer before its own commit: that first round then goes to the m-2 old members); membership messages not counted"));
            }
        }
    }
}
