namespace ClusterActors.Actors;

/// <summary>Waiting on an injected clock, so a virtual clock can drive backoffs and timeouts.</summary>
public static class TimeProviderDelay
{
    /// <summary>Completes after <paramref name="delay"/> on <paramref name="timeProvider"/>'s clock; cancelled by <paramref name="cancellationToken"/>.</summary>
    public static Task Delay(this TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (delay == TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var waiter = new Waiter(cancellationToken);
        waiter.Arm(timeProvider, delay);
        return waiter.Task;
    }

    /// <summary>One pending delay: the timer completes it, the token cancels it, either way both are released.</summary>
    private sealed class Waiter
    {
        private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationToken cancellationToken;
        private ITimer? timer;
        private CancellationTokenRegistration registration;

        public Waiter(CancellationToken cancellationToken)
        {
            this.cancellationToken = cancellationToken;
        }

        public Task Task => completion.Task;

        public void Arm(TimeProvider timeProvider, TimeSpan delay)
        {
            Volatile.Write(ref timer, timeProvider.CreateTimer(static state => ((Waiter)state!).Complete(), this, delay, Timeout.InfiniteTimeSpan));
            if (cancellationToken.CanBeCanceled)
            {
                registration = cancellationToken.Register(static state => ((Waiter)state!).Cancel(), this);
            }

            // A zero-ish delay on a virtual clock may have fired before the handle was stored.
            if (completion.Task.IsCompleted)
            {
                Release();
            }
        }

        private void Complete()
        {
            if (completion.TrySetResult())
            {
                Release();
            }
        }

        private void Cancel()
        {
            if (completion.TrySetCanceled(cancellationToken))
            {
                Release();
            }
        }

        private void Release()
        {
            Interlocked.Exchange(ref timer, null)?.Dispose();
            registration.Dispose();
        }
    }
}
