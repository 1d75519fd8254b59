using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Transitions;

namespace ClusterActors.Node.Tests.Management;

/// <summary>A scripted transitions client for route tests: returns the snapshot it is given, or fails with the given exception.</summary>
public sealed class ClusterTransitionsFakeClient : ITransitionsClient
{
    public static readonly ClusterMember Node1 = ClusterMembersFakeClient.Member("node-1", 2551, 11);
    public static readonly ClusterMember Node2 = ClusterMembersFakeClient.Member("node-2", 2552, 22);
    public static readonly ClusterMember Node3 = ClusterMembersFakeClient.Member("node-3", 2553, 33);
    public static readonly ClusterMember Node4 = ClusterMembersFakeClient.Member("node-4", 2554, 44);
    public static readonly ClusterMember Node5 = ClusterMembersFakeClient.Member("node-5", 2555, 55);

    /// <summary>
    /// Answered by node-3, the sequencer, in epoch 9. Four levels; level 3 asks for two barriers on join and leave.
    /// node-1 Joined; node-2 Joining at level 1; node-3 Leaving at level 3, barrier 1, its level 4 de-registered;
    /// node-4 ForcedLeaving at level 2; node-5 Inactive with a queued rejoin.
    /// </summary>
    public static readonly TransitionsSnapshot FiveNodes = new(
        AnsweredBy: Node3,
        Sequencer: Node3,
        Epoch: 9,
        Levels:
        [
            new TransitionLevelView(1, ["node-1/membership", "node-2/membership", "node-3/membership"], TransitionBarriers.One),
            new TransitionLevelView(2, ["node-1/lock-manager", "node-3/lock-manager"], TransitionBarriers.One),
            new TransitionLevelView(3, ["node-1/disk", "node-3/disk"], new TransitionBarriers(2, 2, 1)),
            new TransitionLevelView(4, ["node-3/event-manager"], new TransitionBarriers(1, 3, 1)),
        ],
        Nodes:
        [
            Idle("node-1", Node1, NodeTransitionState.Joined),
            new NodeTransitionView("node-2", Node2, NodeTransitionState.Joining, TransitionKind.Join, 1, 0, ["node-1"], ["node-2", "node-3"], [], null),
            new NodeTransitionView("node-3", Node3, NodeTransitionState.Leaving, TransitionKind.Leave, 3, 1, ["node-1", "node-2"], ["node-3"], [4], null),
            new NodeTransitionView("node-4", Node4, NodeTransitionState.ForcedLeaving, TransitionKind.ForcedLeave, 2, 0, [], ["node-1", "node-2", "node-3"], [], null),
            Idle("node-5", Node5, NodeTransitionState.Inactive) with { Note = "rejoin queued until every survivor has processed its forced leave" },
        ],
        Note: null,
        MessagesSent: 412);

    public TransitionsSnapshot Snapshot { get; set; } = FiveNodes;

    /// <summary>When set, every read fails with it (the supervisor's Ask timing out, the supervisor not started).</summary>
    public Exception? Failure { get; set; }

    public static NodeTransitionView Idle(string nodeId, ClusterMember run, NodeTransitionState state) =>
        new(nodeId, run, state, null, null, null, [], [], [], null);

    public Task<TransitionsSnapshot> GetTransitionsAsync(CancellationToken cancellationToken = default) =>
        Failure is null ? Task.FromResult(Snapshot) : Task.FromException<TransitionsSnapshot>(Failure);

    // The transitions route only reads: a call here means a route started changing state.
    public Task<MembershipCommandResult> LeaveAsync(Address address, CancellationToken cancellationToken = default) =>
        Task.FromException<MembershipCommandResult>(new NotSupportedException($"The transitions fake does not leave ({address})."));
}
