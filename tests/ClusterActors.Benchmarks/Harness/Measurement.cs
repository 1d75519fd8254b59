using System.Diagnostics;

namespace ClusterActors.Benchmarks.Harness;

/// <summary>The median of several runs of one measurement, and how many runs it took.</summary>
public sealed record Measurement(double Median, int Runs, IReadOnlyList<double> Samples)
{
    /// <summary>Runs <paramref name="run"/> once to warm up, then <paramref name="runs"/> times, and keeps the median.</summary>
    public static async Task<Measurement> MedianOf(int runs, Func<Task<double>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        await run();
        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            samples.Add(await run());
        }

        return Of(samples);
    }

    /// <summary>
    /// Runs a metric and its baseline back to back, <paramref name="runs"/> times (after one warm-up
    /// of each), so that both see the same machine: this VM's speed drifts by 3× between seconds.
    /// The ratio is the median of the per-pair ratios, not the ratio of the medians.
    /// </summary>
    public static async Task<(Measurement Metric, Measurement Baseline, double Ratio)> Paired(int runs, Func<Task<double>> metric, Func<Task<double>> baseline)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(baseline);
        await baseline();
        await metric();
        var metricSamples = new List<double>(runs);
        var baselineSamples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            baselineSamples.Add(await baseline());
            metricSamples.Add(await metric());
        }

        var ratios = metricSamples.Zip(baselineSamples, (m, b) => m / b).ToList();
        return (Of(metricSamples), Of(baselineSamples), Of(ratios).Median);
    }

    /// <summary>Events per second for <paramref name="count"/> events over the time since <paramref name="startTimestamp"/>.</summary>
    public static double PerSecond(long count, long startTimestamp) =>
        count / Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;

    /// <summary>The median of samples already taken (each one run).</summary>
    public static Measurement Of(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return new Measurement(median, samples.Count, samples);
    }
}
