using ClusterActors.Actors;

namespace ClusterActors.TestKit;

/// <summary>Waits on virtual time: runs the dispatcher to idle, and while the condition does not hold moves the clock to the next due timer, up to the deadline. No real waiting.</summary>
internal sealed class VirtualTimeDriver(VirtualTimeProvider clock, DeterministicDispatcher dispatcher) : TestTimeDriver
{
    public VirtualTimeProvider Clock { get; } = clock;

    public DeterministicDispatcher Dispatcher { get; } = dispatcher;

    public override bool IsVirtual => true;

    public override TimeSpan DefaultTimeout => TestKitSettings.DefaultVirtualTimeout;

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override TimeSpan GetElapsedTime(long start) => Clock.GetElapsedTime(start);

    public override bool WaitUntil(Func<bool> ready, SemaphoreSlim? signal, TimeSpan max, TimeSpan? pollInterval = null)
    {
        var deadline = Clock.GetUtcNow() + max;
        while (true)
        {
            Dispatcher.RunUntilIdle();
            if (ready())
            {
                return true;
            }

            var next = Clock.NextDueTime;
            if (next is null || next > deadline)
            {
                Clock.AdvanceTo(deadline);
                Dispatcher.RunUntilIdle();
                return ready();
            }

            Clock.AdvanceTo(next.Value);
        }
    }

    public override Task<bool> WaitUntilAsync(Func<bool> ready, SemaphoreSlim? signal, TimeSpan max, TimeSpan? pollInterval = null) =>
        Task.FromResult(WaitUntil(ready, signal, max, pollInterval));

    /// <summary>Advances by exactly <paramref name="by"/>, running the dispatcher to idle between timer firings.</summary>
    public void Advance(TimeSpan by) => WaitUntil(static () => false, null, by);
}
