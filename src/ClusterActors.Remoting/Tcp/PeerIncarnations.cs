namespace ClusterActors.Remoting;

/// <summary>What this node knows about the runs of one peer address: the latest incarnation seen, the ones gone for good and the quarantined ones.</summary>
/// <remarks>Not thread-safe: its association guards it with its lock. Gone is final: a gone incarnation is never talked to again.</remarks>
internal sealed class PeerIncarnations
{
    private readonly HashSet<long> gone = [];
    private readonly HashSet<long> quarantined = [];

    /// <summary>The incarnation of the latest completed handshake, if any.</summary>
    public long? Known { get; private set; }

    public bool IsGone(long incarnation) => gone.Contains(incarnation);

    public bool IsQuarantined(long incarnation) => quarantined.Contains(incarnation);

    /// <summary>Records a completed handshake with <paramref name="incarnation"/>; returns the incarnation it replaces (newly gone), if any.</summary>
    /// <remarks>The caller has checked that <paramref name="incarnation"/> is not gone.</remarks>
    public long? Observe(long incarnation)
    {
        var previous = Known;
        Known = incarnation;
        return previous is long old && old != incarnation && gone.Add(old) ? old : null;
    }

    /// <summary>Marks <paramref name="incarnation"/> gone; true the first time (the caller raises the event once).</summary>
    public bool MarkGone(long incarnation) => gone.Add(incarnation);

    /// <summary>Quarantines <paramref name="incarnation"/> (and so marks it gone); true when it was not gone before.</summary>
    public bool Quarantine(long incarnation)
    {
        quarantined.Add(incarnation);
        return gone.Add(incarnation);
    }
}
