using ClusterActors.Actors;

namespace ClusterActors.Cluster.Membership;

/// <summary>Talks to the local membership coordinator by Ask: the only way code outside the actor reads or changes membership.</summary>
public sealed class MembershipClient(IActorRef coordinator, TimeSpan timeout) : IClusterMembershipClient
{
    /// <inheritdoc />
    public Task<ClusterStateSnapshot> GetStateAsync(CancellationToken cancellationToken = default) =>
        coordinator.Ask<ClusterStateSnapshot>(GetClusterState.Instance, timeout, cancellationToken);

    /// <inheritdoc />
    public Task<MembershipCommandResult> JoinAsync(Address address, CancellationToken cancellationToken = default) =>
        coordinator.Ask<MembershipCommandResult>(new JoinNode(address), timeout, cancellationToken);

    /// <inheritdoc />
    public Task<MembershipCommandResult> LeaveAsync(Address address, CancellationToken cancellationToken = default) =>
        coordinator.Ask<MembershipCommandResult>(new LeaveNode(address), timeout, cancellationToken);

    /// <inheritdoc />
    public Task<MembershipCommandResult> DownAsync(Address address, CancellationToken cancellationToken = default) =>
        coordinator.Ask<MembershipCommandResult>(new DownNode(address), timeout, cancellationToken);
}
