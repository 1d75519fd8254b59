using System.Text.Json.Serialization;

namespace ClusterActors.Benchmarks.Harness;

/// <summary>One printed figure: a metric, optionally beside the baseline measured in the same run.</summary>
public sealed record BenchmarkResult(
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("baseline_metric")] string? BaselineMetric = null,
    [property: JsonPropertyName("baseline")] double? Baseline = null,
    [property: JsonPropertyName("ratio")] double? Ratio = null,
    [property: JsonPropertyName("runs")] int Runs = 1,
    [property: JsonPropertyName("note")] string? Note = null);

/// <summary>Source-generated JSON for the result lines.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BenchmarkResult))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext;
