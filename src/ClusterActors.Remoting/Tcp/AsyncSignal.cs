using System.Threading.Tasks.Sources;

namespace ClusterActors.Remoting;

/// <summary>
/// An auto-reset wake-up for one waiting loop, without allocating per wait: many <see cref="Set"/>
/// calls before the loop looks again collapse into one wake-up.
/// </summary>
/// <remarks>
/// The loop must re-check its condition after every wake-up, since one wake-up may stand for many
/// Sets. Continuations run on the thread pool, so a Set never runs the loop on the caller's thread.
/// Only one <see cref="WaitAsync"/> may be outstanding at a time.
/// </remarks>
internal sealed class AsyncSignal : IValueTaskSource
{
    private const int Idle = 0;
    private const int Waiting = 1;
    private const int Signaled = 2;

    private ManualResetValueTaskSourceCore<bool> core = new() { RunContinuationsAsynchronously = true };
    private int state;

    /// <summary>Wakes the waiting loop, or the next wait if none is waiting.</summary>
    public void Set()
    {
        while (true)
        {
            switch (Volatile.Read(ref state))
            {
                case Signaled:
                    return;
                case Idle when Interlocked.CompareExchange(ref state, Signaled, Idle) == Idle:
                    return;
                case Waiting when Interlocked.CompareExchange(ref state, Signaled, Waiting) == Waiting:
                    core.SetResult(true);
                    return;
            }
        }
    }

    /// <summary>Completes at once if a Set happened since the last wait, otherwise at the next Set.</summary>
    public ValueTask WaitAsync()
    {
        if (Interlocked.CompareExchange(ref state, Idle, Signaled) == Signaled)
        {
            return ValueTask.CompletedTask;
        }

        core.Reset();
        if (Interlocked.CompareExchange(ref state, Waiting, Idle) == Idle)
        {
            return new ValueTask(this, core.Version);
        }

        // A Set slipped in between: consume it.
        Volatile.Write(ref state, Idle);
        return ValueTask.CompletedTask;
    }

    void IValueTaskSource.GetResult(short token)
    {
        core.GetResult(token);
        Volatile.Write(ref state, Idle);
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        core.OnCompleted(continuation, state, token, flags);
}
