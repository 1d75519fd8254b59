namespace ClusterActors.Actors.Tests.Support;

/// <summary>
/// The system clock, except for the one timer made after <see cref="PreemptNextTimer"/>: that one fires at once,
/// and <see cref="CreateTimer"/> returns only after its callback ran on another thread, as if the caller had been
/// preempted right after creating the timer until it fired.
/// </summary>
public sealed class PreemptedTimeProvider : TimeProvider
{
    private int preemptNext;
    private int preemptedDisposed;

    /// <summary>How many times the preempted timer was disposed.</summary>
    public int PreemptedTimersDisposed => Volatile.Read(ref preemptedDisposed);

    public void PreemptNextTimer() => Volatile.Write(ref preemptNext, 1);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (Interlocked.Exchange(ref preemptNext, 0) == 0)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        var firing = new Thread(() => callback(state)) { IsBackground = true, Name = "preempting-timer" };
        firing.Start();
        if (!firing.Join(StressLimits.Hang))
        {
            throw new TimeoutException("The timer callback did not finish.");
        }

        return new FiredTimer(this);
    }

    private sealed class FiredTimer(PreemptedTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() => Interlocked.Increment(ref owner.preemptedDisposed);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
