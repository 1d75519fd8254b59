using System.Collections.Concurrent;
using ClusterActors.Actors;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster.Membership;

/// <summary>Reaches the actor at <c>/system/{actorName}</c> on other nodes through remoting.</summary>
public sealed class RemoteMembershipNetwork(RemoteActorSystem node, string actorName) : IMembershipNetwork
{
    private readonly ConcurrentDictionary<Address, IActorRef> refs = new();

    /// <inheritdoc />
    public void Send(Address address, object message)
    {
        ArgumentNullException.ThrowIfNull(address);
        var target = refs.GetOrAdd(address, peer => node.ResolveRef($"{peer}/system/{actorName}"));
        target.Tell(message);
    }
}
