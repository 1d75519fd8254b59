namespace ClusterActors.TestKit;

/// <summary>How a test kit waits: on real time by blocking on signals, on virtual time by running the dispatcher and moving the clock.</summary>
internal abstract class TestTimeDriver
{
    public abstract bool IsVirtual { get; }

    public abstract TimeSpan DefaultTimeout { get; }

    public abstract long GetTimestamp();

    public abstract TimeSpan GetElapsedTime(long start);

    /// <summary>Waits until <paramref name="ready"/> holds or <paramref name="max"/> passed; <paramref name="signal"/> (if any) is released when readiness may have changed.</summary>
    public abstract bool WaitUntil(Func<bool> ready, SemaphoreSlim? signal, TimeSpan max, TimeSpan? pollInterval = null);

    /// <summary>The async form of <see cref="WaitUntil"/> (on virtual time it completes synchronously).</summary>
    public abstract Task<bool> WaitUntilAsync(Func<bool> ready, SemaphoreSlim? signal, TimeSpan max, TimeSpan? pollInterval = null);

    /// <summary>Describes a duration for failure messages.</summary>
    public string Describe(TimeSpan duration) =>
        $"{duration.TotalMilliseconds:0.#} ms{(IsVirtual ? " of virtual time" : string.Empty)}";
}
