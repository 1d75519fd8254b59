namespace ClusterActors.Benchmarks.Harness;

/// <summary>Holds the .NET thread pool at a fixed number of workers for a whole benchmark run.</summary>
/// <remarks>
/// On this 2-core machine the pool's hill climbing grows it from 3 to 9 workers during the first
/// ping-pong, and every figure after that drops 4–5× (idle workers spin for work and take the
/// cores from the busy ones) — for bare channels and for actors alike, at a moment nobody chose.
/// Pinning the pool makes runs repeatable; baselines and kernel share the same pin, so the ratios
/// compare like with like. <c>--default-pool</c> measures without it.
/// </remarks>
public static class ThreadPoolPin
{
    /// <summary>Caps worker threads at <paramref name="workers"/>; returns a line describing the pool.</summary>
    public static string Apply(int workers)
    {
        ThreadPool.GetMaxThreads(out _, out var ioMax);
        ThreadPool.GetMinThreads(out _, out var ioMin);
        if (!ThreadPool.SetMinThreads(Math.Min(workers, Environment.ProcessorCount), ioMin) || !ThreadPool.SetMaxThreads(workers, ioMax))
        {
            throw new InvalidOperationException($"The thread pool refused a cap of {workers} workers.");
        }

        return $"thread pool pinned at {workers} workers ({Environment.ProcessorCount} cores)";
    }

    /// <summary>Describes the unpinned pool.</summary>
    public static string Default()
    {
        ThreadPool.GetMaxThreads(out var workers, out _);
        return $"default thread pool (hill climbing, up to {workers} workers; {Environment.ProcessorCount} cores)";
    }
}
