using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>What the management routes and the node host need from the transitions: read them, and start a graceful leave.</summary>
public interface ITransitionsClient
{
    /// <summary>The cluster's transitions, as the sequencer sees them (the local view when it cannot be asked).</summary>
    Task<TransitionsSnapshot> GetTransitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts the graceful leave of the member at <paramref name="address"/>: Leaving top-down, then it leaves the membership.</summary>
    Task<MembershipCommandResult> LeaveAsync(Address address, CancellationToken cancellationToken = default);
}
