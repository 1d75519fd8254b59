namespace ClusterActors.Benchmarks.Harness;

/// <summary>How hard a suite works: <c>--quick</c> trades precision for a run under 30 s.</summary>
public sealed record BenchmarkOptions(bool Quick)
{
    /// <summary>Measured runs per metric (after one warm-up); the median is printed.</summary>
    public int Runs => Quick ? 3 : 9;

    /// <summary>Scales message counts so one run takes about 0.2 s quick and 1 s full on this machine.</summary>
    public long Scale(long fullCount) => Quick ? fullCount / 5 : fullCount;
}
