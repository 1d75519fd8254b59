using ClusterActors.Actors;

namespace ClusterActors.Cluster.Membership;

/// <summary>What the management routes and the node host need from the membership: read the state, ask for a join, leave or down.</summary>
public interface IClusterMembershipClient
{
    /// <summary>This node's view of the cluster.</summary>
    Task<ClusterStateSnapshot> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Petitions to join the cluster that the node at <paramref name="address"/> belongs to.</summary>
    Task<MembershipCommandResult> JoinAsync(Address address, CancellationToken cancellationToken = default);

    /// <summary>Asks the member at <paramref name="address"/> to leave voluntarily.</summary>
    Task<MembershipCommandResult> LeaveAsync(Address address, CancellationToken cancellationToken = default);

    /// <summary>Marks the member at <paramref name="address"/> as failed: the others reconfigure without it.</summary>
    Task<MembershipCommandResult> DownAsync(Address address, CancellationToken cancellationToken = default);
}
