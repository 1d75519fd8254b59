using ClusterActors.Actors;
using ClusterActors.Cluster;
using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Transitions;

namespace ClusterActors.Node.Hosting;

/// <summary>The node's transitions as the management routes see them: available once the actor system has started them.</summary>
public sealed class NodeTransitions : ITransitionsClient
{
    private volatile ClusterTransitionsHandle? handle;

    /// <summary>The running transitions; throws before the actor system has started them.</summary>
    public ClusterTransitionsHandle Handle => handle ?? throw new InvalidOperationException("The transitions have not started yet.");

    internal void Started(ClusterTransitionsHandle started) => handle = started;

    /// <inheritdoc />
    public Task<TransitionsSnapshot> GetTransitionsAsync(CancellationToken cancellationToken = default) => Handle.Client.GetTransitionsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<MembershipCommandResult> LeaveAsync(Address address, CancellationToken cancellationToken = default) => Handle.Client.LeaveAsync(address, cancellationToken);
}
