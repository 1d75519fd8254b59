namespace ClusterActors.Cluster.Membership;

/// <summary>How a prospective cluster stands against the previous one (SPEC M8).</summary>
public enum QuorumVerdict
{
    /// <summary>Nobody of the previous cluster is dropped (a join, or the first cluster): no quorum question arises.</summary>
    NothingDropped,

    /// <summary>More than half of a previous cluster of more than two survive.</summary>
    Majority,

    /// <summary>Exactly half survive and the previous crown prince is among them.</summary>
    TieWithCrownPrince,

    /// <summary>One of a previous pair survives: it must win the race for the device the pair shares.</summary>
    RaceForDevice,

    /// <summary>Less than half survive, or exactly half without the crown prince, or no one.</summary>
    NoQuorum,
}

/// <summary>Quorum relative to the previous membership (SPEC M8): majority, crown prince on an exact half, a race for two.</summary>
public static class QuorumRule
{
    /// <summary>Judges <paramref name="prospective"/> against <paramref name="previous"/>.</summary>
    /// <remarks>
    /// Votes are counted per node id, not per run: a node that restarted and answers is a node that
    /// is up and talking to us, and its earlier run is gone, so it cannot be the other half of a split.
    /// Counting runs would leave a cluster whose majority restarted without quorum for ever.
    /// </remarks>
    public static QuorumVerdict Judge(CommittedCluster previous, IReadOnlyCollection<ClusterMember> prospective)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(prospective);
        var present = prospective.Select(member => member.NodeId).ToHashSet(StringComparer.Ordinal);
        if (previous.IsEmpty || previous.Members.All(member => present.Contains(member.NodeId)))
        {
            return QuorumVerdict.NothingDropped;
        }

        var size = previous.Members.Length;
        var survivors = previous.Members.Count(member => present.Contains(member.NodeId));
        if (survivors == 0)
        {
            return QuorumVerdict.NoQuorum;
        }

        if (size <= 2)
        {
            // A one-member cluster that keeps its node drops nobody, so here size is 2 and one survives.
            return QuorumVerdict.RaceForDevice;
        }

        return (survivors * 2).CompareTo(size) switch
        {
            > 0 => QuorumVerdict.Majority,
            0 when present.Contains(previous.CrownPrince!.NodeId) => QuorumVerdict.TieWithCrownPrince,
            _ => QuorumVerdict.NoQuorum,
        };
    }

    /// <summary>True for the verdicts that grant quorum without a device.</summary>
    public static bool GrantsQuorum(QuorumVerdict verdict) =>
        verdict is QuorumVerdict.NothingDropped or QuorumVerdict.Majority or QuorumVerdict.TieWithCrownPrince;
}
