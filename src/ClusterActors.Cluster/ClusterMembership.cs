using ClusterActors.Actors;
using ClusterActors.Cluster.Heartbeat;
using ClusterActors.Cluster.Membership;
using ClusterActors.Persistence.Devices;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster;

/// <summary>The membership of one running node: its coordinator and heartbeat detector, and a client to talk to them.</summary>
public sealed record ClusterMembershipHandle(ClusterMember Self, IActorRef Coordinator, IActorRef Heartbeat, IClusterMembershipClient Client);

/// <summary>Starts the membership on a node: <c>/system/heartbeat</c> and <c>/system/membership</c>, which petitions the seed nodes at once.</summary>
public static class ClusterMembership
{
    /// <summary>Registers every message the membership sends between nodes; call before the node starts talking.</summary>
    public static void RegisterMessages(MessageTypeRegistry registry) => MembershipMessageTypes.RegisterTo(registry);

    /// <summary>Starts the membership actors on <paramref name="node"/>; the management client asks with <paramref name="askTimeout"/>.</summary>
    public static ClusterMembershipHandle Start(RemoteActorSystem node, MembershipSettings settings, IQuorumDeviceStore devices, TimeSpan? askTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(devices);
        settings.Validate();
        var self = new ClusterMember(node.Identity.NodeId, node.Address, node.Identity.Incarnation);
        var heartbeat = node.System.SystemActorOf(
            Props.Create(() => new HeartbeatDetector(settings, self, new RemoteMembershipNetwork(node, HeartbeatDetector.Name))),
            HeartbeatDetector.Name);
        var coordinator = node.System.SystemActorOf(
            Props.Create(() => new MembershipCoordinator(settings, self, new RemoteMembershipNetwork(node, MembershipCoordinator.Name), devices, heartbeat)),
            MembershipCoordinator.Name);
        return new ClusterMembershipHandle(self, coordinator, heartbeat, new MembershipClient(coordinator, askTimeout ?? TimeSpan.FromSeconds(5)));
    }
}
