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

    /// <summary>Only runs that sent a distress signal are dropped (SPEC S6): they failed, so there is no other side to split from.</summary>
    OnlyDistressedDropped,
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
    public static QuorumVerdict Judge(CommittedCluster previous, IReadOnlyCollection<ClusterMember> prospective) =>
        Judge(previous, prospective, []);

    /// <summary>
    /// Judges <paramref name="prospective"/> against <paramref name="previous"/> less the runs in
    /// <paramref name="distressed"/>: a run that sent a distress signal failed (SPEC S6), so it is a
    /// departure, not a lost vote — as if it had failed one reconfiguration earlier.
    /// </summary>
    /// <remarks>
    /// Only these very runs are removed (node id and incarnation): a newer run of the same node is a
    /// member like any other. The crown prince of a tie is the highest member left after the removal.
    /// </remarks>
    public static QuorumVerdict Judge(CommittedCluster previous, IReadOnlyCollection<ClusterMember> prospective, IReadOnlyCollection<ClusterMember> distressed)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(prospective);
        ArgumentNullException.ThrowIfNull(distressed);
        var remaining = WithoutDistressed(previous, distressed);
        var verdict = JudgeRemaining(remaining, prospective);
        return verdict == QuorumVerdict.NothingDropped && !ReferenceEquals(remaining, previous) && Dropped(previous, prospective)
            ? QuorumVerdict.OnlyDistressedDropped
            : verdict;
    }

    /// <summary>
    /// <paramref name="previous"/> without the runs in <paramref name="distressed"/>, at the same epoch;
    /// <paramref name="previous"/> itself when none of them is a member.
    /// </summary>
    /// <remarks>
    /// When every member distressed, nothing is left: nobody can be on the other side of a split, and
    /// the prospective cluster is judged as a first cluster is.
    /// </remarks>
    public static CommittedCluster WithoutDistressed(CommittedCluster previous, IReadOnlyCollection<ClusterMember> distressed)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(distressed);
        if (previous.IsEmpty || distressed.Count == 0 || !previous.Members.Any(distressed.Contains))
        {
            return previous;
        }

        // Members stay in priority order, so the first one left is the crown prince of what remains.
        return new CommittedCluster(previous.Epoch, [.. previous.Members.Where(member => !distressed.Contains(member))]);
    }

    private static bool Dropped(CommittedCluster previous, IReadOnlyCollection<ClusterMember> prospective) =>
        !previous.IsEmpty && previous.Members.Any(member => !prospective.Any(run => run.NodeId == member.NodeId));

    private static QuorumVerdict JudgeRemaining(CommittedCluster previous, IReadOnlyCollection<ClusterMember> prospective)
    {
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
        verdict is QuorumVerdict.NothingDropped or QuorumVerdict.OnlyDistressedDropped or QuorumVerdict.Majority or QuorumVerdict.TieWithCrownPrince;
}
