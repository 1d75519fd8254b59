namespace ClusterActors.Remoting.Tests.InMemory;

/// <summary>A list filled from timer threads that a test awaits with a deadline (real-clock tests only).</summary>
/// <remarks>Awaited, not blocked on: a blocked test thread can starve the thread pool the timers run on.</remarks>
public sealed class WaitableList<T>(int expected)
{
    private readonly object gate = new();
    private readonly List<T> items = [];
    private readonly TaskCompletionSource<IReadOnlyList<T>> reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(T item)
    {
        lock (gate)
        {
            items.Add(item);
            if (items.Count == expected)
            {
                reached.SetResult([.. items]);
            }
        }
    }

    /// <summary>The first <c>expected</c> items, once they are in; throws <see cref="TimeoutException"/> after 10 s of real time.</summary>
    public Task<IReadOnlyList<T>> Expected() => reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
}
