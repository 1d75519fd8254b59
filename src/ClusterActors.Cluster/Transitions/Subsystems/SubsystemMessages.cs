using System.Collections.Immutable;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>
/// Subsystem → <c>/system/transitions</c>: register the sender at <paramref name="Level"/> of the global
/// ordering (lower = more basic) with <paramref name="Barriers"/> per transition (SPEC T2). Register
/// before the node joins; the answer is <see cref="SubsystemRegistered"/> or <see cref="SubsystemRegistrationRefused"/>.
/// </summary>
public sealed record RegisterSubsystem(string Name, int Level, TransitionBarriers Barriers);

/// <summary>The registration was taken: notices for <paramref name="Level"/> now come to the subsystem.</summary>
public sealed record SubsystemRegistered(string Name, int Level);

/// <summary>The registration was refused (a bad name or level, or barriers that differ from the level's, SPEC T2).</summary>
public sealed record SubsystemRegistrationRefused(string Name, int Level, string Reason);

/// <summary>
/// Supervisor → subsystem: process these transitions at your level and barrier, then answer
/// <see cref="TransitionAcknowledged"/> with <see cref="Id"/> — as late as the work needs.
/// </summary>
/// <param name="Id">What to acknowledge.</param>
/// <param name="Level">The subsystem's level.</param>
/// <param name="Transitions">The real transitions (one or several nodes, SPEC T5).</param>
/// <param name="Nodes">Every node's state (Inactive and Joined ones travel along, Table 1).</param>
public sealed record TransitionNotice(long Id, int Level, ImmutableArray<NodeTransition> Transitions, ImmutableArray<NodeStateEntry> Nodes)
{
    /// <summary>The acknowledgement of this notice.</summary>
    public TransitionAcknowledged Acknowledgement => new(Id);
}

/// <summary>One node's transition in a notice: which run, which transition at which barrier, and whether it re-notifies an interrupted one (Table 1).</summary>
/// <param name="Node">The transitional node's run.</param>
/// <param name="Kind">Join, Leave or ForcedLeave.</param>
/// <param name="State">The state the notice announces: Joining, Leaving or ForcedLeaving.</param>
/// <param name="Barrier">The barrier (0-based).</param>
/// <param name="Barriers">How many barriers this level has for this transition.</param>
/// <param name="Renotification">True when a forced leave reaches a level still processing this node's join or leave: abort that work and recover (SPEC T6).</param>
public sealed record NodeTransition(ClusterMember Node, TransitionKind Kind, NodeTransitionState State, int Barrier, int Barriers, bool Renotification);

/// <summary>A node and its state, as every member holds it (SPEC T1).</summary>
public sealed record NodeStateEntry(ClusterMember Node, NodeTransitionState State);

/// <summary>Subsystem → supervisor: the notice <paramref name="NoticeId"/> is processed.</summary>
public sealed record TransitionAcknowledged(long NoticeId);

/// <summary>Supervisor → subsystem of a leaving node: your level finished its graceful leave; no more notices come (SPEC T10).</summary>
public sealed record SubsystemDeregistered(string Name, int Level);

/// <summary>Supervisor → subsystems of a node forced out of the cluster: stop at once, touch no shared resource (SPEC T9).</summary>
public sealed record TransitionsHalted(ClusterMember Self, string Reason);
