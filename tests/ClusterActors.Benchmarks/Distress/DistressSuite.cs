using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ClusterActors.Benchmarks.Harness;
using ClusterActors.Benchmarks.Membership;
using ClusterActors.Cli.LocalCluster;

namespace ClusterActors.Benchmarks.Distress;

/// <summary>The distress suite: a member that sends a distress signal against one that just dies, on real node processes over loopback.</summary>
public static class DistressSuite
{
    private const int Nodes = 3;
    private const double GoalMs = 50;
    private const double GoalSpeedup = 20;

    /// <summary>Measures distress_to_membership beside kill_to_membership (its same-run baseline) and prints one JSON line each.</summary>
    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);

        // A fresh cluster of processes per run; the two figures alternate so that both see the same machine.
        var runs = options.Quick ? 3 : 5;
        report.Progress(string.Create(CultureInfo.InvariantCulture, $"distress_to_membership vs kill_to_membership: {Nodes} node processes on loopback, default timing; a member that is not the crown prince sends a distress (POST /node/distress, kind hardware: sync) or is SIGKILLed; time until every survivor's GET /cluster/members lists exactly the survivors; {runs} runs of each after a warm-up"));
        var distressRun = 0;
        var killRun = 0;
        var (distress, kill, ratio) = await Measurement.Paired(
            runs,
            () => FailureToMembership.MeasureAsync(Nodes, "distress_to_membership", SendDistress, report, distressRun++, prepare: WarmRoute),
            () => FailureToMembership.MeasureAsync(Nodes, "kill_to_membership", FailureToMembership.Kill, report, killRun++));
        var speedup = 1 / ratio;
        report.Metric("kill_to_membership", kill, "ms", note: string.Create(
            CultureInfo.InvariantCulture,
            $"SIGKILL of a member to every survivor showing the new membership: the heartbeat path (communication-timeout 600 ms + one reconfiguration); min {kill.Samples.Min():0} ms, max {kill.Samples.Max():0} ms"));
        report.Metric("distress_to_membership", distress, "ms", "kill_to_membership", kill, ratio, note: string.Create(
            CultureInfo.InvariantCulture,
            $"POST /node/distress (hardware, sync) to every survivor showing the new membership; min {distress.Samples.Min():0.0} ms, max {distress.Samples.Max():0.0} ms; {speedup:0.0}x faster than the heartbeat path (median of per-pair ratios); goal <= {GoalMs:0} ms: {(distress.Median <= GoalMs ? "met" : "NOT met")}, >= {GoalSpeedup:0}x: {(speedup >= GoalSpeedup ? "met" : "NOT met")}"));
    }

    /// <summary>The operator's trigger: <c>POST /node/distress</c> with kind hardware (sent synchronously before the answer).</summary>
    private static async Task SendDistress(RunningCluster cluster, LocalNode victim, HttpClient http)
    {
        using var response = await PostAsync(victim, http, """{"kind": "hardware", "reason": "benchmark"}""");
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /node/distress on {victim.NodeId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// Before the clock starts: a request the route refuses (no kind, 400) compiles the HTTP route and its
    /// JSON on the victim, so the figure is the distress path, not the management server's first request.
    /// </summary>
    private static async Task WarmRoute(LocalNode victim, HttpClient http)
    {
        using var response = await PostAsync(victim, http, """{"kind": ""}""");
        if (response.StatusCode != System.Net.HttpStatusCode.BadRequest)
        {
            throw new InvalidOperationException($"the warm-up POST /node/distress on {victim.NodeId} answered {(int)response.StatusCode}, not 400: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(LocalNode victim, HttpClient http, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(victim.ManagementUrl, "node/distress"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FailureToMembership.Token);
        return await http.SendAsync(request);
    }
}
