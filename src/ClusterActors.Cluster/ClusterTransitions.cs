using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Transitions;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster;

/// <summary>The transitions of one running node: its supervisor and a client to talk to it.</summary>
public sealed record ClusterTransitionsHandle(IActorRef Supervisor, TransitionsClient Client);

/// <summary>Starts the transition-ordering supervisor on a node: <c>/system/transitions</c>. Start it, and register the subsystems, before the membership.</summary>
public static class ClusterTransitions
{
    /// <summary>Registers every message the transitions send between nodes; call before the node starts talking.</summary>
    public static void RegisterMessages(MessageTypeRegistry registry) => TransitionMessageTypes.RegisterTo(registry);

    /// <summary>Starts the supervisor of <paramref name="self"/> on <paramref name="node"/>; it asks <c>/system/membership</c> to let the node go after a graceful leave.</summary>
    public static ClusterTransitionsHandle Start(RemoteActorSystem node, ClusterMember self, ITransitionTableJournal journal, TimeSpan? askTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(journal);
        // The coordinator starts after the supervisor (subsystems register before the node joins), so it is looked up when needed.
        IActorRef Membership() => node.ResolveRef($"{node.Address}/system/{MembershipCoordinator.Name}");
        var supervisor = node.System.SystemActorOf(
            Props.Create(() => new TransitionSupervisor(self, new RemoteMembershipNetwork(node, TransitionSupervisor.Name), Membership, journal)),
            TransitionSupervisor.Name);
        var client = new TransitionsClient(supervisor, address => node.ResolveRef($"{address}/system/{TransitionSupervisor.Name}"), askTimeout ?? TimeSpan.FromSeconds(5));
        return new ClusterTransitionsHandle(supervisor, client);
    }
}
