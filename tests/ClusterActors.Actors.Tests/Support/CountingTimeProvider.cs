namespace ClusterActors.Actors.Tests.Support;

/// <summary>A clock that delegates to another and counts the timers made on it and how many of them were disposed.</summary>
public sealed class CountingTimeProvider(TimeProvider inner) : TimeProvider
{
    private int created;
    private int disposed;

    public int TimersCreated => Volatile.Read(ref created);

    public int TimersDisposed => Volatile.Read(ref disposed);

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref created);
        return new CountedTimer(this, inner.CreateTimer(callback, state, dueTime, period));
    }

    private sealed class CountedTimer(CountingTimeProvider owner, ITimer timer) : ITimer
    {
        private int isDisposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref isDisposed, 1) == 0)
            {
                Interlocked.Increment(ref owner.disposed);
            }

            timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
