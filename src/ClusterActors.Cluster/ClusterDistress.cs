using ClusterActors.Actors;
using ClusterActors.Cluster.Distress;
using ClusterActors.Cluster.Membership;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster;

/// <summary>The distress signal of one running node: <c>/system/distress</c> and the signal to send from any thread.</summary>
public sealed record ClusterDistressHandle(IActorRef Coordinator, DistressSignal Signal);

/// <summary>Starts the distress signal on a node (SPEC S1–S6): builds the frame, starts the waiting sender thread and <c>/system/distress</c>.</summary>
public static class ClusterDistress
{
    /// <summary>Starts the distress signal of <paramref name="self"/> on <paramref name="node"/>; it tells <c>/system/membership</c> what happened.</summary>
    public static ClusterDistressHandle Start(RemoteActorSystem node, ClusterMember self, DistressSettings settings, IDistressWire? wire = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(settings);
        // The membership starts after this actor (so no commit is missed), so it is looked up when needed.
        IActorRef Membership() => node.ResolveRef($"{node.Address}/system/{MembershipCoordinator.Name}");
        var sender = new DistressSender(DistressFrame.Build(node.Identity), wire ?? new RemoteDistressWire(node), settings.WriteTimeout);
        var coordinator = node.System.SystemActorOf(Props.Create(() => new DistressCoordinator(self, sender, Membership)), DistressCoordinator.Name);
        return new ClusterDistressHandle(coordinator, new DistressSignal(sender, settings, coordinator));
    }
}
