using System.Text.Json;

namespace ClusterActors.Benchmarks.Harness;

/// <summary>Prints results as JSON lines on stdout and progress on stderr, so stdout stays machine-readable.</summary>
public sealed class BenchmarkReport(string suite, TextWriter output, TextWriter progress)
{
    /// <summary>Says what is being measured now.</summary>
    public void Progress(string message) => progress.WriteLine($"[{suite}] {message}");

    /// <summary>Prints a metric with no baseline.</summary>
    public void Metric(string metric, Measurement value, string unit, string? note = null) =>
        Write(new BenchmarkResult(suite, metric, Round(value.Median), unit, Runs: value.Runs, Note: note), value);

    /// <summary>Prints a metric beside its same-run baseline and the median of their per-run ratios (see <see cref="Measurement.Paired"/>).</summary>
    public void Metric(string metric, Measurement value, string unit, string baselineMetric, Measurement baseline, double ratio, string? note = null) =>
        Write(new BenchmarkResult(suite, metric, Round(value.Median), unit, baselineMetric, Round(baseline.Median), Math.Round(ratio, 3), value.Runs, note), value);

    private void Write(BenchmarkResult result, Measurement value)
    {
        Progress($"{result.Metric}: runs {string.Join(", ", value.Samples.Select(v => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} (pool threads {ThreadPool.ThreadCount}, gen2 GCs {GC.CollectionCount(2)})");
        output.WriteLine(JsonSerializer.Serialize(result, BenchmarkJsonContext.Default.BenchmarkResult));
        output.Flush();
    }

    private static double Round(double value) => Math.Round(value, value >= 100 ? 0 : 2);
}
