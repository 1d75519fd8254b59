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
        var value = await Measurement.MedianOf(runs, () => CrashToMembership.MeasureAsync(nodes, report, run++));
        var (min, max) = (value.Samples.Min(), value.Samples.Max());
        report.Metric(metric, value, "ms", note: string.Create(
            CultureInfo.InvariantCulture,
            $"SIGKILL of a non-crown-prince member of {nodes} to the last of {nodes - 1} survivors showing the new membership (each polled every 2 ms); min {min:0} ms, max {max:0} ms over {runs} runs; goal <= {CrashGoalMs:0} ms: {(value.Median <= CrashGoalMs ? "met" : "NOT met")}"));
    }

    /// <summary>
    /// Figures measured on the membership coordinator in one process, without node processes: the
    /// lead adds <c>form_10</c>, <c>form_25</c>, <c>form_50</c> (time for N nodes to form) and
    /// <c>reconfig_messages_N</c> (messages one reconfiguration sends) here, with the coordinator.
    /// </summary>
    private static Task InProcessFigures(BenchmarkOptions options, BenchmarkReport report)
    {
        _ = options;
        report.Progress("in-process figures (form_10/25/50, reconfig_messages_N): not measured yet");
        return Task.CompletedTask;
    }
}
