using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>
/// The replicated state of the cluster's transitions: every node's state and, for a transitional node,
/// where its transition stands. The sequencer sends it with every round, so every member holds the
/// same table (SPEC T1) and a new sequencer can carry on from its copy.
/// </summary>
/// <param name="Epoch">The membership epoch of the sequencer that wrote it.</param>
/// <param name="Sequence">Increases with every change the sequencer makes; (Epoch, Sequence) orders tables.</param>
/// <param name="Levels">The cluster's levels, lowest first.</param>
/// <param name="Entries">One entry per node id.</param>
/// <param name="Registrations">The levels each member's subsystems registered.</param>
public sealed record TransitionTable(
    long Epoch,
    long Sequence,
    ImmutableArray<LevelDefinition> Levels,
    ImmutableArray<TransitionEntry> Entries,
    ImmutableArray<NodeRegistrations> Registrations)
{
    /// <summary>The table before any sequencer wrote one.</summary>
    public static TransitionTable Empty { get; } = new(0, 0, [], [], []);

    /// <summary>True when this table was written after <paramref name="other"/>.</summary>
    public bool IsNewerThan(TransitionTable other) =>
        other is null || Epoch > other.Epoch || (Epoch == other.Epoch && Sequence > other.Sequence);

    /// <summary>The entry of <paramref name="nodeId"/>, or null.</summary>
    public TransitionEntry? Find(string nodeId) => Entries.FirstOrDefault(entry => entry.NodeId == nodeId);
}

/// <summary>A level of the global ordering: its barriers and the subsystems registered at it (node id / name).</summary>
public sealed record LevelDefinition(int Level, TransitionBarriers Barriers, ImmutableArray<string> Subsystems);

/// <summary>The levels one run's subsystems registered.</summary>
public sealed record NodeRegistrations(ClusterMember Node, ImmutableArray<LevelRegistration> Levels);

/// <summary>One registered subsystem as the other nodes learn of it.</summary>
public sealed record LevelRegistration(int Level, string Name, TransitionBarriers Barriers);

/// <summary>
/// One node's row in the table. While it is transitional, <see cref="Path"/> lists the levels its
/// transition travels in order, <see cref="Index"/> and <see cref="Barrier"/> say where it stands, and
/// <see cref="Awaiting"/> names the members that still have to acknowledge that step.
/// </summary>
/// <param name="NodeId">The node.</param>
/// <param name="Run">Its run.</param>
/// <param name="State">Its state (SPEC T1).</param>
/// <param name="Kind">The transition in flight, or null.</param>
/// <param name="Path">The levels the transition travels, in order.</param>
/// <param name="Index">The position in <see cref="Path"/> being notified (-1: not started).</param>
/// <param name="Barrier">The barrier being notified.</param>
/// <param name="Awaiting">Node ids that have not acknowledged the current step.</param>
/// <param name="Acknowledged">Node ids that have.</param>
/// <param name="Reached">Levels the node's graceful join has been notified at (what a forced leave must undo, SPEC T7).</param>
/// <param name="Deregistered">Levels of this node that finished its graceful leave (SPEC T10).</param>
/// <param name="LeaveRequested">A leave asked while joining: turned into Leaving at the next level boundary (SPEC T8).</param>
/// <param name="Interrupted">The level a forced leave interrupted (its subsystems are re-notified there, SPEC T6), or null.</param>
/// <param name="QueuedRun">A newer run of this node, waiting to join until its forced leave is over (SPEC T9).</param>
/// <param name="Note">Why the node waits, or null.</param>
public sealed record TransitionEntry(
    string NodeId,
    ClusterMember Run,
    NodeTransitionState State,
    TransitionKind? Kind,
    ImmutableArray<int> Path,
    int Index,
    int Barrier,
    ImmutableArray<string> Awaiting,
    ImmutableArray<string> Acknowledged,
    ImmutableArray<int> Reached,
    ImmutableArray<int> Deregistered,
    bool LeaveRequested,
    int? Interrupted,
    ClusterMember? QueuedRun,
    string? Note)
{
    /// <summary>A node that is not transitional.</summary>
    public static TransitionEntry Settled(ClusterMember run, NodeTransitionState state) =>
        new(run.NodeId, run, state, null, [], -1, 0, [], [], [], [], false, null, null, null);

    /// <summary>The level being notified, or null.</summary>
    [JsonIgnore]
    public int? CurrentLevel => Kind is not null && Index >= 0 && Index < Path.Length ? Path[Index] : null;
}
