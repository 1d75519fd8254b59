namespace ClusterActors.Actors;

/// <summary>Monotonic counters of the kernel's noteworthy events; each read is atomic.</summary>
public sealed class KernelCounters
{
    private long deadLetters;
    private long unhandledMessages;
    private long actorFailures;
    private long actorRestarts;

    /// <summary>Messages that could not be delivered.</summary>
    public long DeadLetters => Interlocked.Read(ref deadLetters);

    /// <summary>Messages no behavior of their recipient handled.</summary>
    public long UnhandledMessages => Interlocked.Read(ref unhandledMessages);

    /// <summary>Exceptions thrown by actors (constructor, hooks or handlers) that went to supervision.</summary>
    public long ActorFailures => Interlocked.Read(ref actorFailures);

    /// <summary>Restarts performed by supervision.</summary>
    public long ActorRestarts => Interlocked.Read(ref actorRestarts);

    internal long IncrementDeadLetters() => Interlocked.Increment(ref deadLetters);

    internal void IncrementUnhandled() => Interlocked.Increment(ref unhandledMessages);

    internal void IncrementFailures() => Interlocked.Increment(ref actorFailures);

    internal void IncrementRestarts() => Interlocked.Increment(ref actorRestarts);
}
