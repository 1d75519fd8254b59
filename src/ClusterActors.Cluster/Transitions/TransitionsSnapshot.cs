using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>Asks the transition-ordering supervisor for <see cref="TransitionsSnapshot"/>.</summary>
public sealed record GetTransitions
{
    /// <summary>The one instance.</summary>
    public static GetTransitions Instance { get; } = new();
}

/// <summary>What one supervisor knows of the cluster's transitions (<c>GET /cluster/transitions</c>).</summary>
/// <param name="AnsweredBy">The node whose supervisor answered (the sequencer when it could be reached, else the asked node).</param>
/// <param name="Sequencer">The member that orders the transitions (the crown prince), or null with no cluster.</param>
/// <param name="Epoch">The membership epoch the answer is based on.</param>
/// <param name="Levels">The cluster's levels, lowest first, with their subsystems and barriers.</param>
/// <param name="Nodes">Every node's state (SPEC T1), by node id.</param>
/// <param name="Note">Why the answer may be incomplete (the sequencer could not be asked …), or null.</param>
/// <param name="MessagesSent">Transition messages the answering supervisor has sent to other members since it started (rounds, acknowledgements, leave requests, table exchanges).</param>
public sealed record TransitionsSnapshot(
    ClusterMember AnsweredBy,
    ClusterMember? Sequencer,
    long Epoch,
    ImmutableArray<TransitionLevelView> Levels,
    ImmutableArray<NodeTransitionView> Nodes,
    string? Note,
    long MessagesSent)
{
    /// <summary>The nodes in the middle of a transition.</summary>
    [JsonIgnore]
    public IEnumerable<NodeTransitionView> Transitional => Nodes.Where(node => node.Transition is not null);
}

/// <summary>One level of the global ordering: the subsystems registered at it (node id / name) and its barriers.</summary>
public sealed record TransitionLevelView(int Level, ImmutableArray<string> Subsystems, TransitionBarriers Barriers);

/// <summary>One node's transition state and, while it is transitional, where its transition stands.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Run">Its run (address and incarnation).</param>
/// <param name="State">Its state (SPEC T1).</param>
/// <param name="Transition">The transition in flight, or null.</param>
/// <param name="Level">The level being notified, or null.</param>
/// <param name="Barrier">The barrier being notified (0-based), or null.</param>
/// <param name="Acknowledged">Node ids whose supervisors acknowledged the current level and barrier.</param>
/// <param name="Awaiting">Node ids still to acknowledge it.</param>
/// <param name="DeregisteredLevels">Levels of this node that finished its graceful leave and get no more notices (SPEC T10).</param>
/// <param name="Note">Why the transition waits (a queued rejoin, missing registrations …), or null.</param>
public sealed record NodeTransitionView(
    string NodeId,
    ClusterMember Run,
    NodeTransitionState State,
    TransitionKind? Transition,
    int? Level,
    int? Barrier,
    ImmutableArray<string> Acknowledged,
    ImmutableArray<string> Awaiting,
    ImmutableArray<int> DeregisteredLevels,
    string? Note);
