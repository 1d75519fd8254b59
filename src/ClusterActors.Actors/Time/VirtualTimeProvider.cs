namespace ClusterActors.Actors;

/// <summary>
/// A clock that moves only when told to. Timers fire inside <see cref="Advance"/> / <see cref="AdvanceTo"/>,
/// synchronously on the advancing thread, in due-time order (ties: the timer created first fires
/// first); periodic timers re-arm; <see cref="ITimer.Change"/> and Dispose are honored. Thread-safe.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private readonly PriorityQueue<(VirtualTimer Timer, int Version), (long DueTicks, long TimerId)> queue = new();
    private readonly DateTimeOffset start;
    private long nowTicks;
    private long nextTimerId;

    /// <summary>Creates a clock at <paramref name="start"/> (default 2020-01-01T00:00:00Z).</summary>
    public VirtualTimeProvider(DateTimeOffset? start = null)
    {
        this.start = start ?? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>When the earliest active timer is due; null when no timer is active.</summary>
    public DateTimeOffset? NextDueTime
    {
        get
        {
            lock (gate)
            {
                return PeekActive() is { } timer ? start.AddTicks(timer.DueTicks) : null;
            }
        }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => start.AddTicks(Volatile.Read(ref nowTicks));

    /// <inheritdoc />
    public override long GetTimestamp() => Volatile.Read(ref nowTicks);

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every timer due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdvanceToTicks(checked(Volatile.Read(ref nowTicks) + by.Ticks));
    }

    /// <summary>Moves the clock to <paramref name="time"/> (no-op if already past it), firing every timer due on the way.</summary>
    public void AdvanceTo(DateTimeOffset time) => AdvanceToTicks(Math.Max(Volatile.Read(ref nowTicks), (time - start).Ticks));

    /// <summary>Advances to the earliest due timer and fires it (and any due at the same instant); false when no timer is active.</summary>
    public bool AdvanceToNextTimer()
    {
        long due;
        lock (gate)
        {
            if (PeekActive() is not { } timer)
            {
                return false;
            }

            due = Math.Max(timer.DueTicks, nowTicks);
        }

        AdvanceToTicks(due);
        return true;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (gate)
        {
            var timer = new VirtualTimer(this, callback, state, ++nextTimerId);
            timer.Arm(dueTime, period);
            return timer;
        }
    }

    private void AdvanceToTicks(long target)
    {
        while (true)
        {
            VirtualTimer timer;
            lock (gate)
            {
                if (PeekActive() is not { } next || next.DueTicks > target)
                {
                    if (target > nowTicks)
                    {
                        Volatile.Write(ref nowTicks, target);
                    }

                    return;
                }

                timer = queue.Dequeue().Timer;
                if (timer.DueTicks > nowTicks)
                {
                    Volatile.Write(ref nowTicks, timer.DueTicks);
                }

                timer.OnFiring();
            }

            timer.Invoke();
        }
    }

    /// <summary>The earliest queued timer that is still armed as queued (stale entries are dropped).</summary>
    private VirtualTimer? PeekActive()
    {
        while (queue.TryPeek(out var entry, out _))
        {
            if (entry.Timer.IsArmed && entry.Version == entry.Timer.Version)
            {
                return entry.Timer;
            }

            queue.Dequeue();
        }

        return null;
    }

    private void Enqueue(VirtualTimer timer) => queue.Enqueue((timer, timer.Version), (timer.DueTicks, timer.Id));

    private sealed class VirtualTimer(VirtualTimeProvider clock, TimerCallback callback, object? state, long id) : ITimer
    {
        private long periodTicks;

        public long Id { get; } = id;

        public long DueTicks { get; private set; }

        public bool IsArmed { get; private set; }

        public int Version { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                if (Version < 0)
                {
                    return false;
                }

                Arm(dueTime, period);
                return true;
            }
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                IsArmed = false;
                Version = -1;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>Called under the clock's lock.</summary>
        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            ValidateSpan(dueTime, nameof(dueTime));
            ValidateSpan(period, nameof(period));
            Version++;
            periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                IsArmed = false;
                return;
            }

            IsArmed = true;
            DueTicks = clock.nowTicks + dueTime.Ticks;
            clock.Enqueue(this);
        }

        /// <summary>Called under the clock's lock when this timer is dequeued to fire: re-arm or disarm.</summary>
        public void OnFiring()
        {
            if (periodTicks > 0)
            {
                DueTicks += periodTicks;
                clock.Enqueue(this);
            }
            else
            {
                IsArmed = false;
            }
        }

        public void Invoke() => callback(state);

        private static void ValidateSpan(TimeSpan span, string name)
        {
            if (span < TimeSpan.Zero && span != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(name, span, "A timer's due time and period must be non-negative or Timeout.InfiniteTimeSpan.");
            }
        }
    }
}
