using System.Collections.Immutable;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>One level-and-barrier step of one node's transition: what a subsystem is notified of and what a member acknowledges.</summary>
public sealed record TransitionStep(ClusterMember Node, TransitionKind Kind, int Level, int Barrier, bool Renotification);

/// <summary>
/// Sequencer → every member: notify your subsystems at <paramref name="Level"/> of <paramref name="Steps"/>
/// (none: the round only carries the table), and take <paramref name="Table"/> as the cluster's state.
/// </summary>
public sealed record TransitionRound(ClusterMember Sequencer, int Level, ImmutableArray<TransitionStep> Steps, TransitionTable Table);

/// <summary>Member → sequencer: every subsystem of <paramref name="From"/> at the steps' level acknowledged them.</summary>
public sealed record StepsAcknowledged(ClusterMember From, ImmutableArray<TransitionStep> Steps);

/// <summary>Member → sequencer: the levels this run's subsystems registered (sent on joining and to every new sequencer).</summary>
public sealed record AnnounceRegistrations(NodeRegistrations Registrations);

/// <summary>Member → sequencer: start the graceful leave of <paramref name="Node"/> (SPEC T3, T8).</summary>
public sealed record RequestLeave(ClusterMember Node, ClusterMember RequestedBy);

/// <summary>Sequencer → a leaving run: every level on every member processed your leave; leave the membership now.</summary>
public sealed record LeaveFinished(ClusterMember Node);

/// <summary>Sequencer → a run: your registrations conflict with the cluster's levels; you will not be joined (SPEC T2).</summary>
public sealed record RegistrationsRefused(ClusterMember Node, string Reason);

/// <summary>New sequencer → every other member: send me your table (the newest copy wins, so nothing a lost round announced is forgotten).</summary>
public sealed record ShareTable(ClusterMember Sequencer, long Epoch);

/// <summary>Member → new sequencer: the table this member holds, and its own registrations (so the joins of a whole new cluster start together, SPEC T5).</summary>
public sealed record SharedTable(ClusterMember From, long Epoch, TransitionTable Table, NodeRegistrations Registrations);
