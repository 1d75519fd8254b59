namespace ClusterActors.Cluster.Transitions;

/// <summary>Where one node stands in the cluster's transitions (SPEC T1); every member holds the same state for every node.</summary>
public enum NodeTransitionState
{
    /// <summary>Not an active member: never joined, left gracefully, or its forced leave is over.</summary>
    Inactive,

    /// <summary>Its graceful join is travelling up the levels.</summary>
    Joining,

    /// <summary>Every level on every member has processed its join.</summary>
    Joined,

    /// <summary>Its graceful leave is travelling down the levels.</summary>
    Leaving,

    /// <summary>The others forced it out; recovery is travelling up the levels.</summary>
    ForcedLeaving,
}

/// <summary>The three transitions a node goes through (SPEC T3): each has its own direction and barrier count.</summary>
public enum TransitionKind
{
    /// <summary>Graceful join: bottom-up.</summary>
    Join,

    /// <summary>Graceful leave: top-down.</summary>
    Leave,

    /// <summary>Forced leave: bottom-up, through the levels that still hold the node (SPEC T7).</summary>
    ForcedLeave,
}
