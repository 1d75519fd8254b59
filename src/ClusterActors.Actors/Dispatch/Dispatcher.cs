namespace ClusterActors.Actors;

/// <summary>Runs actor mailboxes: decides on which thread and in which order; see <see cref="ThreadPoolDispatcher"/> and <see cref="DeterministicDispatcher"/>.</summary>
public abstract class Dispatcher
{
    private protected Dispatcher(int throughput)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(throughput, 1);
        Throughput = throughput;
    }

    /// <summary>User messages one mailbox run processes before yielding.</summary>
    public int Throughput { get; }

    /// <summary>Where kernel-internal continuations (e.g. of the coordinated shutdown) must run; null: anywhere.</summary>
    internal virtual SynchronizationContext? SynchronizationContext => null;

    /// <summary>Queues a run of <paramref name="mailbox"/>; called at most once until that run started.</summary>
    internal abstract void Schedule(IThreadPoolWorkItem mailbox);
}
