namespace ClusterActors.Actors;

/// <summary>The timers of one actor. A tick travels through the mailbox as the timer object itself and is accepted only if that object is still the active timer for its key.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, ActiveTimer> timers = [];

    public void StartSingleTimer(object key, object message, TimeSpan delay) =>
        Start(key, message, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        StartPeriodicTimer(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"Periodic timer '{key}' of {cell.Self.Path} needs a positive interval.");
        }

        Start(key, message, initialDelay, interval);
    }

    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return timers.ContainsKey(key);
    }

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (timers.Remove(key, out var timer))
        {
            timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var timer in timers.Values)
        {
            timer.Dispose();
        }

        timers.Clear();
    }

    /// <summary>True when <paramref name="tick"/> is from the active timer of its key (a single timer is then done).</summary>
    public bool Accept(ActiveTimer tick)
    {
        if (!timers.TryGetValue(tick.Key, out var active) || !ReferenceEquals(active, tick))
        {
            return false;
        }

        if (!tick.IsPeriodic)
        {
            timers.Remove(tick.Key);
            tick.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, $"Timer '{key}' of {cell.Self.Path} needs a non-negative delay.");
        }

        Cancel(key);
        var timer = new ActiveTimer(cell, key, message, interval != Timeout.InfiniteTimeSpan);
        timers[key] = timer;
        timer.Arm(cell.System.TimeProvider, delay, interval);
    }

    /// <summary>One started timer; also the tick message it puts in the mailbox.</summary>
    internal sealed class ActiveTimer(ActorCell cell, object key, object message, bool periodic) : IAutoReceivedMessage, IDisposable
    {
        private ITimer? handle;

        public object Key { get; } = key;

        public object Message { get; } = message;

        public bool IsPeriodic { get; } = periodic;

        public void Arm(TimeProvider time, TimeSpan delay, TimeSpan interval) =>
            handle = time.CreateTimer(static state => ((ActiveTimer)state!).Fire(), this, delay, interval);

        public void Dispose() => Interlocked.Exchange(ref handle, null)?.Dispose();

        private void Fire() => cell.Post(this, null);
    }
}
