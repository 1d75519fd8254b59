using ClusterActors.Cluster.Transitions;

namespace ClusterActors.Management.Transitions;

/// <summary>Turns a <see cref="TransitionsSnapshot"/> into the body of <c>GET /cluster/transitions</c>.</summary>
public static class ClusterTransitionsView
{
    /// <summary>The whole view; addresses are written as <c>/cluster/members</c> writes them, in the snapshot's order.</summary>
    public static ClusterTransitionsResponse From(TransitionsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ClusterTransitionsResponse(
            AnsweredBy: snapshot.AnsweredBy.Address.ToString(),
            Sequencer: snapshot.Sequencer?.Address.ToString(),
            Epoch: snapshot.Epoch,
            Note: snapshot.Note,
            Levels: [.. snapshot.Levels.Select(Level)],
            Nodes: [.. snapshot.Nodes.Select(Node)],
            Transitional: [.. snapshot.Transitional.Select(Node)],
            MessagesSent: snapshot.MessagesSent);
    }

    private static TransitionLevelResponse Level(TransitionLevelView level) =>
        new(
            level.Level,
            [.. level.Subsystems],
            new TransitionBarriersResponse(level.Barriers.Joining, level.Barriers.Leaving, level.Barriers.ForcedLeaving));

    private static NodeTransitionResponse Node(NodeTransitionView node) =>
        new(
            node.Run.Address.ToString(),
            node.NodeId,
            node.Run.Incarnation,
            node.State.ToString(),
            node.Transition?.ToString(),
            node.Level,
            node.Barrier,
            [.. node.Acknowledged],
            [.. node.Awaiting],
            [.. node.DeregisteredLevels],
            node.Note);
}
