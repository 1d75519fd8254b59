namespace ClusterActors.Actors;

/// <summary>
/// Runs one ready mailbox (or posted continuation) at a time on the calling thread, choosing which
/// with <see cref="Random"/> seeded by the constructor: a run is reproducible from its seed.
/// May be shared by several actor systems (a simulator runs many nodes on one).
/// </summary>
/// <remarks>
/// While an item runs, a synchronization context is installed that posts back into this
/// dispatcher, so awaits inside kernel code and Ask continuations stay on it too.
/// </remarks>
public sealed class DeterministicDispatcher : Dispatcher
{
    private readonly Lock gate = new();
    private readonly List<IThreadPoolWorkItem> ready = [];
    private readonly Random random;
    private readonly DeterministicSynchronizationContext context;
    private int runningThread;

    /// <summary>Creates a dispatcher choosing with <paramref name="seed"/>; by default one user message per step, for the finest interleavings.</summary>
    public DeterministicDispatcher(int seed, int throughput = 1)
        : base(throughput)
    {
        Seed = seed;
        random = new Random(seed);
        context = new DeterministicSynchronizationContext(this);
    }

    /// <summary>The seed the order of runs derives from.</summary>
    public int Seed { get; }

    /// <summary>True when a mailbox or continuation is ready to run.</summary>
    public bool HasWork
    {
        get
        {
            lock (gate)
            {
                return ready.Count > 0;
            }
        }
    }

    internal override SynchronizationContext? SynchronizationContext => context;

    /// <summary>Runs one ready item chosen by the seeded random source; false when nothing was ready.</summary>
    public bool RunOne()
    {
        IThreadPoolWorkItem item;
        lock (gate)
        {
            if (ready.Count == 0)
            {
                return false;
            }

            var index = random.Next(ready.Count);
            item = ready[index];
            ready[index] = ready[^1];
            ready.RemoveAt(ready.Count - 1);
        }

        var thread = Environment.CurrentManagedThreadId;
        if (Interlocked.CompareExchange(ref runningThread, thread, 0) != 0)
        {
            Schedule(item);
            throw new InvalidOperationException("DeterministicDispatcher.RunOne was called while it was already running an item (from inside an actor, or from two threads); drive it from one place.");
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            item.Execute();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            Volatile.Write(ref runningThread, 0);
        }

        return true;
    }

    /// <summary>Runs items until none is ready; returns how many ran. Throws when still busy after <paramref name="maxSteps"/> (a livelock, e.g. two actors bouncing a message forever).</summary>
    public int RunUntilIdle(int maxSteps = 1_000_000)
    {
        var steps = 0;
        while (RunOne())
        {
            if (++steps >= maxSteps && HasWork)
            {
                throw new InvalidOperationException($"DeterministicDispatcher (seed {Seed}) was still busy after {maxSteps} steps; is a message bouncing forever?");
            }
        }

        return steps;
    }

    internal override void Schedule(IThreadPoolWorkItem mailbox)
    {
        lock (gate)
        {
            ready.Add(mailbox);
        }
    }

    /// <summary>Posts back into the dispatcher: continuations run as dispatcher steps.</summary>
    private sealed class DeterministicSynchronizationContext(DeterministicDispatcher dispatcher) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => dispatcher.Schedule(new PostedCallback(d, state));

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("Synchronous Send onto the DeterministicDispatcher is not supported; use Post (await).");

        public override SynchronizationContext CreateCopy() => this;
    }

    private sealed class PostedCallback(SendOrPostCallback callback, object? state) : IThreadPoolWorkItem
    {
        public void Execute() => callback(state);
    }
}
