using System.Globalization;
using ClusterActors.Benchmarks.Harness;

namespace ClusterActors.Benchmarks.Membership;

/// <summary>The membership suite: how fast real node processes agree that a member crashed; later also in-process protocol figures.</summary>
public static class MembershipSuite
{
    /// <summary>SPEC's aim for agreeing on a crash with the default timing (communication-timeout 600 ms + one reconfiguration).</summary>
    private const double CrashGoalMs = 1500;

    /// <summary>Measures every membership metric and prints one JSON line each.</summary>
    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);

        // Each run starts a fresh cluster of processes: 5 runs (3 quick) after a warm-up run.
        var runs = options.Quick ? 3 : 5;
        await CrashToMembershipMetric(3, runs, report);
        await CrashToMembershipMetric(5, runs, report);
        await InProcessFigures(options, report);
    }

    private static async Task CrashToMembershipMetric(int nodes, int runs, BenchmarkReport report)
    {
        var metric = string.Create(CultureInfo.InvariantCulture, $"crash_to_membership_{nodes}");
        report.Progress($"{metric}: {nodes} node processes on loopback, default timing; SIGKILL one member that is not the crown prince; time until every survivor's GET /cluster/members lists exactly the survivors; {runs} runs after a warm-up");
        var run = 0;
        var value = await Measurement.MedianOf(runs, () => FailureToMembership.MeasureAsync(nodes, metric, FailureToMembership.Kill, report, run++));
        var (min, max) = (value.Samples.Min(), value.Samples.Max());
        report.Metric(metric, value, "ms", note: string.Create(
            CultureInfo.InvariantCulture,
            $"SIGKILL of a non-crown-prince member of {nodes} to the last of {nodes - 1} survivors showing the new membership (each polled every 2 ms); min {min:0} ms, max {max:0} ms over {runs} runs; goal <= {CrashGoalMs:0} ms: {(value.Median <= CrashGoalMs ? "met" : "NOT met")}"));
    }

    /// <summary>
    /// Figures measured in one process over loopback TCP, without node processes: <c>form_N</c> (N nodes
    /// started together until all agree on one cluster of N) and <c>reconfig_messages_N</c> (the
    /// reconfiguration and proposal messages all survivors send to remove one downed member).
    /// </summary>
    private static async Task InProcessFigures(BenchmarkOptions options, BenchmarkReport report)
    {
        var runs = options.Quick ? 3 : 5;
        foreach (var size in new[] { 10, 25, 50 })
        {
            var messages = new List<double>();
            report.Progress(string.Create(CultureInfo.InvariantCulture, $"form_{size}: {size} nodes in one process over loopback TCP, default reconfiguration timing (keep-alives every 1 s), every node a seed of every other; {runs} runs after a warm-up"));
            var formed = await Measurement.MedianOf(runs, async () =>
            {
                await using var cluster = await InProcessCluster.BindAsync(size);
                var start = TimeProvider.System.GetTimestamp();
                try
                {
                    await cluster.StartAndWaitFormedAsync().WaitAsync(TimeSpan.FromMinutes(1));
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException($"{size} nodes did not agree within a minute: {await cluster.DescribeAsync()}");
                }

                var elapsed = TimeProvider.System.GetElapsedTime(start).TotalMilliseconds;
                try
                {
                    messages.Add(await cluster.DownLastAndCountMessagesAsync().WaitAsync(TimeSpan.FromSeconds(30)));
                }
                catch (TimeoutException)
                {
                    // Reported, not thrown: the forming figure of this run stands on its own.
                    report.Progress($"reconfig_messages_{size}: {size - 1} nodes did not agree to remove a downed member within 30 s: {await cluster.DescribeAsync()}");
                }

                return elapsed;
            });
            report.Metric(string.Create(CultureInfo.InvariantCulture, $"form_{size}"), formed, "ms", note: string.Create(
                CultureInfo.InvariantCulture,
                $"start of {size} memberships to every node committing the same {size}-member cluster; min {formed.Samples.Min():0} ms, max {formed.Samples.Max():0} ms{(size == 50 ? $"; goal <= 2000 ms: {(formed.Median <= 2000 ? "met" : "NOT met")}" : "")}"));

            if (messages.Count == 0)
            {
                report.Progress($"reconfig_messages_{size}: not measured (no run removed the downed member in time; see above)");
                continue;
            }

            var perRound = Measurement.Of(messages.Skip(Math.Min(1, messages.Count - 1)).ToList());
            report.Metric(string.Create(CultureInfo.InvariantCulture, $"reconfig_messages_{size}"), perRound, "msgs", note: string.Create(
                CultureInfo.InvariantCulture,
                $"reconfigure + proposal messages the {size - 1} survivors sent in the round that removed one downed member; the protocol's count is s(2s-1) = {(size - 1) * (2 * (size - 1) - 1)} for s survivors (each tells every other member, the downed one included, that it is there, then proposes to every other survivor); keep-alives not counted"));
        }
    }
}
