using ClusterActors.Actors;

namespace ClusterActors.Cluster.Membership;

/// <summary>How cluster actors reach their counterparts on other nodes.</summary>
public interface IMembershipNetwork
{
    /// <summary>Sends <paramref name="message"/> to the counterpart actor on the node at <paramref name="address"/> (fire and forget; loss is the protocol's business).</summary>
    void Send(Address address, object message);
}
