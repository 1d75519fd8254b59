namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>The (epoch, sequence) an observer's stored view carries: a write lower than it is stale.</summary>
internal readonly record struct StoredView(long Epoch, long Sequence)
{
    /// <summary>True when <paramref name="states"/> may replace this view: its (epoch, sequence) is not lower (an equal one is a retry).</summary>
    public bool AcceptsWrite(TransitionStatesRecord states) =>
        Epoch < states.Epoch || (Epoch == states.Epoch && Sequence <= states.Sequence);
}
