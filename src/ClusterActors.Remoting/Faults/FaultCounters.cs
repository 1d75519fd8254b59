namespace ClusterActors.Remoting;

/// <summary>Monotonic counts of what a <see cref="FaultInjector"/> did to messages; each read is atomic.</summary>
/// <remarks>
/// Counted per copy: a duplicated message counts once in <see cref="Duplicated"/>, and each of its two
/// copies may then count in <see cref="Delayed"/> or <see cref="Reordered"/>. A message that only waits
/// behind earlier delayed ones on its link (the delay was lifted meanwhile) is not counted.
/// </remarks>
public sealed class FaultCounters
{
    private long blackholed;
    private long dropped;
    private long duplicated;
    private long delayed;
    private long reordered;

    /// <summary>Messages dropped because their link is blackholed.</summary>
    public long Blackholed => Interlocked.Read(ref blackholed);

    /// <summary>Messages dropped by a drop probability.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Messages forwarded twice.</summary>
    public long Duplicated => Interlocked.Read(ref duplicated);

    /// <summary>Copies held for a link's fixed delay.</summary>
    public long Delayed => Interlocked.Read(ref delayed);

    /// <summary>Copies held back so that later messages overtake them.</summary>
    public long Reordered => Interlocked.Read(ref reordered);

    /// <summary>A copy of every counter, for tests and traces.</summary>
    public FaultCountersSnapshot Snapshot() => new(Blackholed, Dropped, Duplicated, Delayed, Reordered);

    internal void Count(FaultKind kind)
    {
        switch (kind)
        {
            case FaultKind.Blackholed:
                Interlocked.Increment(ref blackholed);
                break;
            case FaultKind.Dropped:
                Interlocked.Increment(ref dropped);
                break;
            case FaultKind.Duplicated:
                Interlocked.Increment(ref duplicated);
                break;
            case FaultKind.Delayed:
                Interlocked.Increment(ref delayed);
                break;
            case FaultKind.Reordered:
                Interlocked.Increment(ref reordered);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a fault kind.");
        }
    }
}
