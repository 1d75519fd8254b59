using System.Text;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>One node's transition state (SPEC T1) as an observer node sees it.</summary>
/// <param name="NodeId">The node observed.</param>
/// <param name="Address">The address of its run.</param>
/// <param name="Incarnation">The incarnation of its run.</param>
/// <param name="State">Its state ("Inactive", "Joining", "Joined", "Leaving", "ForcedLeaving").</param>
/// <param name="Transition">The transition in flight ("Join", "Leave", "ForcedLeave"), or null.</param>
/// <param name="Level">The level being notified, or null.</param>
/// <param name="Barrier">The barrier being notified (0-based), or null.</param>
public sealed record TransitionStateRecord(
    string NodeId,
    string Address,
    long Incarnation,
    string State,
    string? Transition,
    int? Level,
    int? Barrier);

/// <summary>The active membership state one observer node last wrote: every node's transition state, stamped with its epoch and sequence.</summary>
/// <param name="ObserverNodeId">The node whose view this is.</param>
/// <param name="Epoch">The membership epoch of the view.</param>
/// <param name="Sequence">Orders the observer's writes within an epoch.</param>
/// <param name="UpdatedAt">When the view was written; the databases keep it in UTC to the microsecond.</param>
/// <param name="States">One state per node; the databases return them ordered by node id.</param>
/// <remarks>Equality compares <see cref="States"/> element by element, not by list reference.</remarks>
public sealed record TransitionStatesRecord(
    string ObserverNodeId,
    long Epoch,
    long Sequence,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TransitionStateRecord> States)
{
    /// <summary>True when every field is equal and <see cref="States"/> holds equal states in the same order.</summary>
    public bool Equals(TransitionStatesRecord? other) =>
        other is not null
        && ObserverNodeId == other.ObserverNodeId
        && Epoch == other.Epoch
        && Sequence == other.Sequence
        && UpdatedAt.Equals(other.UpdatedAt)
        && (ReferenceEquals(States, other.States) || (States is not null && other.States is not null && States.SequenceEqual(other.States)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ObserverNodeId, Epoch, Sequence, UpdatedAt, States?.Count ?? -1);

    // The generated ToString would print the list's type name; a failed comparison should show the states.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ObserverNodeId = ").Append(ObserverNodeId)
            .Append(", Epoch = ").Append(Epoch)
            .Append(", Sequence = ").Append(Sequence)
            .Append(", UpdatedAt = ").Append(UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", States = [").AppendJoin(", ", States ?? []).Append(']');
        return true;
    }
}
