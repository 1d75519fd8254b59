using System.Collections.Immutable;
using ClusterActors.Actors;

namespace ClusterActors.Cluster.Membership;

/// <summary>Where this node stands in the membership protocol.</summary>
public enum MembershipStatus
{
    /// <summary>Not a member yet: petitioning to join (or waiting to retry).</summary>
    Joining,

    /// <summary>A member of a cluster that holds quorum.</summary>
    Up,

    /// <summary>A member taking part in a reconfiguration; services keep their last safe state.</summary>
    Reconfiguring,

    /// <summary>Lost quorum or was excluded (SPEC M10): runs no services, touches no shared resource.</summary>
    Stopped,

    /// <summary>Left the cluster voluntarily.</summary>
    Left,
}

/// <summary>A member together with the epoch in which it joined (the oldest member joined first).</summary>
public sealed record MemberEntry(ClusterMember Member, long JoinedEpoch);

/// <summary>A member that some nodes cannot hear from, and which nodes say so.</summary>
public sealed record UnreachableEntry(ClusterMember Member, ImmutableArray<string> ObservedBy);

/// <summary>Asks the membership coordinator for <see cref="ClusterStateSnapshot"/>.</summary>
public sealed record GetClusterState
{
    /// <summary>The one instance.</summary>
    public static GetClusterState Instance { get; } = new();
}

/// <summary>What one node knows of the cluster: the committed membership, its epoch, crown prince and quorum.</summary>
/// <param name="Self">This node's run.</param>
/// <param name="Status">Where this node stands.</param>
/// <param name="Epoch">The epoch of the committed cluster (0: none yet).</param>
/// <param name="Members">The committed cluster, by priority, highest first.</param>
/// <param name="CrownPrince">The highest-priority member, or null with no cluster.</param>
/// <param name="HasQuorum">True when this node is a member of a cluster that holds quorum.</param>
/// <param name="Unreachable">Members the heartbeat detector currently misses.</param>
/// <param name="Reason">Why the node is not Up (the last abort, the isolation policy …), or null.</param>
public sealed record ClusterStateSnapshot(
    ClusterMember Self,
    MembershipStatus Status,
    long Epoch,
    ImmutableArray<MemberEntry> Members,
    ClusterMember? CrownPrince,
    bool HasQuorum,
    ImmutableArray<UnreachableEntry> Unreachable,
    string? Reason);

/// <summary>Operator request: this node petitions the node at <paramref name="Address"/> (and everyone it knows) to join.</summary>
public sealed record JoinNode(Address Address);

/// <summary>Operator request: the member at <paramref name="Address"/> leaves voluntarily (SPEC M7).</summary>
public sealed record LeaveNode(Address Address);

/// <summary>Operator request: treat the member at <paramref name="Address"/> as failed and reconfigure without it.</summary>
public sealed record DownNode(Address Address);

/// <summary>The answer to <see cref="JoinNode"/>, <see cref="LeaveNode"/> and <see cref="DownNode"/>.</summary>
/// <param name="Outcome">Accepted (work started), NotFound (no such member) or Refused (say why).</param>
/// <param name="Message">A sentence for the operator.</param>
public sealed record MembershipCommandResult(MembershipCommandOutcome Outcome, string Message);

/// <summary>How a membership command was taken.</summary>
public enum MembershipCommandOutcome
{
    /// <summary>The request was taken; the reconfiguration runs in the background.</summary>
    Accepted,

    /// <summary>The address names no member.</summary>
    NotFound,

    /// <summary>The request cannot be carried out now (no quorum, a reconfiguration in progress …).</summary>
    Refused,
}
