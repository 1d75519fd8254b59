using System.Collections.Immutable;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>What the sequencer decided on one input: rounds to send, whether the table changed, leaves that finished, registrations refused.</summary>
internal sealed record SequencerOutput(
    ImmutableArray<SequencerRound> Rounds,
    bool TableChanged,
    ImmutableArray<ClusterMember> LeavesFinished,
    ImmutableArray<(ClusterMember Node, string Reason)> Refusals);

/// <summary>The steps that start at one level in one decision: one notice carries them all (SPEC T5).</summary>
internal sealed record SequencerRound(int Level, ImmutableArray<TransitionStep> Steps);
