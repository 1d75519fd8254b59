using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>What one in-memory node knows about its peers' runs: the latest incarnation seen at each address, the runs gone for good, the quarantined ones.</summary>
/// <remarks>Guarded by the network's lock. Gone is final: a gone run is never talked to again.</remarks>
internal sealed class PeerRuns
{
    private readonly Dictionary<Address, long> latest = [];
    private readonly HashSet<(Address, long)> gone = [];
    private readonly HashSet<(Address, long)> quarantined = [];

    /// <summary>The latest incarnation exchanged with at <paramref name="address"/>, if any.</summary>
    public long? Latest(Address address) => latest.TryGetValue(address, out var incarnation) ? incarnation : null;

    public bool IsGone(Address address, long incarnation) => gone.Contains((address, incarnation));

    public bool IsQuarantined(Address address, long incarnation) => quarantined.Contains((address, incarnation));

    /// <summary>Records that <paramref name="incarnation"/> runs at <paramref name="address"/>; returns the run it replaces when that one is newly gone.</summary>
    /// <remarks>The caller has checked that <paramref name="incarnation"/> is not gone.</remarks>
    public long? Observe(Address address, long incarnation)
    {
        var previous = Latest(address);
        latest[address] = incarnation;
        return previous is long old && old != incarnation && gone.Add((address, old)) ? old : null;
    }

    /// <summary>Marks a run gone; true the first time (the caller raises the event once).</summary>
    public bool MarkGone(Address address, long incarnation) => gone.Add((address, incarnation));

    /// <summary>Quarantines a run (and so marks it gone); true when it was not gone before.</summary>
    public bool Quarantine(Address address, long incarnation)
    {
        quarantined.Add((address, incarnation));
        return gone.Add((address, incarnation));
    }
}
