namespace ClusterActors.Actors.Tests.Support;

/// <summary>Runs a body on several dedicated threads released at the same instant, so their calls really race; rethrows the first failure.</summary>
public static class ConcurrentProducers
{
    /// <summary>Runs <paramref name="body"/>(index) on <paramref name="threads"/> threads and joins them within <see cref="StressLimits.Hang"/>.</summary>
    public static void Run(int threads, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var start = new Barrier(threads);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var started = Enumerable.Range(0, threads).Select(index =>
        {
            var thread = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    body(index);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            })
            {
                IsBackground = true,
                Name = $"stress-producer-{index}",
            };
            thread.Start();
            return thread;
        }).ToList();

        foreach (var thread in started)
        {
            if (!thread.Join(StressLimits.Hang))
            {
                throw new TimeoutException($"Producer thread {thread.Name} did not finish within {StressLimits.Hang}.");
            }
        }

        if (failures.TryDequeue(out var first))
        {
            throw new AggregateException("A producer thread failed.", [first, .. failures]);
        }
    }
}
