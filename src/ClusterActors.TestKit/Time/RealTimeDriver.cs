namespace ClusterActors.TestKit;

/// <summary>Waits on real time: blocks on the arrival signal, or re-checks at short intervals by waiting on a never-released semaphore.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never requested holds no unmanaged resource.")]
internal sealed class RealTimeDriver : TestTimeDriver
{
    private readonly SemaphoreSlim pause = new(0);

    public override bool IsVirtual => false;

    public override TimeSpan DefaultTimeout => TestKitSettings.DefaultTimeout;

    public override long GetTimestamp() => TimeProvider.System.GetTimestamp();

    public override TimeSpan GetElapsedTime(long start) => TimeProvider.System.GetElapsedTime(start);

    public override bool WaitUntil(Func<bool> ready, SemaphoreSlim? signal, TimeSpan max, TimeSpan? pollInterval = null)
    {
        var start = GetTimestamp();
        while (true)
        {
            if (ready())
            {
                return true;
            }

            var remaining = max - GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            (signal ?? pause).Wait(signal is null ? Min(remaining, pollInterval ?? TestKitSettings.PollInterval) : remaining);
        }
    }

    public override async Task<bool> WaitUntilAsync(Func<bool> ready, SemaphoreSlim? signal, TimeSpan max, TimeSpan? pollInterval = null)
    {
        var start = GetTimestamp();
        while (true)
        {
            if (ready())
            {
                return true;
            }

            var remaining = max - GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            await (signal ?? pause).WaitAsync(signal is null ? Min(remaining, pollInterval ?? TestKitSettings.PollInterval) : remaining);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
