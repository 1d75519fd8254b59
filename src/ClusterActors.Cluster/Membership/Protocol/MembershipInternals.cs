using System.Collections.Immutable;

namespace ClusterActors.Cluster.Membership;

/// <summary>Heartbeat → coordinator: members not heard from within the communication timeout (SPEC M11).</summary>
internal sealed record MembersUnreachable(ImmutableArray<ClusterMember> Members);

/// <summary>Heartbeat → coordinator: a member missed before is heard again.</summary>
internal sealed record MemberReachable(ClusterMember Member);

/// <summary>Heartbeat → coordinator: a member keeps a different epoch than this node (one of us missed a commit).</summary>
internal sealed record PeerEpochDiffers(ClusterMember Member, long Epoch);

/// <summary>Coordinator → heartbeat: watch these members (the committed cluster), or none.</summary>
internal sealed record MonitorMembers(CommittedCluster Cluster);

/// <summary>Timer: the presence phase of round <paramref name="Epoch"/> ran out of time.</summary>
internal sealed record PresenceTimedOut(long Epoch);

/// <summary>Timer: the proposal phase of round <paramref name="Epoch"/> ran out of time.</summary>
internal sealed record ProposalsTimedOut(long Epoch);

/// <summary>Self: every proposal of round <paramref name="Epoch"/> agrees; judge quorum and commit.</summary>
internal sealed record DecideRound(long Epoch);

/// <summary>Timer: petition again (a refused join, an aborted reconfiguration).</summary>
internal sealed record RetryJoin
{
    public static RetryJoin Instance { get; } = new();
}
