namespace ClusterActors.Actors;

/// <summary>The default dispatcher: each scheduled mailbox is one work item on the .NET thread pool.</summary>
public sealed class ThreadPoolDispatcher : Dispatcher
{
    private readonly bool preferLocalQueues;

    /// <summary>Creates a dispatcher processing up to <paramref name="throughput"/> messages per mailbox run.</summary>
    /// <param name="throughput">Messages per mailbox run before yielding the thread.</param>
    /// <param name="preferLocalQueues">
    /// Queue a mailbox that an actor's message wakes on the current worker's local queue, so a
    /// conversation between actors stays on one warm thread instead of waking another for every
    /// message; idle workers still steal, and a mailbox that used up its throughput goes back to the
    /// global queue, which keeps actors fair. On the 2-core VM this project runs on, waking another
    /// thread is what costs: local queues gave 2–3× the ping-pong, four-pair and ask throughput in
    /// slow stretches and about the same in fast ones (docs/performance.md).
    /// </param>
    public ThreadPoolDispatcher(int throughput = 30, bool preferLocalQueues = true)
        : base(throughput)
    {
        this.preferLocalQueues = preferLocalQueues;
    }

    internal override void Schedule(IThreadPoolWorkItem mailbox) =>
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: preferLocalQueues && ActorCell.Current is not null);
}
