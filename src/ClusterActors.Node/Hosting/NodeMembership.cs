using ClusterActors.Actors;
using ClusterActors.Cluster;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Node.Hosting;

/// <summary>The node's membership as the management routes see it: available once the actor system has started it.</summary>
/// <remarks>The routes are mapped when the web host is built, before the actor system exists; until then every call fails and the routes answer 503.</remarks>
/// <remarks>A leave goes through the transitions first (Leaving top-down on every member), which then let the node go.</remarks>
public sealed class NodeMembership(NodeTransitions transitions) : IClusterMembershipClient
{
    private volatile ClusterMembershipHandle? handle;

    /// <summary>The running membership; throws before the actor system has started it.</summary>
    public ClusterMembershipHandle Handle => handle ?? throw new InvalidOperationException("The membership has not started yet.");

    internal void Started(ClusterMembershipHandle started) => handle = started;

    /// <inheritdoc />
    public Task<ClusterStateSnapshot> GetStateAsync(CancellationToken cancellationToken = default) => Handle.Client.GetStateAsync(cancellationToken);

    /// <inheritdoc />
    public Task<MembershipCommandResult> JoinAsync(Address address, CancellationToken cancellationToken = default) => Handle.Client.JoinAsync(address, cancellationToken);

    /// <inheritdoc />
    public Task<MembershipCommandResult> LeaveAsync(Address address, CancellationToken cancellationToken = default) => transitions.LeaveAsync(address, cancellationToken);

    /// <inheritdoc />
    public Task<MembershipCommandResult> DownAsync(Address address, CancellationToken cancellationToken = default) => Handle.Client.DownAsync(address, cancellationToken);
}
